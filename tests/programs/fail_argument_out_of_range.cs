// The program's own argument validation: ArgumentOutOfRangeException with a parameter name and a
// message, thrown after some valid calls.
using System;
class Ring
{
    int[] slots;
    public Ring(int n) { slots = new int[n]; }
    public void Set(int index, int v) { if (index < 0 || index >= slots.Length) throw new ArgumentOutOfRangeException("index", "slot " + index + " does not exist"); slots[index] = v; }
    public int Total() { int s = 0; foreach (var x in slots) s += x; return s; }
}
static class Program
{
    static int Main()
    {
        var r = new Ring(4);
        for (int i = 0; i < 6; i++) { r.Set(i * 2 % 7, i + 1); Console.WriteLine("set " + i * 2 % 7 + " total " + r.Total()); }
        return r.Total();
    }
}
