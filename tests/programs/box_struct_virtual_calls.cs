// Calls on boxed structs: ToString/GetHashCode overrides reached through object, interface calls on
// a box mutating the box (not the original), re-boxing making a fresh copy, and unboxing to read the
// mutated state.
using System;

interface IBump { int Bump(); }
struct Meter : IBump
{
    public int Count;
    public int Bump() => ++Count;
    public override string ToString() => "Meter(" + Count + ")";
    public override int GetHashCode() => Count * 31;
}

static class Program
{
    static int BumpTwice(IBump b) { b.Bump(); return b.Bump(); }
    static int BumpGeneric<T>(T b) where T : IBump { b.Bump(); return b.Bump(); }

    static int Main()
    {
        var m = new Meter();
        object boxed = m;
        Console.WriteLine(boxed + " " + boxed.GetHashCode());
        IBump asIface = m;
        asIface.Bump(); asIface.Bump(); asIface.Bump();
        Console.WriteLine("original " + m + " iface box " + asIface);
        Console.WriteLine("BumpTwice(box) " + BumpTwice(asIface) + " now " + asIface);
        Console.WriteLine("BumpTwice(m) " + BumpTwice(m) + " m still " + m);
        Console.WriteLine("BumpGeneric(m) " + BumpGeneric(m) + " m still " + m);
        Meter back = (Meter)asIface; back.Bump();
        Console.WriteLine("unboxed copy " + back + " box " + asIface + " hash " + asIface.GetHashCode());
        object again = back;
        ((IBump)again).Bump();
        Console.WriteLine("again " + again + " back " + back);
        return ((Meter)asIface).Count * 10 + back.Count;
    }
}
