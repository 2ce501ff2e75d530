// Character-level string work: Caesar and Vigenere ciphers, run-length encoding of text, counting
// character classes with char.IsAscii* helpers, new string(char, count), hex formatting by hand,
// and building strings from char arrays with offsets.
using System;

static class Program
{
    static string Caesar(string s, int k)
    {
        var c = new char[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            if (char.IsAsciiLetterLower(ch)) ch = (char)('a' + (ch - 'a' + k + 26) % 26);
            else if (char.IsAsciiLetterUpper(ch)) ch = (char)('A' + (ch - 'A' + k + 26) % 26);
            c[i] = ch;
        }
        return new string(c);
    }
    static string Vigenere(string s, string key, int dir)
    {
        var c = new char[s.Length]; int k = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            if (char.IsAsciiLetterUpper(ch)) { ch = (char)('A' + (ch - 'A' + dir * (key[k % key.Length] - 'A') + 26) % 26); k++; }
            c[i] = ch;
        }
        return new string(c);
    }
    static string Rle(string s)
    {
        string r = "";
        for (int i = 0; i < s.Length;) { int j = i; while (j < s.Length && s[j] == s[i]) j++; r = r + (j - i > 1 ? (j - i).ToString() : "") + s[i]; i = j; }
        return r;
    }
    static string Hex(int v) { const string d = "0123456789abcdef"; var c = new char[8]; for (int i = 7; i >= 0; i--) { c[i] = d[v & 15]; v >>= 4; } int st = 0; while (st < 7 && c[st] == '0') st++; return new string(c, st, 8 - st); }

    static int Main()
    {
        string msg = "Hello, World! Zebra-42.";
        string enc = Caesar(msg, 3);
        Console.WriteLine(enc + " | " + Caesar(enc, -3));
        string v = Vigenere("ATTACK AT DAWN", "LEMON", 1);
        Console.WriteLine(v + " | " + Vigenere(v, "LEMON", -1));
        Console.WriteLine(Rle("aaabccddddde") + " " + Rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"));
        int letters = 0, digits = 0, hexd = 0, other = 0;
        foreach (char ch in msg.ToCharArrayManual()) { if (char.IsAsciiLetter(ch)) letters++; else if (char.IsAsciiDigit(ch)) digits++; else other++; if (char.IsAsciiHexDigit(ch)) hexd++; }
        Console.WriteLine(letters + " " + digits + " " + hexd + " " + other);
        Console.WriteLine("[" + new string('=', 12) + "] [" + new string('-', 0) + "]");
        Console.WriteLine(Hex(255) + " " + Hex(4096) + " " + Hex(0) + " " + Hex(0x7ABCDEF));
        char[] buf = { 'x', 'h', 'e', 'l', 'l', 'o', 'y' };
        Console.WriteLine(new string(buf, 1, 5) + " " + (char)(buf[0] + 1) + " " + (int)'A' + " " + (char)97);
        return (letters + digits * 10) & 0xFF;
    }

    static char[] ToCharArrayManual(this string s) { var a = new char[s.Length]; for (int i = 0; i < s.Length; i++) a[i] = s[i]; return a; }
}
