using System;
using System.Collections.Generic;

// Static constructors that only compute constants (run at compile time by preinit), beside ones
// that must run at run time; and the default equality comparer chosen per key type.
static class Limits
{
    public static readonly int Max = 6 * 7;
    public static readonly double Ratio = 1.0 / 3.0;
    public static readonly float Half = 0.5f;
    public static readonly bool Enabled = Max > 40;
    public static readonly long Big = (long)Max << 40;
    public static int Counter = 5;
    public static readonly Point Origin = new Point(3, -4);
    public static readonly string Name = null;
}

struct Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
}

static class Logged
{
    public static readonly int Value;
    static Logged()
    {
        Console.WriteLine("Logged's constructor runs");
        Value = 7;
    }
}

class Loop
{
    public static readonly int Sum;
    static Loop()
    {
        int s = 0;
        for (int i = 1; i <= 100; i++) s += i % 7 == 0 ? i : 0;
        Sum = s;
    }
}

struct Key : IEquatable<Key>
{
    public int A, B;
    public bool Equals(Key other) => A == other.A && B == other.B;
    public override int GetHashCode() => A * 31 + B;
    public override bool Equals(object obj) => obj is Key k && Equals(k);
}

struct PlainKey
{
    public int A;
    public override int GetHashCode() => A;
    public override bool Equals(object obj) => obj is PlainKey p && p.A == A;
}

sealed class SealedKey : IEquatable<SealedKey>
{
    public readonly string Text;
    public SealedKey(string text) { Text = text; }
    public bool Equals(SealedKey other) => other != null && other.Text == Text;
    public override bool Equals(object obj) => Equals(obj as SealedKey);
    public override int GetHashCode() => Text.Length;
}

class BaseKey
{
    public readonly int Id;
    public BaseKey(int id) { Id = id; }
    public override bool Equals(object obj) => obj is BaseKey b && b.Id == Id;
    public override int GetHashCode() => Id & 3;
}

sealed class DerivedKey : BaseKey
{
    public DerivedKey(int id) : base(id) { }
}

enum Color { Red, Green, Blue }

static class Program
{
    static int Count<T>(T[] keys)
    {
        var d = new Dictionary<T, int>();
        foreach (var k in keys) d[k] = d.TryGetValue(k, out int n) ? n + 1 : 1;
        int distinct = d.Count;
        var set = new HashSet<T>(keys);
        Console.WriteLine(typeof(T).Name + ": " + distinct + " distinct, set " + set.Count);
        return distinct;
    }

    static int Main()
    {
        Console.WriteLine(Limits.Max + " " + Limits.Ratio + " " + Limits.Half + " " + Limits.Enabled + " " + Limits.Big);
        Limits.Counter += 10;
        Console.WriteLine(Limits.Counter + " " + Limits.Origin.X + "," + Limits.Origin.Y + " " + (Limits.Name == null));
        Console.WriteLine("before Logged");
        Console.WriteLine(Logged.Value);
        Console.WriteLine(Loop.Sum);

        int total = 0;
        total += Count(new[] { 1, 2, 3, 2, 1, 1000000, -5, -5 });
        total += Count(new[] { "a", "b", "a", "", "ab", "" });
        total += Count(new[] { new Key { A = 1, B = 2 }, new Key { A = 1, B = 2 }, new Key { A = 2, B = 1 } });
        total += Count(new[] { new PlainKey { A = 1 }, new PlainKey { A = 1 }, new PlainKey { A = 9 } });
        total += Count(new[] { new SealedKey("x"), new SealedKey("x"), new SealedKey("yy"), new SealedKey("zz") });
        total += Count(new[] { new DerivedKey(1), new DerivedKey(5), new DerivedKey(1) });
        total += Count(new[] { Color.Red, Color.Blue, Color.Red });
        total += Count(new long[] { 1L << 40, 1L << 41, 1L << 40 });
        total += Count(new char[] { 'a', 'b', 'a' });

        var strings = EqualityComparer<string>.Default;
        Console.WriteLine(strings.Equals(null, null) + " " + strings.Equals(null, "a") + " " + strings.Equals("a", null) + " " + strings.GetHashCode(null));
        var nullables = EqualityComparer<int?>.Default;
        Console.WriteLine(nullables.Equals(null, 1) + " " + nullables.Equals(2, 2) + " " + nullables.Equals(null, null) + " " + nullables.GetHashCode(null) + " " + nullables.GetHashCode(5));
        var sealedKeys = EqualityComparer<SealedKey>.Default;
        Console.WriteLine(sealedKeys.Equals(new SealedKey("q"), new SealedKey("q")) + " " + sealedKeys.GetHashCode(new SealedKey("abc")));
        var baseKeys = EqualityComparer<BaseKey>.Default;
        Console.WriteLine(baseKeys.Equals(new DerivedKey(3), new BaseKey(3)) + " " + baseKeys.GetHashCode(new DerivedKey(6)));
        Console.WriteLine(EqualityComparer<int>.Default.Equals(EqualityComparer<int>.Default) + " " + EqualityComparer<PlainKey>.Default.Equals(new PlainKey { A = 4 }, new PlainKey { A = 4 }));

        // Many keys: buckets through fastmod at every prime size the table grows through.
        var big = new Dictionary<int, int>();
        for (int i = 0; i < 20000; i++) big[i * 7919] = i;
        long check = 0;
        for (int i = 0; i < 20000; i += 3) check += big[i * 7919];
        for (int i = 0; i < 20000; i += 2) big.Remove(i * 7919);
        Console.WriteLine(big.Count + " " + check + " " + big.ContainsKey(7919) + " " + big.ContainsKey(2 * 7919));
        return (total + Limits.Max + Loop.Sum) & 0xFF;
    }
}
