// Volatile fields (static and instance, of several types) and Volatile.Read/Write: C# marks every
// access with IL's volatile. prefix, which the compiler must keep as written, inside loops too.
using System;
using System.Threading;

class Counter
{
    public volatile int Hits;
    public volatile bool Stopped;
    public volatile string? Label;
}

static class Program
{
    static volatile int ticks;
    static volatile uint mask = 0xF0F0;
    static volatile byte small;
    static long plain;

    static int Spin(Counter c, int rounds)
    {
        int seen = 0;
        for (int i = 0; i < rounds; i++)
        {
            c.Hits++;                 // a volatile read and a volatile write each time
            if (c.Stopped) break;
            seen += c.Hits & 3;
            if (i == rounds / 2) c.Stopped = rounds > 100;
        }
        return seen;
    }

    static int Main()
    {
        var c = new Counter { Label = "first" };
        int a = Spin(c, 10);
        int b = Spin(new Counter(), 1000);
        Console.WriteLine("spin " + a + " " + b + " hits " + c.Hits + " label " + c.Label);
        for (int i = 0; i < 300; i++) { ticks += i; small++; }
        mask ^= 0xFFFF;
        Console.WriteLine("ticks " + ticks + " small " + small + " mask " + mask);
        Volatile.Write(ref plain, 1234567890123L);
        int local = 5;
        Volatile.Write(ref local, Volatile.Read(ref local) * 3);
        Console.WriteLine("volatile class " + Volatile.Read(ref plain) + " " + local);
        c.Label = null;
        Console.WriteLine(c.Label is null ? "label cleared" : "label kept");
        return (ticks + small + a) & 0xFF;
    }
}
