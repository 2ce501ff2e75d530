// wordfreq: strings and Dictionary<string, int>. Generates a deterministic text in memory (words made of
// syllables chosen by a fixed LCG, so some words are frequent and most are rare), splits it on spaces,
// counts the words and prints how many distinct words there are and the ten most frequent (count
// descending, then ordinal). Argument: words in the text (default 1,000,000); the text is counted 3 times.
using System;
using System.Collections.Generic;
using System.Text;

static class WordFreq
{
    static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "an", "el", "is", "or", "ba", "de", "fu", "go",
        "he", "ji", "ku", "pa", "qui", "ze", "tho", "wen",
    ];

    static uint state = 12345;

    static uint Next()
    {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    }

    static string Text(int words)
    {
        var text = new StringBuilder(words * 8);
        for (int w = 0; w < words; w++)
        {
            if (w > 0) text.Append(' ');
            // 1-4 syllables, short words likelier: a Zipf-like spread of frequencies.
            uint shape = Next() % 16;
            int syllables = shape < 6 ? 1 : shape < 11 ? 2 : shape < 15 ? 3 : 4;
            for (int s = 0; s < syllables; s++)
                text.Append(Syllables[Next() % (uint)(s == 0 ? 8 : Syllables.Length)]);
        }
        return text.ToString();
    }

    static int Main(string[] args)
    {
        int words = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        string text = Text(words);
        Dictionary<string, int> counts = new();
        for (int pass = 0; pass < 3; pass++)
        {
            counts = new Dictionary<string, int>();
            foreach (string word in text.Split(' '))
            {
                counts.TryGetValue(word, out int n);
                counts[word] = n + 1;
            }
        }
        var ranked = new List<KeyValuePair<string, int>>(counts);
        ranked.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        Console.WriteLine("words: " + words + ", distinct: " + counts.Count);
        for (int i = 0; i < 10 && i < ranked.Count; i++)
            Console.WriteLine(ranked[i].Key + " " + ranked[i].Value);
        return 0;
    }
}
