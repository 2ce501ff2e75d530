// Text statistics over an embedded text: a hand-written string hash table counting words
// (case-folded), the most frequent words, the longest words, letter frequencies and line lengths.
using System;

class Entry { public string Word; public int Count; public Entry Next; }

class WordTable
{
    Entry[] buckets = new Entry[64]; public int Distinct;
    static uint Hash(string s) { uint h = 2166136261; for (int i = 0; i < s.Length; i++) { h ^= s[i]; h *= 16777619; } return h; }
    public void Add(string w)
    {
        uint b = Hash(w) % (uint)buckets.Length;
        for (var e = buckets[b]; e != null; e = e.Next) if (e.Word == w) { e.Count++; return; }
        buckets[b] = new Entry { Word = w, Count = 1, Next = buckets[b] };
        Distinct++;
        if (Distinct > buckets.Length * 2) Grow();
    }
    void Grow()
    {
        var old = buckets; buckets = new Entry[old.Length * 2];
        foreach (var head in old)
            for (var e = head; e != null;) { var nx = e.Next; uint b = Hash(e.Word) % (uint)buckets.Length; e.Next = buckets[b]; buckets[b] = e; e = nx; }
    }
    public Entry[] All()
    {
        var r = new Entry[Distinct]; int k = 0;
        foreach (var head in buckets) for (var e = head; e != null; e = e.Next) r[k++] = e;
        return r;
    }
}

static class Program
{
    const string Text =
        "It was the best of times, it was the worst of times, it was the age of wisdom,\n" +
        "it was the age of foolishness, it was the epoch of belief, it was the epoch of\n" +
        "incredulity, it was the season of Light, it was the season of Darkness, it was\n" +
        "the spring of hope, it was the winter of despair, we had everything before us,\n" +
        "we had nothing before us, we were all going direct to Heaven, we were all going\n" +
        "direct the other way - in short, the period was so far like the present period,\n" +
        "that some of its noisiest authorities insisted on its being received, for good\n" +
        "or for evil, in the superlative degree of comparison only.";

    static int Compare(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return a[i] - b[i];
        return a.Length - b.Length;
    }

    // counts adjacent letter pairs (bigrams) over the lower-cased letters of the text
    static void Bigrams(string text, out string best, out int bestCount, out int distinct)
    {
        var counts = new int[26 * 26]; char prev = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i]; if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
            if (c >= 'a' && c <= 'z') { if (prev != '\0') counts[(prev - 'a') * 26 + (c - 'a')]++; prev = c; } else prev = '\0';
        }
        best = ""; bestCount = 0; distinct = 0;
        for (int k = 0; k < counts.Length; k++) { if (counts[k] > 0) distinct++; if (counts[k] > bestCount) { bestCount = counts[k]; best = new string(new[] { (char)('a' + k / 26), (char)('a' + k % 26) }); } }
    }

    static int Main()
    {
        var table = new WordTable();
        var letters = new int[26];
        char[] buf = new char[32];
        int len = 0, words = 0, lines = 1, lineLen = 0, longestLine = 0;
        for (int i = 0; i <= Text.Length; i++)
        {
            char c = i < Text.Length ? Text[i] : ' ';
            if (c == '\n') { lines++; if (lineLen > longestLine) longestLine = lineLen; lineLen = 0; } else lineLen++;
            if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
            if (c >= 'a' && c <= 'z') { buf[len++] = c; letters[c - 'a']++; }
            else if (len > 0) { table.Add(new string(buf, 0, len)); words++; len = 0; }
        }
        if (lineLen > longestLine) longestLine = lineLen;
        Console.WriteLine("words " + words + " distinct " + table.Distinct + " lines " + lines + " longest line " + longestLine);
        var all = table.All();
        // sort: count desc, then word asc (insertion sort)
        for (int i = 1; i < all.Length; i++)
        {
            var x = all[i]; int j = i - 1;
            while (j >= 0 && (all[j].Count < x.Count || (all[j].Count == x.Count && Compare(all[j].Word, x.Word) > 0))) { all[j + 1] = all[j]; j--; }
            all[j + 1] = x;
        }
        for (int i = 0; i < 8; i++) Console.WriteLine(all[i].Word + " " + all[i].Count);
        // longest words, ties alphabetical
        for (int i = 1; i < all.Length; i++)
        {
            var x = all[i]; int j = i - 1;
            while (j >= 0 && (all[j].Word.Length < x.Word.Length || (all[j].Word.Length == x.Word.Length && Compare(all[j].Word, x.Word) > 0))) { all[j + 1] = all[j]; j--; }
            all[j + 1] = x;
        }
        Console.Write("longest:");
        for (int i = 0; i < 5; i++) Console.Write(" " + all[i].Word);
        Console.WriteLine();
        int best = 0;
        for (int i = 0; i < 26; i++) { if (letters[i] > letters[best]) best = i; if (letters[i] > 0) Console.Write((char)('a' + i)); }
        Console.WriteLine();
        Console.WriteLine("most common letter " + (char)('a' + best) + " x" + letters[best]);
        int singles = 0; foreach (var e in all) if (e.Count == 1) singles++;
        Console.WriteLine("hapax " + singles);
        Bigrams(Text, out string bg, out int bgCount, out int bgDistinct);
        double avg = 0; foreach (var e in all) avg += e.Word.Length * e.Count; avg /= words;
        Console.WriteLine("top bigram " + bg + " x" + bgCount + ", distinct bigrams " + bgDistinct + ", average word length " + avg);
        return (words + table.Distinct) & 0xFF;
    }
}
