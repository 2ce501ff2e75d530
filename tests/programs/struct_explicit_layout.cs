using System;
using System.Runtime.InteropServices;

// Explicit layout: overlapping fields read the same bytes (a union), little-endian as on x86-64.
[StructLayout(LayoutKind.Explicit)]
struct Union
{
    [FieldOffset(0)] public long Whole;
    [FieldOffset(0)] public int Low;
    [FieldOffset(4)] public int High;
    [FieldOffset(0)] public byte First;
    [FieldOffset(0)] public double AsDouble;
}

[StructLayout(LayoutKind.Sequential)]
struct Packet
{
    public byte Kind;
    public int Length;
    public short Flags;
}

static class Program
{
    static int Main()
    {
        var u = new Union();
        u.Whole = 0x0123456789ABCDEF;
        Console.WriteLine(u.Low);
        Console.WriteLine(u.High);
        Console.WriteLine(u.First);
        u.High = -1;
        Console.WriteLine(u.Whole);
        u.AsDouble = 1.0;
        Console.WriteLine(u.Whole);
        Console.WriteLine(u.High);
        unsafe
        {
            Console.WriteLine(sizeof(Union));
            Console.WriteLine(sizeof(Packet));
            Packet p = default;
            p.Kind = 7; p.Length = 1000; p.Flags = -2;
            byte* raw = (byte*)&p;
            int s = 0;
            for (int i = 0; i < sizeof(Packet); i++) s = s * 31 + raw[i];
            Console.WriteLine(s);
            return (int)(((uint)s ^ (uint)u.High) & 0x7F);
        }
    }
}
