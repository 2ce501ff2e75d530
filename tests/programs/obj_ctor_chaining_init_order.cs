// Constructor chaining (this(...) and base(...)), field initialisers running before the base
// constructor, a virtual call from a base constructor seeing the derived initialised field but not
// the derived constructor body, and object initialisers.
using System;

class Base
{
    protected string log = Trace("Base.field");
    public int X;
    static string Trace(string s) { Console.WriteLine("init " + s); return s; }
    public Base() : this(1) { Console.WriteLine("Base()"); }
    public Base(int x) { X = x; Console.WriteLine("Base(int) " + x); Describe(); }
    public virtual void Describe() => Console.WriteLine("Base.Describe X=" + X);
}

class Derived : Base
{
    int y = Init("Derived.y", 5);
    int z;
    public string Name { get; set; } = "unnamed";
    static int Init(string s, int v) { Console.WriteLine("init " + s); return v; }
    public Derived() { z = 9; Console.WriteLine("Derived()"); }
    public Derived(int x, int z) : base(x * 10) { this.z = z; Console.WriteLine("Derived(int,int)"); }
    public override void Describe() => Console.WriteLine("Derived.Describe X=" + X + " y=" + y + " z=" + z + " name=" + Name);
}

class Leaf : Derived
{
    public int W = 3;
    public Leaf() : base(2, 4) { Console.WriteLine("Leaf()"); }
}

static class Program
{
    static int Main()
    {
        var a = new Derived();
        a.Describe();
        Console.WriteLine("--");
        var b = new Derived(7, 8) { Name = "bee", X = 70 + 1 };
        b.Describe();
        Console.WriteLine("--");
        var c = new Leaf { W = 30 };
        c.Describe();
        Console.WriteLine(c.W + c.X);
        return c.W + c.X + b.X;
    }
}
