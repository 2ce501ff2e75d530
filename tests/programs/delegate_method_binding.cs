// How delegates bind their targets: a virtual method bound through a base reference dispatches to
// the override, `base.M` bound inside an override calls the base implementation, interface methods,
// struct instance methods (the delegate holds a boxed copy), extension methods closed over their
// first argument, and static lambdas.
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
struct Counter { public int N; public int Next() => ++N; }
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
        var c = new Counter();
        Func<int> next = c.Next;
        next(); next(); int third = next();
        Console.WriteLine("delegate's copy " + third + ", original " + c.N);
        c.Next();
        Console.WriteLine("original after own call " + c.N + ", delegate continues " + next());
        Func<string> shout = "hey".Shout;
        Func<int, int> triple = x => x.Times(3);
        Console.WriteLine(shout() + " " + triple(14));
        Func<int, int> sq = static x => x * x;
        Console.WriteLine(sq(12));
        return third + triple(2) + c.N;
    }
}
