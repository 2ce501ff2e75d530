// Equals(object), IEquatable<T>, IComparable and IComparable<T> on the primitives and string, through
// boxes, interfaces and constrained generic calls.
using System;

static class Program
{
    static bool Same<T>(T a, T b) where T : IEquatable<T> => a.Equals(b);
    static int Order<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b);
    static int OrderObj(IComparable a, object b) => a.CompareTo(b);

    static int Main()
    {
        object i1 = 42, i2 = 42, i3 = 43, l1 = 42L, s1 = (short)5, d1 = double.NaN, d2 = double.NaN;
        Console.WriteLine(i1.Equals(i2));
        Console.WriteLine(i1.Equals(i3));
        Console.WriteLine(i1.Equals(l1));
        Console.WriteLine(i1.Equals(null));
        Console.WriteLine(s1.Equals((short)5));
        Console.WriteLine(s1.Equals(5));
        Console.WriteLine(d1.Equals(d2));
        Console.WriteLine(double.NaN == double.NaN);
        Console.WriteLine(0.0.Equals(-0.0));
        Console.WriteLine(((object)0.0).Equals(-0.0));
        Console.WriteLine('a'.Equals((object)'a'));
        Console.WriteLine(true.Equals((object)true));
        Console.WriteLine(((object)1.5f).Equals(1.5f));
        Console.WriteLine(((object)1.5f).Equals(1.5));
        Console.WriteLine(((object)7UL).Equals(7UL));
        Console.WriteLine(((object)(byte)7).Equals((sbyte)7));
        Console.WriteLine("abc".Equals((object)"abc"));
        Console.WriteLine("abc".Equals((object)5));
        Console.WriteLine(Same(3, 3) + " " + Same("x", "y") + " " + Same(2.5, 2.5) + " " + Same('q', 'q'));
        Console.WriteLine(Order(1, 2) + " " + Order(2, 1) + " " + Order(5, 5));
        Console.WriteLine(Order((short)1, (short)300) + " " + Order((byte)200, (byte)3) + " " + Order('a', 'z'));
        Console.WriteLine(Order(long.MinValue, long.MaxValue) + " " + Order(uint.MaxValue, 0u) + " " + Order(ulong.MaxValue, 1UL));
        Console.WriteLine(Order(double.NaN, 1.0) + " " + Order(1.0, double.NaN) + " " + Order(double.NaN, double.NaN) + " " + Order(-0.0, 0.0));
        Console.WriteLine(Order(false, true) + " " + Order(true, false) + " " + Order(true, true));
        Console.WriteLine(Order("apple", "apricot") + " " + Order("b", "a") + " " + Order("ab", "abc") + " " + Order("same", "same"));
        Console.WriteLine(string.CompareOrdinal("Zeta", "alpha") + " " + string.CompareOrdinal(null, "a") + " " + string.CompareOrdinal("a", null));
        Console.WriteLine(Math.Sign(string.Compare("abc", "abd")) + " " + Math.Sign("b".CompareTo("a")) + " " + "x".CompareTo((string)null));
        Console.WriteLine(OrderObj(10, 20) + " " + OrderObj(10, null) + " " + OrderObj("b", "a"));
        try { OrderObj(10, 10L); }
        catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { OrderObj("s", 3); }
        catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { OrderObj(1.0, 1); }
        catch (ArgumentException e) { Console.WriteLine(e.Message); }
        IComparable<int> ci = 5;
        IEquatable<string> es = "hello";
        Console.WriteLine(ci.CompareTo(9) + " " + es.Equals("hello"));
        Console.WriteLine(12345.GetHashCode() + " " + (-7).GetHashCode() + " " + ((byte)200).GetHashCode() + " " + 'A'.GetHashCode());
        Console.WriteLine(true.GetHashCode() + " " + 5L.GetHashCode() + " " + (0.0).GetHashCode() + " " + (-0.0).GetHashCode());
        return Order(3, 9) + 2;
    }
}
