// String: Split (char, chars, string, strings, count, options), Join, Replace, Trim family,
// StartsWith/EndsWith/Contains/IndexOf (ordinal and ignore-case), case mapping, padding, Insert,
// Remove, CompareOrdinal, Equals with comparison, IsNullOrWhiteSpace, ToCharArray.
using System;

static class Program
{
    static void Show(string[] parts)
    {
        Console.Write(parts.Length + ":");
        foreach (string p in parts) Console.Write("[" + p + "]");
        Console.WriteLine();
    }

    static int Main()
    {
        string csv = "a,b,,c,";
        Show(csv.Split(','));
        Show(csv.Split(',', StringSplitOptions.RemoveEmptyEntries));
        Show(csv.Split(',', 2));
        Show(csv.Split(',', 3, StringSplitOptions.RemoveEmptyEntries));
        Show(" x , y ,, z ".Split(',', StringSplitOptions.TrimEntries));
        Show(" x , y ,, z ".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Show("one  two\tthree\nfour".Split());
        Show("one  two\tthree\nfour".Split((char[])null, StringSplitOptions.RemoveEmptyEntries));
        Show("a-b_c-d".Split('-', '_'));
        Show("key=value=more".Split('=', 2));
        Show("a::b::::c".Split("::"));
        Show("a::b::::c".Split("::", StringSplitOptions.RemoveEmptyEntries));
        Show("1<>2<=3<>4".Split(new[] { "<>", "<=" }, StringSplitOptions.None));
        Show("abc".Split("", StringSplitOptions.None));
        Show("".Split(','));
        Show("".Split(',', StringSplitOptions.RemoveEmptyEntries));
        Show("abc".Split(',', 0));
        Show(",,,".Split(',', 2, StringSplitOptions.RemoveEmptyEntries));
        Console.WriteLine(string.Join("|", new[] { "x", null, "z" }) + " " + string.Join(", ", 1, 2.5, 'c') + " " + string.Join('/', "a", "b") + " [" + string.Join(",", new string[0]) + "]");
        Console.WriteLine(string.Join("+", new System.Collections.Generic.List<int> { 1, 2, 3 }) + " " + string.Join("-", new[] { 4, 5 }));
        Console.WriteLine("hello world".Replace('o', '0') + " " + "aaa".Replace("a", "bb") + " " + "abcabc".Replace("bc", "") + " " + "xyz".Replace("q", "r") + " " + "a.b.c".Replace(".", null));
        Console.WriteLine("[" + "  pad  ".Trim() + "][" + "  pad  ".TrimStart() + "][" + "  pad  ".TrimEnd() + "][" + "xxhixx".Trim('x') + "][" + "-=hi=-".Trim('-', '=') + "][" + "\t\n \u00A0".Trim() + "]");
        Console.WriteLine("[" + "abc".TrimStart('a', 'b') + "][" + "abc".TrimEnd('c') + "][" + "aaa".Trim('a') + "]");
        string s = "The Quick Brown Fox";
        Console.WriteLine(s.StartsWith("The") + " " + s.StartsWith("the") + " " + s.StartsWith("the", StringComparison.OrdinalIgnoreCase) + " " + s.EndsWith("Fox") + " " + s.EndsWith('x') + " " + s.StartsWith('T') + " " + s.StartsWith(""));
        Console.WriteLine(s.Contains("Brown") + " " + s.Contains("brown") + " " + s.Contains("brown", StringComparison.OrdinalIgnoreCase) + " " + s.Contains('Q') + " " + s.Contains(""));
        Console.WriteLine(s.IndexOf("Quick") + " " + s.IndexOf("o") + " " + s.IndexOf("o", 13) + " " + s.IndexOf("zz") + " " + s.IndexOf("") + " " + s.IndexOf("FOX", StringComparison.OrdinalIgnoreCase) + " " + s.LastIndexOf('o') + " " + s.LastIndexOf("o") + " " + s.IndexOfAny(new[] { 'z', 'k', 'Q' }) + " " + s.IndexOf('o', 13, 3));
        Console.WriteLine(s.ToUpperInvariant() + " " + s.ToLowerInvariant() + " " + "ÀÉÎõüÿß".ToUpperInvariant() + " " + "ÀÉÎõüÿ".ToLower() + " " + "µ".ToUpper());
        Console.WriteLine("[" + "7".PadLeft(3) + "][" + "7".PadLeft(3, '0') + "][" + "7".PadRight(3) + "][" + "7".PadRight(3, '.') + "][" + "long".PadLeft(2) + "]");
        Console.WriteLine("abcdef".Insert(3, "XYZ") + " " + "abcdef".Remove(2) + " " + "abcdef".Remove(1, 3) + " " + "abcdef".Insert(0, ""));
        Console.WriteLine(string.Equals("a", "A", StringComparison.OrdinalIgnoreCase) + " " + "a".Equals("A", StringComparison.Ordinal) + " " + string.Compare("apple", "APPLE", true) + " " + string.Compare("b", "A", StringComparison.OrdinalIgnoreCase) + " " + string.Compare("a", "B", StringComparison.Ordinal));
        Console.WriteLine(string.IsNullOrWhiteSpace(" \t") + " " + string.IsNullOrWhiteSpace(null) + " " + string.IsNullOrWhiteSpace(" x "));
        char[] chars = "hello".ToCharArray();
        Array.Reverse(chars);
        Console.WriteLine(string.Concat("a", 1, 'b') + " " + string.Concat(chars[0], chars[1]) + " " + "hello".ToCharArray(1, 3).Length);
        try { "abc".Split(',', -1); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { "abc".Replace("", "x"); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { "abc".Replace(null, "x"); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { "abc".Remove(5); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { "abc".Remove(1, 5); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { "abc".Insert(4, "x"); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { "abc".PadLeft(-1); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { "abc".IndexOf("b", 4); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { "abc".StartsWith((string)null); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        return s.IndexOf("Fox");
    }
}
