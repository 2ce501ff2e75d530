// decimal equality, order and hashing: values equal across scales (1.0m == 1.00m, and they hash
// alike, .NET's hash values printed), signed zeros equal, CompareTo/IComparable/IComparable<decimal>/
// IEquatable<decimal>, Equals(object), decimal keys in Dictionary and HashSet, List/Array sorts
// (order of equal keys as .NET's introsort leaves them), EqualityComparer/Comparer defaults, and
// decimal in generic code, tuples and nullable arithmetic.
using System;
using System.Collections.Generic;

static class Program
{
    static int checksum;

    static void Line(string text)
    {
        foreach (char c in text) checksum = checksum * 31 + c;
        Console.WriteLine(text);
    }

    static T Largest<T>(List<T> items) where T : IComparable<T>
    {
        T best = items[0];
        foreach (T item in items) if (item.CompareTo(best) > 0) best = item;
        return best;
    }

    static int Main()
    {
        decimal zero = 0m * 1;
        decimal[] values = { 1m, 1.0m, 1.00m, -1m, 0m, 0.000m, -0m, 2.5m, 2.50m, -2.5m, 0.1m, 0.10000m, decimal.MaxValue, decimal.MinValue, 79228162514264337593543950335m, 0.0000000000000000000000000001m, 123.456m, 123.4560m, 1000000m, 1000000.000000m };
        for (int i = 0; i < values.Length; i++) values[i] += zero;
        values[6] = -values[4];
        foreach (decimal v in values) Line(v + " hash " + v.GetHashCode() + " sign " + Math.Sign(v));
        for (int i = 0; i < values.Length; i++)
        {
            string row = "";
            for (int j = 0; j < values.Length; j++)
            {
                decimal a = values[i], b = values[j];
                int c = a.CompareTo(b);
                if ((a == b) != (c == 0) || (a < b) != (c < 0) || (a > b) != (c > 0) || (a <= b) != (c <= 0) || (a >= b) != (c >= 0) || (a != b) != (c != 0) || a.Equals(b) != (c == 0) || decimal.Compare(a, b) != c)
                    row += "!";
                if (a == b && a.GetHashCode() != b.GetHashCode()) row += "#";
                row += c < 0 ? "<" : c > 0 ? ">" : "=";
            }
            Line(row);
        }
        object boxed = 2.50m + zero;
        Line(boxed.Equals(2.5m) + " " + boxed.Equals(2.5) + " " + boxed.Equals(null) + " " + ((IComparable)boxed).CompareTo(2.5m) + " " + ((IComparable)boxed).CompareTo(null) + " " + ((IComparable<decimal>)boxed).CompareTo(3m) + " " + ((IEquatable<decimal>)boxed).Equals(2.500m));
        try { ((IComparable)boxed).CompareTo(2.5); } catch (ArgumentException e) { Line(e.Message); }

        var prices = new Dictionary<decimal, string>();
        foreach (decimal v in values) prices[v] = v.ToString();
        foreach (var pair in prices) Line(pair.Key + " -> " + pair.Value);
        var set = new HashSet<decimal>(values);
        Line("set " + set.Count + " " + set.Contains(1.000m) + " " + set.Contains(-0.0m) + " " + set.Contains(2.49m));

        var list = new List<decimal>(values);
        list.Sort();
        Line(string.Join(" ", list));
        list.Sort((a, b) => b.CompareTo(a));
        Line(string.Join(" ", list));
        Line("largest " + Largest(list) + " index " + list.IndexOf(1.000m) + " contains " + list.Contains(0.1000000m));
        decimal[] array = { 3.3m, 1.10m, 2.2m, 1.1m, 1.100m, -5m, 0m };
        Array.Sort(array);
        Line(string.Join(" ", array) + " search " + Array.BinarySearch(array, 2.20m));
        Line(EqualityComparer<decimal>.Default.Equals(1.5m, 1.50m) + " " + EqualityComparer<decimal>.Default.GetHashCode(1.50m) + " " + Comparer<decimal>.Default.Compare(1.5m, 1.49m));

        var orders = new List<(string Name, decimal Amount)> { ("a", 10.50m), ("b", 3m), ("c", 10.5m), ("d", 7.25m) };
        decimal total = 0;
        foreach (var o in orders) total += o.Amount;
        Line("total " + total + " avg " + total / orders.Count + " " + orders[0].Equals(("a", 10.5m)) + " " + orders[0]);
        decimal? maybe = null, some = 4.5m + zero;
        decimal? sum = maybe + some, product = some * 2;
        Line((sum.HasValue ? sum.ToString() : "null") + " " + product + " " + (some ?? 0m) + " " + (maybe ?? -1m) + " " + (some > 4m) + " " + (maybe < 1m));
        Console.WriteLine("checksum " + checksum);
        return checksum & 0x7F;
    }
}
