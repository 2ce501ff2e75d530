// Static state: per-instantiation static fields of generic classes, static readonly fields computed
// from other statics (textual initialisation order), const arithmetic folded at compile time, static
// properties with backing fields, and a static constructor of a generic class running per type.
using System;

class Counter<T>
{
    public static int Instances;
    public static readonly string Label;
    static Counter() { Label = "counter#" + (++Registry.TypesSeen); Console.WriteLine("cctor " + Label); }
    public Counter() { Instances++; }
}

static class Registry { public static int TypesSeen; }

static class Settings
{
    public const int Base = 6;
    public const int Derived = Base * 7;
    public static readonly int[] Table = Build();
    public static readonly int TableSum = Sum(Table);
    static int[] Build() { var t = new int[Base]; for (int i = 0; i < t.Length; i++) t[i] = i * i; return t; }
    static int Sum(int[] a) { int s = 0; foreach (var x in a) s += x; return s; }
    static int level = 1;
    public static int Level { get => level; set => level = Math.Max(1, Math.Min(value, 9)); }
}

static class Program
{
    static int Main()
    {
        Console.WriteLine("start");
        new Counter<int>(); new Counter<int>(); new Counter<string>();
        new Counter<int[]>();
        Console.WriteLine(Counter<int>.Instances + " " + Counter<string>.Instances + " " + Counter<int[]>.Instances + " " + Counter<double>.Instances);
        Console.WriteLine(Counter<int>.Label + " " + Counter<string>.Label + " " + Counter<double>.Label);
        Console.WriteLine(Settings.Derived + " " + Settings.TableSum + " " + Settings.Table[5]);
        Settings.Level = 20; Console.Write(Settings.Level + " "); Settings.Level = -3; Console.WriteLine(Settings.Level);
        return Settings.Derived + Registry.TypesSeen;
    }
}
