using System;

// String basics: Length, indexer, == / != (value equality, not reference), concatenation of two and three strings.
static class Program
{
    static int CountChar(string s, char c)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++) if (s[i] == c) n++;
        return n;
    }

    static string Repeat(string s, int n)
    {
        string r = "";
        for (int i = 0; i < n; i++) r = r + s;
        return r;
    }

    static string Reverse(string s)
    {
        string r = "";
        for (int i = s.Length - 1; i >= 0; i--) r = r + s.Substring(i, 1);
        return r;
    }

    static bool IsPalindrome(string s)
    {
        for (int i = 0, j = s.Length - 1; i < j; i++, j--) if (s[i] != s[j]) return false;
        return true;
    }

    static int Main()
    {
        string hello = "Hello";
        string world = "World";
        string hw = hello + ", " + world;
        Console.WriteLine(hw);
        Console.WriteLine(hw.Length);
        Console.WriteLine(hw[0]);
        Console.WriteLine(hw[hw.Length - 1]);
        Console.WriteLine(CountChar(hw, 'l'));

        string built = "Hel" + "lo";
        string runtime = hello.Substring(0, 3) + "lo";
        Console.WriteLine(built == hello);
        Console.WriteLine(runtime == hello);
        Console.WriteLine(runtime != hello);
        Console.WriteLine(runtime == world);
        Console.WriteLine("" == hello.Substring(5));
        Console.WriteLine(hello == "hello");
        Console.WriteLine("abc" != "abd");

        string rep = Repeat("ab", 5);
        Console.WriteLine(rep);
        Console.WriteLine(rep.Length);
        Console.WriteLine(Reverse("stressed"));
        Console.WriteLine(IsPalindrome("racecar"));
        Console.WriteLine(IsPalindrome("abca"));
        Console.WriteLine(IsPalindrome(""));

        string empty = "";
        Console.WriteLine(empty.Length);
        Console.WriteLine(empty + empty == empty);
        Console.WriteLine(empty + hello + empty);

        // character-wise checksum over a sentence
        string text = "The quick brown fox jumps over the lazy dog.";
        int h = 0;
        for (int i = 0; i < text.Length; i++) h = h * 31 + text[i];
        Console.WriteLine(h);
        Console.WriteLine(text.Length);

        string line = "";
        for (char c = 'a'; c <= 'e'; c++) line = line + hello.Substring(0, 1) + text.Substring(c - 'a' + 4, 1);
        Console.WriteLine(line);
        string escapes = "tab\there \"quoted\" back\\slash";
        Console.WriteLine(escapes);
        Console.WriteLine(escapes.Length);
        return h & 0xFF;
    }
}
