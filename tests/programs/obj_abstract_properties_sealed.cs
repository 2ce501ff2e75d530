// Abstract and virtual properties, a sealed override, protected members, base property access,
// default ToString naming the runtime type, and Equals/ReferenceEquals on plain objects.
using System;

abstract class Animal
{
    protected int legs;
    protected Animal(int legs) { this.legs = legs; }
    public abstract string Sound { get; }
    public virtual string Name => "animal";
    public virtual int Legs { get => legs; set => legs = value < 0 ? 0 : value; }
    public string Speak() => Name + " says " + Sound + " on " + Legs + " legs";
}
class Dog : Animal { public Dog() : base(4) { } public override string Sound => "woof"; public override string Name => "dog"; }
class Puppy : Dog { public override string Sound => "yip"; public override string Name => "puppy (" + base.Name + ")"; }
class Bird : Animal
{
    public Bird() : base(2) { }
    public override string Sound => "tweet";
    public sealed override int Legs { get => base.Legs; set => base.Legs = value > 2 ? 2 : value; }
}
class Parrot : Bird { public override string Sound => "hello"; public override string Name => "parrot"; }
class Plain { }

static class Program
{
    static int Main()
    {
        Animal[] zoo = { new Dog(), new Puppy(), new Bird(), new Parrot() };
        int total = 0;
        foreach (var a in zoo) { Console.WriteLine(a.Speak()); total += a.Legs; }
        zoo[0].Legs = -3; zoo[2].Legs = 7; zoo[3].Legs = 1;
        foreach (var a in zoo) Console.Write(a.Legs + " ");
        Console.WriteLine();
        var p = new Plain(); var q = new Plain();
        Console.WriteLine(p.ToString() + " " + zoo[1].ToString());
        Console.WriteLine(p.Equals(q) + " " + p.Equals(p) + " " + ReferenceEquals(p, q) + " " + p.Equals(null));
        object o = zoo[3];
        Console.WriteLine(o);
        return total;
    }
}
