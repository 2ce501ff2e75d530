// Value semantics in containers: mutating struct elements of an array in place, through a ref local,
// and through a copy (no effect); structs in class fields, in readonly fields (defensive copies),
// and in a List-like wrapper returning copies.
using System;

struct Particle { public int X, V; public void Step() { X += V; } public override string ToString() => X + "@" + V; }

class World
{
    public Particle Hero;
    public readonly Particle Frozen = new Particle { X = 1, V = 1 };
    Particle[] items = new Particle[3];
    public Particle Get(int i) => items[i];
    public ref Particle At(int i) => ref items[i];
}

static class Program
{
    static void Bump(Particle p) { p.X += 1000; }
    static void BumpRef(ref Particle p) { p.X += 1000; }

    static int Main()
    {
        var ps = new Particle[3];
        for (int i = 0; i < ps.Length; i++) { ps[i].X = i; ps[i].V = i + 1; }
        for (int t = 0; t < 3; t++) for (int i = 0; i < ps.Length; i++) ps[i].Step();
        Console.WriteLine(ps[0] + " " + ps[1] + " " + ps[2]);
        var copy = ps[1]; copy.Step(); copy.Step();
        Console.WriteLine("copy " + copy + " original " + ps[1]);
        ref Particle r = ref ps[2]; r.Step(); r.V = -1; r.Step();
        Console.WriteLine("via ref " + ps[2]);
        foreach (var p in ps) { var q = p; q.Step(); }
        Console.WriteLine("after foreach copies " + ps[0]);
        Bump(ps[0]); Console.WriteLine("by value " + ps[0]);
        BumpRef(ref ps[0]); Console.WriteLine("by ref " + ps[0]);
        var w = new World();
        w.Hero.V = 5; w.Hero.Step(); w.Hero.Step();
        w.Frozen.Step();
        Console.WriteLine("hero " + w.Hero + " frozen " + w.Frozen);
        w.Get(0).Step();
        w.At(1).V = 9; w.At(1).Step();
        Console.WriteLine("get " + w.Get(0) + " at " + w.Get(1));
        return ps[0].X % 256 + w.Hero.X;
    }
}
