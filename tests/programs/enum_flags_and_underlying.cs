// Enums: [Flags] combinations and undefined bits in ToString, byte and long underlying types,
// arithmetic and bitwise ops on enums, switch on enums, casts from out-of-range integers.
using System;

[Flags] enum Perm { None = 0, Read = 1, Write = 2, Exec = 4, ReadWrite = Read | Write, All = 7 }
enum Small : byte { Low = 1, Mid = 128, High = 255 }
enum Big : long { Tiny = -1, Huge = 1L << 40 }
enum Day { Mon = 1, Tue, Wed, Thu, Fri, Sat, Sun }

static class Program
{
    static string Kind(Day d)
    {
        switch (d)
        {
            case Day.Sat: case Day.Sun: return "weekend";
            case Day.Fri: return "almost";
            default: return "work";
        }
    }

    static int Main()
    {
        Perm p = Perm.Read | Perm.Exec;
        Console.WriteLine(p);
        Console.WriteLine(p | Perm.Write);
        Console.WriteLine(Perm.ReadWrite);
        Console.WriteLine(Perm.None);
        Console.WriteLine((Perm)8);
        Console.WriteLine((Perm)13);
        Console.WriteLine(((p & Perm.Read) != 0) + " " + ((p & Perm.Exec) == Perm.Exec) + " " + ((p & ~Perm.Read)));
        Small s = Small.Mid; s++;
        Console.WriteLine(s + " " + (byte)s + " " + Small.High + " " + (Small)1);
        Console.WriteLine(Big.Huge + " " + (long)Big.Huge + " " + Big.Tiny + " " + (Big)5);
        int work = 0;
        for (Day d = Day.Mon; d <= Day.Sun; d++) { Console.Write(d + ":" + Kind(d) + " "); if (Kind(d) == "work") work++; }
        Console.WriteLine();
        Day x = (Day)9;
        Console.WriteLine(x + " " + (x > Day.Sun) + " " + (Day.Wed - Day.Mon) + " " + (Day.Mon + 3));
        return work + (int)p;
    }
}
