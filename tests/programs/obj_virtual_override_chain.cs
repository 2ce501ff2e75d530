using System;

// Three levels of overrides, base calls, a `new` slot that hides without overriding, and sealed overrides.
class Animal
{
    public virtual string Sound() => "...";
    public virtual int Legs() => 4;
    public string Describe() => Sound() + "/" + Legs();
    public virtual string Kind() => "animal";
}

class Bird : Animal
{
    public override string Sound() => "tweet";
    public override int Legs() => 2;
    public new string Kind() => "bird";
}

class Parrot : Bird
{
    public sealed override string Sound() => "hello " + base.Sound();
}

class Dog : Animal
{
    public override string Sound() => "woof";
}

static class Program
{
    static int Main()
    {
        Animal[] zoo = { new Animal(), new Bird(), new Parrot(), new Dog() };
        int total = 0;
        foreach (var a in zoo)
        {
            Console.WriteLine(a.Describe() + " " + a.Kind());
            total += a.Legs();
        }
        Bird b = new Parrot();
        Console.WriteLine(b.Kind());
        Console.WriteLine(((Animal)b).Kind());
        Console.WriteLine(total);
        return total;
    }
}
