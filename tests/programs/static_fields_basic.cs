using System;

// Static fields of every primitive type: default values, initializers, mutation from several methods, static arrays and structs.
static class Counters
{
    public static int Hits;
    public static long Total = 1000000000000L;
    public static double Ratio = 0.5;
    public static string Name = "counters";

    public static void Hit(int amount) { Hits++; Total += amount; Ratio = Ratio * 0.5 + amount; }
}

struct Pair
{
    public int A;
    public int B;
}

static class Program
{
    static int s_int;
    static long s_long;
    static uint s_uint;
    static ulong s_ulong;
    static short s_short;
    static ushort s_ushort;
    static byte s_byte;
    static sbyte s_sbyte;
    static char s_char;
    static bool s_bool;
    static float s_float;
    static double s_double;
    static Pair s_pair;
    static int[] s_arr = new int[5];
    static char s_init = 'Q';
    static readonly int s_readonly = 7 * 6;
    const int Constant = 99;

    static void Mutate()
    {
        s_int = -5; s_long = long.MinValue; s_uint = 3000000000u; s_ulong = 1UL << 63;
        s_short = -1; s_ushort = 65535; s_byte = 255; s_sbyte = -128; s_char = 'Ж';
        s_bool = true; s_float = 2.5f; s_double = -1e100;
        s_pair.A = 10; s_pair.B = s_pair.A * 3;
        for (int i = 0; i < s_arr.Length; i++) s_arr[i] = i * i;
    }

    static void Dump()
    {
        Console.WriteLine(s_int); Console.WriteLine(s_long); Console.WriteLine(s_uint); Console.WriteLine(s_ulong);
        Console.WriteLine(s_short); Console.WriteLine(s_ushort); Console.WriteLine(s_byte); Console.WriteLine(s_sbyte);
        Console.WriteLine((int)s_char); Console.WriteLine(s_bool); Console.WriteLine(s_float); Console.WriteLine(s_double);
        Console.WriteLine(s_pair.A); Console.WriteLine(s_pair.B);
        int sum = 0;
        for (int i = 0; i < s_arr.Length; i++) sum += s_arr[i];
        Console.WriteLine(sum);
    }

    static int Main()
    {
        Dump();
        Mutate();
        Dump();
        Console.WriteLine(s_char);
        Console.WriteLine(s_init);
        Console.WriteLine(s_readonly);
        Console.WriteLine(Constant);

        Console.WriteLine(Counters.Name);
        Console.WriteLine(Counters.Hits);
        for (int i = 1; i <= 5; i++) Counters.Hit(i);
        Console.WriteLine(Counters.Hits);
        Console.WriteLine(Counters.Total);
        Console.WriteLine(Counters.Ratio);
        Counters.Name = Counters.Name + "!";
        Console.WriteLine(Counters.Name);
        return Counters.Hits + s_readonly;
    }
}
