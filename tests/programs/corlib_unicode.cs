// Unicode character data beyond Latin-1: the category of every BMP char and of supplementary code
// points in strings, the char predicates built on it, simple case mapping of every char and of
// surrogate pairs in strings, ConvertToUtf32/ConvertFromUtf32 and their failures.
using System;
using System.Globalization;
using System.Text;

static class Program
{
    static int Main()
    {
        var counts = new int[30];
        long predicateSum = 0, caseSum = 0;
        for (int c = 0; c < 0x10000; c++)
        {
            char ch = (char)c;
            counts[(int)char.GetUnicodeCategory(ch)]++;
            int bits = (char.IsLetter(ch) ? 1 : 0) | (char.IsDigit(ch) ? 2 : 0) | (char.IsNumber(ch) ? 4 : 0) | (char.IsUpper(ch) ? 8 : 0)
                | (char.IsLower(ch) ? 16 : 0) | (char.IsPunctuation(ch) ? 32 : 0) | (char.IsSymbol(ch) ? 64 : 0) | (char.IsSeparator(ch) ? 128 : 0)
                | (char.IsWhiteSpace(ch) ? 256 : 0) | (char.IsLetterOrDigit(ch) ? 512 : 0) | (char.IsControl(ch) ? 1024 : 0);
            predicateSum = predicateSum * 31 + bits;
            caseSum = caseSum * 37 + char.ToUpperInvariant(ch) * 3 + char.ToLowerInvariant(ch) + char.ToUpper(ch) * 7 + char.ToLower(ch) * 11;
        }
        for (int k = 0; k < counts.Length; k++) Console.Write((UnicodeCategory)k + "=" + counts[k] + (k % 5 == 4 ? "\n" : " "));
        Console.WriteLine("predicates " + predicateSum + " case " + caseSum);

        long supplementary = 0;
        for (int cp = 0x10000; cp < 0x110000; cp += 7)
        {
            string s = char.ConvertFromUtf32(cp);
            supplementary = supplementary * 29 + (int)char.GetUnicodeCategory(s, 0) + (int)CharUnicodeInfo.GetUnicodeCategory(cp) * 3
                + (char.IsLetter(s, 0) ? 5 : 0) + (char.IsUpper(s, 0) ? 7 : 0) + (char.IsDigit(s, 0) ? 11 : 0)
                + s.ToUpperInvariant()[1] + s.ToLowerInvariant()[1];
        }
        Console.WriteLine("supplementary " + supplementary);

        string[] texts = { "Ελληνικά ΣΊΣΥΦΟΣ", "Кириллица ЁЖИК", "Ärger über Öl ß ﬃ", "𐐨𐐩 𐐀𐐁 Deseret", "Հայերեն", "ǅǆǄ ǈ", "İıiI", "ⓐⓑⒶ", "ａｂｃＡＢＣ" };
        foreach (var t in texts)
            Console.WriteLine(t + " | " + t.ToUpperInvariant() + " | " + t.ToLowerInvariant() + " | " + t.ToUpper() + " | " + t.ToLower()
                + " | letters " + Count(t, char.IsLetter) + " upper " + Count(t, char.IsUpper));
        Console.WriteLine(char.GetUnicodeCategory('€') + " " + char.GetUnicodeCategory('\u2028') + " " + char.GetUnicodeCategory('\u0300')
            + " " + char.GetUnicodeCategory('٣') + " " + char.IsDigit('٣') + " " + char.IsNumber('Ⅻ') + " " + char.IsLetter('Ⅻ') + " " + char.GetUnicodeCategory('\uD800'));
        Console.WriteLine(char.ConvertToUtf32('\uD83D', '\uDE00') + " " + char.ConvertToUtf32("a😀", 1) + " " + char.ConvertFromUtf32(0x1F600).Length + " " + char.IsLetter("a😀", 1));
        Console.WriteLine(string.Equals("𐐨𐐩x", "𐐀𐐁X", StringComparison.OrdinalIgnoreCase) + " " + string.Compare("𐐨a", "𐐀b", StringComparison.OrdinalIgnoreCase)
            + " " + string.Compare("𐐨", "𐐩", StringComparison.OrdinalIgnoreCase) + " " + string.Compare("σ", "Τ", true) + " " + "ΑΒΓΔ".IndexOf("βγ", StringComparison.OrdinalIgnoreCase)
            + " " + "Straße".EndsWith("SSE", StringComparison.OrdinalIgnoreCase) + " " + "ſ".Equals("S", StringComparison.OrdinalIgnoreCase)
            + " " + StringComparer.OrdinalIgnoreCase.Equals("ЁЖИК", "ёжик"));
        int failures = 0;
        foreach (Action bad in new Action[] {
            () => char.ConvertToUtf32('a', '\uDE00'), () => char.ConvertToUtf32('\uD83D', 'b'), () => char.ConvertToUtf32("\uD83Dx", 0),
            () => char.ConvertToUtf32("x\uDE00", 1), () => char.ConvertFromUtf32(0xD800), () => char.ConvertFromUtf32(0x110000),
            () => char.ConvertToUtf32("abc", 3), () => char.IsLetter("abc", 5), () => char.GetUnicodeCategory("abc", -1) })
        {
            try { bad(); }
            catch (ArgumentException e) { failures++; Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        }
        return failures;
    }

    static int Count(string s, Func<string, int, bool> test)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++) if (test(s, i)) n++;
        return n;
    }
}
