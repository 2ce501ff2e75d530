// Char predicates and invariant case mapping over all of Latin-1, checked against CoreCLR's tables
// by printing a checksum per predicate, plus the white-space chars beyond Latin-1.
using System;

static class Program
{
    static int Main()
    {
        string[] names = { "IsDigit", "IsLetter", "IsWhiteSpace", "IsUpper", "IsLower", "IsLetterOrDigit", "IsPunctuation", "IsSymbol", "IsControl", "IsSeparator", "IsNumber" };
        int all = 0;
        for (int p = 0; p < names.Length; p++)
        {
            int count = 0, hash = 0;
            for (int c = 0; c < 256; c++)
            {
                char ch = (char)c;
                bool r = p switch
                {
                    0 => char.IsDigit(ch), 1 => char.IsLetter(ch), 2 => char.IsWhiteSpace(ch), 3 => char.IsUpper(ch), 4 => char.IsLower(ch),
                    5 => char.IsLetterOrDigit(ch), 6 => char.IsPunctuation(ch), 7 => char.IsSymbol(ch), 8 => char.IsControl(ch),
                    9 => char.IsSeparator(ch), _ => char.IsNumber(ch),
                };
                if (r) { count++; hash = hash * 31 + c; }
            }
            Console.WriteLine(names[p] + " " + count + " " + hash);
            all += count;
        }
        int upperHash = 0, lowerHash = 0;
        for (int c = 0; c < 256; c++)
        {
            upperHash = upperHash * 31 + char.ToUpperInvariant((char)c);
            lowerHash = lowerHash * 31 + char.ToLower((char)c);
        }
        Console.WriteLine(upperHash + " " + lowerHash + " " + (int)char.ToUpper('\u00FF') + " " + (int)char.ToUpperInvariant('\u00B5') + " " + (int)char.ToUpper('\u00DF'));
        char[] spaces = { '\u1680', '\u2000', '\u2005', '\u200A', '\u200B', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF' };
        foreach (char c in spaces) Console.Write(char.IsWhiteSpace(c) ? "1" : "0");
        Console.WriteLine();
        Console.WriteLine(char.IsLetter('\uD83D') + " " + char.IsDigit('\uDE00') + " " + char.IsSurrogate('\uD83D') + " " + char.IsHighSurrogate('\uD83D') + " " + char.IsLowSurrogate('\uDE00'));
        Console.WriteLine(char.IsAsciiHexDigit('f') + " " + char.IsAsciiLetterOrDigit('_') + " " + char.IsBetween('m', 'a', 'z') + " " + char.IsWhiteSpace("a b", 1) + " " + char.IsDigit("a1", 1));
        Console.WriteLine('a'.CompareTo('c') + " " + char.ToString('z') + " " + 'q'.ToString());
        return all & 0xFF;
    }
}
