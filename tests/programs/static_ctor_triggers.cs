// When static constructors run: an explicit static constructor runs before the first static method
// call, instance construction or static field access (not earlier), exactly once; static
// constructors of base and derived classes; a static field read inside another static constructor.
using System;

class Config
{
    public static int Value;
    static Config() { Console.WriteLine("Config cctor"); Value = Lookup.Answer + 1; }
    public static int Get() => Value;
}
class Lookup { public static readonly int Answer; static Lookup() { Console.WriteLine("Lookup cctor"); Answer = 41; } }
class Base { static Base() { Console.WriteLine("Base cctor"); } public Base() { Console.WriteLine("Base ctor"); } public static void Touch() => Console.WriteLine("Base.Touch"); }
class Derived : Base { static Derived() { Console.WriteLine("Derived cctor"); } public Derived() { Console.WriteLine("Derived ctor"); } }
class Counter { public static int Calls; static Counter() { Console.WriteLine("Counter cctor"); } public static void Hit() => Calls++; }
class Unused { static Unused() { Console.WriteLine("Unused cctor (never)"); } public static int X; }

static class Program
{
    static int Main()
    {
        Console.WriteLine("main starts");
        Console.WriteLine("get " + Config.Get());
        Console.WriteLine("again " + Config.Value);
        Console.WriteLine("-- derived");
        new Derived();
        Console.WriteLine("-- base static");
        Base.Touch();
        Console.WriteLine("-- counter");
        for (int i = 0; i < 3; i++) Counter.Hit();
        Console.WriteLine("calls " + Counter.Calls);
        if (Counter.Calls > 100) Unused.X = 1;
        return Config.Value + Counter.Calls;
    }
}
