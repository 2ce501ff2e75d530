// String searching and comparison written over the available members: IndexOf(char) with start
// positions, Contains, own ordinal compare, StartsWith/EndsWith/Replace/Split/Reverse/ToUpper as
// helper methods, palindromes, and equality of strings built in different ways.
using System;

static class Str
{
    public static int Compare(string a, string b) { int n = Math.Min(a.Length, b.Length); for (int i = 0; i < n; i++) if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1; return a.Length == b.Length ? 0 : a.Length < b.Length ? -1 : 1; }
    public static bool StartsWith(string s, string p) => s.Length >= p.Length && s.Substring(0, p.Length) == p;
    public static bool EndsWith(string s, string p) => s.Length >= p.Length && s.Substring(s.Length - p.Length) == p;
    public static int Find(string s, string p) { for (int i = 0; i + p.Length <= s.Length; i++) if (s.Substring(i, p.Length) == p) return i; return -1; }
    public static string Replace(string s, string from, string to) { string r = ""; int i = 0; while (true) { int j = Find(s.Substring(i), from); if (j < 0) return r + s.Substring(i); r = r + s.Substring(i, j) + to; i += j + from.Length; } }
    public static string Upper(string s) { var c = new char[s.Length]; for (int i = 0; i < s.Length; i++) c[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 32) : s[i]; return new string(c); }
    public static string Reverse(string s) { var c = new char[s.Length]; for (int i = 0; i < s.Length; i++) c[i] = s[s.Length - 1 - i]; return new string(c); }
    public static int CountChar(string s, char ch) { int n = 0, at = s.IndexOf(ch); while (at >= 0) { n++; at = s.IndexOf(ch, at + 1); } return n; }
}

static class Program
{
    static int Main()
    {
        string text = "the cat sat on the mat with the hat";
        Console.WriteLine(Str.CountChar(text, 't') + " " + Str.CountChar(text, 'a') + " " + Str.CountChar(text, 'z'));
        Console.WriteLine(text.IndexOf('c') + " " + text.IndexOf('t', 5) + " " + text.Contains('m') + " " + text.Contains('q') + " " + (Str.Find(text, "mat") >= 0) + " " + (Str.Find(text, "dog") >= 0));
        Console.WriteLine(Str.StartsWith(text, "the") + " " + Str.EndsWith(text, "hat") + " " + Str.EndsWith(text, "cat"));
        Console.WriteLine(Str.Replace(text, "the", "a"));
        Console.WriteLine(Str.Upper(text) + " | " + Str.Reverse("stressed"));
        string[] ws = { "pear", "apple", "fig", "apples", "Apple", "" };
        for (int i = 0; i < ws.Length; i++) for (int j = i + 1; j < ws.Length; j++) if (Str.Compare(ws[i], ws[j]) > 0) { var t = ws[i]; ws[i] = ws[j]; ws[j] = t; }
        foreach (var w in ws) Console.Write("[" + w + "]");
        Console.WriteLine();
        string[] cands = { "racecar", "level", "hello", "a", "abba", "abca" };
        int pals = 0; foreach (var c in cands) if (c == Str.Reverse(c)) { pals++; Console.Write(c + " "); }
        Console.WriteLine(pals);
        string built = new string(new[] { 'c', 'a', 't' });
        string sub = text.Substring(4, 3);
        Console.WriteLine((built == sub) + " " + built.Equals(sub) + " " + (built != "cat ") + " " + string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(sub));
        return pals * 10 + Str.CountChar(text, 't');
    }
}
