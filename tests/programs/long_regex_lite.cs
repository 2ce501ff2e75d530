// A regex-lite matcher (Pike's recursive backtracking style): literals, '.', '*', '+', '?', '^', '$'
// and character classes [a-z]; prints a match table and the first match position with its length.
using System;

static class Regex
{
    // returns the end of the match or -1
    static int ClassEnd(string re, int i) { int j = i + 1; while (re[j] != ']') j++; return j; }

    static bool MatchOne(string re, int ri, char c)
    {
        if (re[ri] == '.') return true;
        if (re[ri] == '\\') return re[ri + 1] == c;
        if (re[ri] == '[')
        {
            int end = ClassEnd(re, ri);
            bool neg = re[ri + 1] == '^';
            bool found = false;
            for (int k = ri + (neg ? 2 : 1); k < end; k++)
            {
                if (k + 2 < end && re[k + 1] == '-') { if (c >= re[k] && c <= re[k + 2]) found = true; k += 2; }
                else if (re[k] == c) found = true;
            }
            return found != neg;
        }
        return re[ri] == c;
    }

    static int AtomLen(string re, int ri) => re[ri] == '[' ? ClassEnd(re, ri) - ri + 1 : re[ri] == '\\' ? 2 : 1;

    public static int MatchHere(string re, int ri, string s, int si)
    {
        if (ri == re.Length) return si;
        if (re[ri] == '$' && ri + 1 == re.Length) return si == s.Length ? si : -1;
        int al = AtomLen(re, ri);
        char q = ri + al < re.Length ? re[ri + al] : '\0';
        if (q == '*' || q == '+')
        {
            int max = si;
            while (max < s.Length && MatchOne(re, ri, s[max])) max++;
            int min = q == '+' ? si + 1 : si;
            for (int k = max; k >= min; k--) { int r = MatchHere(re, ri + al + 1, s, k); if (r >= 0) return r; }
            return -1;
        }
        if (q == '?')
        {
            if (si < s.Length && MatchOne(re, ri, s[si])) { int r = MatchHere(re, ri + al + 1, s, si + 1); if (r >= 0) return r; }
            return MatchHere(re, ri + al + 1, s, si);
        }
        if (si < s.Length && MatchOne(re, ri, s[si])) return MatchHere(re, ri + al, s, si + 1);
        return -1;
    }

    public static bool Search(string re, string s, out int start, out int length)
    {
        if (re.Length > 0 && re[0] == '^')
        {
            int e = MatchHere(re, 1, s, 0);
            start = 0; length = e < 0 ? 0 : e; return e >= 0;
        }
        for (int i = 0; i <= s.Length; i++)
        {
            int e = MatchHere(re, 0, s, i);
            if (e >= 0) { start = i; length = e - i; return true; }
        }
        start = -1; length = 0; return false;
    }
}

static class Program
{
    // replaces every non-overlapping match (an empty match advances by one character)
    static string ReplaceAll(string re, string s, string with, out int count)
    {
        string r = ""; int pos = 0; count = 0;
        while (pos <= s.Length)
        {
            if (!Regex.Search(re, s.Substring(pos), out int st, out int len)) break;
            r = r + s.Substring(pos, st) + with; count++;
            pos += st + (len == 0 ? 1 : len);
            if (len == 0 && pos - 1 < s.Length) r = r + s[pos - 1];
        }
        return pos <= s.Length ? r + s.Substring(pos) : r;
    }

    static int Main()
    {
        string[] patterns = { "abc", "a.c", "ab*c", "ab+c", "colou?r", "^hello", "world$", "[0-9]+", "[a-z]+@[a-z]+\\.com", "^[^0-9]*$", "x*", "a.*z" };
        string[] inputs = { "abc", "ac", "abbbc", "the color red", "hello world", "call 555 1234", "mail bob@example.com now", "no digits here", "alphabet soup: a to z" };
        int matches = 0; long hash = 0;
        foreach (var p in patterns)
        {
            Console.Write(p);
            for (int k = p.Length; k < 22; k++) Console.Write(' ');
            for (int i = 0; i < inputs.Length; i++)
            {
                bool m = Regex.Search(p, inputs[i], out int st, out int len);
                Console.Write(m ? '1' : '0');
                if (m) { matches++; hash = hash * 131 + st * 7 + len; }
            }
            Console.WriteLine();
        }
        foreach (var s in inputs)
        {
            if (Regex.Search("[a-z]+@[a-z]+\\.com", s, out int st, out int len)) Console.WriteLine("email: " + s.Substring(st, len));
            if (Regex.Search("[0-9]+", s, out st, out len)) Console.WriteLine("number: " + s.Substring(st, len) + " at " + st);
        }
        Console.WriteLine("matches " + matches);
        Console.WriteLine("hash " + hash);
        Console.WriteLine(ReplaceAll("[0-9]+", "call 555 1234 or 911", "#", out int c1) + " (" + c1 + ")");
        Console.WriteLine(ReplaceAll("o+", "foo boo zoooo", "0", out int c2) + " (" + c2 + ")");
        matches += c1 + c2;
        return matches;
    }
}
