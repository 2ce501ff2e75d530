// A word-frequency counter over generated text: Split, ToLowerInvariant, Trim, Dictionary counting,
// sorting the pairs by count then word, StringBuilder report, and a checksum of the result.
using System;
using System.Collections.Generic;
using System.Text;

static class Program
{
    static readonly string[] Vocabulary = { "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "and", "runs", "away", "from", "The", "DOG", "Fox!", "(lazy)", "again," };

    static int Main()
    {
        var text = new StringBuilder();
        uint state = 2024;
        for (int i = 0; i < 3000; i++)
        {
            state = state * 1103515245 + 12345;
            text.Append(Vocabulary[(state >> 16) % (uint)Vocabulary.Length]);
            text.Append((state & 7) == 0 ? ".\n" : (state & 3) == 1 ? ",  " : " ");
        }
        var counts = new Dictionary<string, int>();
        char[] separators = { ' ', '\n', '.', ',' };
        foreach (string raw in text.ToString().Split(separators, StringSplitOptions.RemoveEmptyEntries))
        {
            string word = raw.Trim('!', '(', ')').ToLowerInvariant();
            if (word.Length == 0) continue;
            counts.TryGetValue(word, out int n);
            counts[word] = n + 1;
        }
        var pairs = new List<KeyValuePair<string, int>>(counts);
        pairs.Sort((x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : string.CompareOrdinal(x.Key, y.Key));
        var report = new StringBuilder();
        int rank = 0, checksum = 0;
        foreach (var pair in pairs)
        {
            rank++;
            report.AppendLine($"{rank,2}. {pair.Key,-6} {pair.Value,5} {100.0 * pair.Value / 3000 > 10}");
            foreach (char c in pair.Key) checksum = checksum * 31 + c + pair.Value;
        }
        Console.Write(report.ToString());
        Console.WriteLine("distinct=" + counts.Count + " checksum=" + checksum);
        var firstSeen = new List<string>();
        foreach (string key in counts.Keys) firstSeen.Add(key);
        Console.WriteLine(string.Join(" ", firstSeen));
        return checksum & 0xFF;
    }
}
