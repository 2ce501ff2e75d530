// Huffman coding: symbol frequencies, a tree built with an own min-heap of nodes (ties broken by
// insertion order for determinism), canonical code lengths, bit-packed encoding into bytes,
// decoding by walking the tree, and a round-trip check over several texts.
using System;

class HNode
{
    public int Freq, Order; public char Sym; public HNode Left, Right;
    public bool IsLeaf => Left == null;
}

class NodeHeap
{
    HNode[] a = new HNode[64]; int n;
    public int Count => n;
    static bool Less(HNode x, HNode y) => x.Freq != y.Freq ? x.Freq < y.Freq : x.Order < y.Order;
    public void Push(HNode x) { int i = n++; a[i] = x; while (i > 0 && Less(a[i], a[(i - 1) / 2])) { var t = a[i]; a[i] = a[(i - 1) / 2]; a[(i - 1) / 2] = t; i = (i - 1) / 2; } }
    public HNode Pop()
    {
        var top = a[0]; a[0] = a[--n]; int i = 0;
        while (true)
        {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < n && Less(a[l], a[m])) m = l;
            if (r < n && Less(a[r], a[m])) m = r;
            if (m == i) return top;
            var t = a[i]; a[i] = a[m]; a[m] = t; i = m;
        }
    }
}

class Huffman
{
    public HNode Root; public string[] Codes = new string[128];
    public Huffman(string text)
    {
        var freq = new int[128];
        for (int i = 0; i < text.Length; i++) freq[text[i]]++;
        var h = new NodeHeap(); int order = 0;
        for (int c = 0; c < 128; c++) if (freq[c] > 0) h.Push(new HNode { Freq = freq[c], Sym = (char)c, Order = order++ });
        if (h.Count == 1) { var only = h.Pop(); h.Push(new HNode { Freq = only.Freq, Left = only, Right = new HNode { Sym = '\0', Order = order++ }, Order = order++ }); }
        while (h.Count > 1) { var a = h.Pop(); var b = h.Pop(); h.Push(new HNode { Freq = a.Freq + b.Freq, Left = a, Right = b, Order = order++ }); }
        Root = h.Pop();
        Assign(Root, "");
    }
    void Assign(HNode n, string prefix) { if (n.IsLeaf) { Codes[n.Sym] = prefix; return; } Assign(n.Left, prefix + "0"); Assign(n.Right, prefix + "1"); }
    public byte[] Encode(string text, out int bits)
    {
        int total = 0;
        for (int i = 0; i < text.Length; i++) total += Codes[text[i]].Length;
        var o = new byte[(total + 7) / 8]; int k = 0;
        for (int i = 0; i < text.Length; i++) { string c = Codes[text[i]]; for (int j = 0; j < c.Length; j++, k++) if (c[j] == '1') o[k >> 3] |= (byte)(0x80 >> (k & 7)); }
        bits = total; return o;
    }
    public string Decode(byte[] d, int bits)
    {
        var o = new char[bits]; int n = 0; var cur = Root;
        for (int k = 0; k < bits; k++)
        {
            cur = (d[k >> 3] & (0x80 >> (k & 7))) != 0 ? cur.Right : cur.Left;
            if (cur.IsLeaf) { o[n++] = cur.Sym; cur = Root; }
        }
        return new string(o, 0, n);
    }
}

static class Program
{
    // canonical Huffman codes from the code lengths (sorted by length, then symbol)
    static string[] Canonical(string[] codes)
    {
        var result = new string[128]; int code = 0, prevLen = 0;
        for (int len = 1; len <= 32; len++)
            for (int c = 0; c < 128; c++)
            {
                if (codes[c] == null || codes[c].Length != len) continue;
                code <<= len - prevLen; prevLen = len;
                var bits = new char[len]; for (int b = 0; b < len; b++) bits[b] = ((code >> (len - 1 - b)) & 1) != 0 ? '1' : '0';
                result[c] = new string(bits); code++;
            }
        return result;
    }
    static bool PrefixFree(string[] codes)
    {
        for (int a = 0; a < 128; a++) for (int b = 0; b < 128; b++)
            if (a != b && codes[a] != null && codes[b] != null && codes[a].Length <= codes[b].Length && codes[b].Substring(0, codes[a].Length) == codes[a]) return false;
        return true;
    }

    static int Main()
    {
        string[] texts = {
            "abracadabra",
            "aaaaaaaaaa",
            "this is an example of a huffman tree",
            "the rain in spain stays mainly in the plain; the rain in spain stays mainly in the plain!",
        };
        int score = 0;
        foreach (var t in texts)
        {
            var hf = new Huffman(t);
            var enc = hf.Encode(t, out int bits);
            string back = hf.Decode(enc, bits);
            Console.WriteLine("\"" + t + "\"");
            Console.WriteLine("  " + t.Length * 8 + " bits -> " + bits + " bits (" + enc.Length + " bytes), round trip " + (back == t));
            Console.Write("  codes:");
            for (int c = 32; c < 128; c++) if (hf.Codes[c] != null) Console.Write(" " + (char)c + "=" + hf.Codes[c]);
            Console.WriteLine();
            int h = 0; foreach (var b in enc) h = h * 31 + b;
            Console.WriteLine("  hash " + h);
            score += bits;
        }
        var last = new Huffman(texts[3]);
        var canon = Canonical(last.Codes);
        Console.Write("canonical:");
        for (int c = 32; c < 128; c++) if (canon[c] != null) Console.Write(" " + (char)c + "=" + canon[c]);
        Console.WriteLine();
        Console.WriteLine("prefix free: huffman " + PrefixFree(last.Codes) + " canonical " + PrefixFree(canon));
        return score & 0xFF;
    }
}
