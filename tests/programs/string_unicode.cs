using System;

// Non-ASCII string literals: Latin-1, CJK, emoji (surrogate pairs). Length counts UTF-16 code units; output is UTF-8.
static class Program
{
    static void Units(string s)
    {
        Console.Write(s.Length);
        Console.Write(":");
        for (int i = 0; i < s.Length; i++)
        {
            Console.Write(" ");
            Console.Write((int)s[i]);
        }
        Console.WriteLine();
    }

    static int Main()
    {
        string cafe = "café";
        string umlaut = "Grüße aus München";
        string chinese = "中文字符";
        string emoji = "😀";
        string mixed = "a€b😀c中é";
        Console.WriteLine(cafe);
        Console.WriteLine(umlaut);
        Console.WriteLine(chinese);
        Console.WriteLine(emoji);
        Console.WriteLine(mixed);
        Units(cafe);
        Units(chinese);
        Units(emoji);
        Units(mixed);

        Console.WriteLine(cafe[3]);
        Console.WriteLine(chinese[1]);
        Console.WriteLine(umlaut.IndexOf('ü'));
        Console.WriteLine(umlaut.IndexOf('ß'));
        Console.WriteLine(umlaut.Substring(10));
        Console.WriteLine(chinese.Substring(2, 2));
        Console.WriteLine(mixed.Substring(3, 2));
        Console.WriteLine(mixed.Substring(3, 2) == emoji);

        string composed = "cafe" + "\u0301";   // e + combining acute: different from precomposed é
        Console.WriteLine(composed);
        Console.WriteLine(composed.Length);
        Console.WriteLine(composed == cafe);
        Console.WriteLine("caf\u00e9" == cafe);

        string greeting = chinese + " " + emoji;
        Console.WriteLine(greeting);
        Console.WriteLine(greeting.Length);
        string all = "Ω≈ç√∫ ¥ © ™ ½ → ← ♥ 𝄞";
        Console.WriteLine(all);
        Units(all);

        // count surrogate code units
        int surrogates = 0;
        for (int i = 0; i < all.Length; i++) if (all[i] >= '\uD800' && all[i] <= '\uDFFF') surrogates++;
        Console.WriteLine(surrogates);
        int sum = 0;
        for (int i = 0; i < mixed.Length; i++) sum += mixed[i];
        Console.WriteLine(sum);
        return sum % 256;
    }
}
