// A trie over lowercase words with counts: insertion, prefix completion in lexicographic order
// (depth-first), the most frequent completion, deletion and node statistics.
using System;

class TrieNode { public TrieNode[] Kids = new TrieNode[26]; public int Count; public int Below; }

class Trie
{
    public TrieNode Root = new TrieNode(); public int Nodes = 1;
    public void Add(string w)
    {
        var n = Root; n.Below++;
        foreach (char c in w)
        {
            int i = c - 'a';
            if (n.Kids[i] == null) { n.Kids[i] = new TrieNode(); Nodes++; }
            n = n.Kids[i]; n.Below++;
        }
        n.Count++;
    }
    TrieNode Find(string p) { var n = Root; foreach (char c in p) { n = n.Kids[c - 'a']; if (n == null) return null; } return n; }
    public int CountPrefix(string p) { var n = Find(p); return n == null ? 0 : n.Below; }
    public bool Remove(string w)
    {
        var n = Find(w);
        if (n == null || n.Count == 0) return false;
        n.Count--;
        var m = Root; m.Below--;
        foreach (char c in w) { m = m.Kids[c - 'a']; m.Below--; }
        return true;
    }
    public int Complete(string prefix, string[] output, int max)
    {
        var n = Find(prefix);
        if (n == null) return 0;
        var buf = new char[64];
        for (int i = 0; i < prefix.Length; i++) buf[i] = prefix[i];
        int k = 0;
        Walk(n, buf, prefix.Length, output, ref k, max);
        return k;
    }
    void Walk(TrieNode n, char[] buf, int len, string[] output, ref int k, int max)
    {
        if (k >= max) return;
        if (n.Count > 0) output[k++] = new string(buf, 0, len) + ":" + n.Count;
        for (int i = 0; i < 26; i++)
            if (n.Kids[i] != null && n.Kids[i].Below > 0) { buf[len] = (char)('a' + i); Walk(n.Kids[i], buf, len + 1, output, ref k, max); }
    }
    public string Best(string prefix)
    {
        var n = Find(prefix); if (n == null) return "(none)";
        var buf = new char[64]; for (int i = 0; i < prefix.Length; i++) buf[i] = prefix[i];
        string best = "(none)"; int bestCount = 0;
        BestWalk(n, buf, prefix.Length, ref best, ref bestCount);
        return best;
    }
    void BestWalk(TrieNode n, char[] buf, int len, ref string best, ref int bestCount)
    {
        if (n.Count > bestCount) { bestCount = n.Count; best = new string(buf, 0, len); }
        for (int i = 0; i < 26; i++) if (n.Kids[i] != null) { buf[len] = (char)('a' + i); BestWalk(n.Kids[i], buf, len + 1, ref best, ref bestCount); }
    }
}

static class Program
{
    static int Main()
    {
        string corpus = "the quick brown fox jumps over the lazy dog then the dog thinks that the fox is quite quick " +
                        "theory and theorem are there in the thesis they wrote though thorough threads throw three thrones " +
                        "quiet quilts quit quizzing quotes while brown bread breaks brittle bricks";
        var t = new Trie();
        int start = -1, words = 0;
        for (int i = 0; i <= corpus.Length; i++)
        {
            bool letter = i < corpus.Length && corpus[i] != ' ';
            if (letter && start < 0) start = i;
            if (!letter && start >= 0) { t.Add(corpus.Substring(start, i - start)); words++; start = -1; }
        }
        Console.WriteLine("words " + words + " nodes " + t.Nodes);
        var outp = new string[10];
        string[] prefixes = { "th", "qu", "br", "thr", "x", "the" };
        int total = 0;
        foreach (var p in prefixes)
        {
            int k = t.Complete(p, outp, 10);
            Console.Write(p + " (" + t.CountPrefix(p) + "):");
            for (int i = 0; i < k; i++) Console.Write(" " + outp[i]);
            Console.WriteLine();
            Console.WriteLine("  best " + t.Best(p));
            total += k;
        }
        Console.WriteLine("remove the: " + t.Remove("the") + " " + t.Remove("the") + " count th " + t.CountPrefix("th"));
        Console.WriteLine("remove nope: " + t.Remove("nope"));
        Console.WriteLine("best th now " + t.Best("th"));
        return total + t.Nodes % 100;
    }
}
