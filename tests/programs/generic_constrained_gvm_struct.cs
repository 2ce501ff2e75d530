// A generic interface method called through a constrained type parameter, instantiated with a
// struct and with a class.
using System;

interface IMap { T Map<T>(T x); string Name { get; } }
struct Doubler : IMap { public int Calls; public T Map<T>(T x) { Calls++; return x; } public string Name => "doubler"; }
class Echo : IMap { public int Calls; public T Map<T>(T x) { Calls++; return x; } public string Name => "echo"; }

static class Program
{
    static int Use<T>(ref T m) where T : IMap => m.Map(5) + m.Map(2) + m.Map("abc").Length;
    static int Main()
    {
        var d = new Doubler(); var e = new Echo();
        Console.WriteLine(d.Name + " " + Use(ref d) + " calls " + d.Calls);
        Console.WriteLine(e.Name + " " + Use(ref e) + " calls " + e.Calls);
        return d.Calls + e.Calls;
    }
}
