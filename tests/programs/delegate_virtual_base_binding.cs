// How delegates bind their targets: a virtual method bound through a base reference dispatches to
// the override, `base.M` bound inside an override calls the base implementation, interface methods,
// extension methods closed over their first argument, and static lambdas. (Delegates over struct
// methods: tests/pending/delegate_method_binding.cs, COMPILER_BUGS.md entry 9.)
using System;

class Animal { public string Name = "animal"; public virtual string Speak() => Name + " makes a sound"; }
class Dog : Animal
{
    public Dog() { Name = "dog"; }
    public override string Speak() => Name + " barks";
    public Func<string> BaseSpeak() => base.Speak;
    public Func<string> OwnSpeak() => Speak;
}
interface IGreeter { string Greet(string who); }
class Formal : IGreeter { public string Greet(string who) => "Good day, " + who; }
static class Ext { public static string Shout(this string s) => s + "!"; public static int Times(this int x, int k) => x * k; }

static class Program
{
    static int Main()
    {
        Animal a = new Dog();
        Func<string> v = a.Speak;
        var d = (Dog)a;
        Console.WriteLine(v() + " | " + d.BaseSpeak()() + " | " + d.OwnSpeak()());
        d.Name = "rex";
        Console.WriteLine(v() + " | " + d.BaseSpeak()());
        IGreeter g = new Formal();
        Func<string, string> greet = g.Greet;
        Console.WriteLine(greet("Ada"));
        int third = greet("x").Length;
        Func<string> shout = "hey".Shout;
        Func<int, int> triple = x => x.Times(3);
        Console.WriteLine(shout() + " " + triple(14));
        Func<int, int> sq = static x => x * x;
        Console.WriteLine(sq(12));
        return third + triple(2);
    }
}
