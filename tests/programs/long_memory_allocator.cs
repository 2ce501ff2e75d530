// A memory allocator simulation over a byte array: first-fit free list with block headers
// (size + used flag) stored in the arena itself, splitting, coalescing on free, and a checker
// that walks the heap; random alloc/free workload from a seeded LCG, plus double-free detection.
using System;

class Arena
{
    readonly byte[] mem; const int Header = 8; const int Align = 8;
    public int Allocs, Frees, Splits, Merges, Failures;
    public Arena(int size) { mem = new byte[size]; WriteHeader(0, size, false); }
    int ReadInt(int at) => mem[at] | mem[at + 1] << 8 | mem[at + 2] << 16 | mem[at + 3] << 24;
    void WriteInt(int at, int v) { mem[at] = (byte)v; mem[at + 1] = (byte)(v >> 8); mem[at + 2] = (byte)(v >> 16); mem[at + 3] = (byte)(v >> 24); }
    int SizeAt(int b) => ReadInt(b);
    bool UsedAt(int b) => ReadInt(b + 4) == 1;
    void WriteHeader(int b, int size, bool used) { WriteInt(b, size); WriteInt(b + 4, used ? 1 : 0); }

    public int Alloc(int n)
    {
        int need = (n + Header + Align - 1) / Align * Align;
        for (int b = 0; b < mem.Length; b += SizeAt(b))
        {
            if (UsedAt(b) || SizeAt(b) < need) continue;
            int size = SizeAt(b);
            if (size - need >= Header + Align) { WriteHeader(b, need, true); WriteHeader(b + need, size - need, false); Splits++; }
            else WriteHeader(b, size, true);
            Allocs++;
            return b + Header;
        }
        Failures++;
        return -1;
    }
    public void Free(int p)
    {
        int b = p - Header;
        if (b < 0 || b >= mem.Length || !UsedAt(b)) throw new InvalidOperationException("invalid free of " + p);
        WriteHeader(b, SizeAt(b), false); Frees++;
        // coalesce the whole heap forward (simple, O(n))
        for (int x = 0; x < mem.Length;)
        {
            int nx = x + SizeAt(x);
            if (!UsedAt(x) && nx < mem.Length && !UsedAt(nx)) { WriteHeader(x, SizeAt(x) + SizeAt(nx), false); Merges++; continue; }
            x = nx;
        }
    }
    public void Fill(int p, int n, byte v) { for (int i = 0; i < n; i++) mem[p + i] = v; }
    public int Sum(int p, int n) { int s = 0; for (int i = 0; i < n; i++) s += mem[p + i]; return s; }
    public void Check(out int blocks, out int used, out int free, out int largestFree)
    {
        blocks = used = free = largestFree = 0;
        int b = 0;
        while (b < mem.Length)
        {
            int sz = SizeAt(b);
            if (sz <= 0 || b + sz > mem.Length) throw new InvalidOperationException("corrupt heap at " + b);
            blocks++;
            if (UsedAt(b)) used += sz; else { free += sz; if (sz > largestFree) largestFree = sz; }
            b += sz;
        }
    }
}

static class Program
{
    static uint s = 77;
    static int R(int n) { s = s * 1103515245 + 12345; return (int)((s >> 16) % (uint)n); }

    static int Main()
    {
        var a = new Arena(8192);
        int p1 = a.Alloc(100), p2 = a.Alloc(200), p3 = a.Alloc(50);
        Console.WriteLine("first allocations " + p1 + " " + p2 + " " + p3);
        a.Free(p2);
        int p4 = a.Alloc(64);
        Console.WriteLine("reused " + p4 + " (inside the freed block: " + (p4 == p2) + ")");
        try { a.Free(p2 + 4); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        a.Free(p1); a.Free(p3); a.Free(p4);
        a.Check(out int blocks, out int used, out int free, out int largest);
        Console.WriteLine("after freeing all: blocks " + blocks + " used " + used + " free " + free);
        var live = new int[64]; var sizes = new int[64]; int nLive = 0; long check = 0;
        for (int step = 0; step < 3000; step++)
        {
            if (nLive < 64 && (nLive == 0 || R(100) < 55))
            {
                int n = 1 + R(300);
                int p = a.Alloc(n);
                if (p >= 0) { a.Fill(p, n, (byte)(step & 0xFF)); live[nLive] = p; sizes[nLive++] = n; }
            }
            else
            {
                int k = R(nLive);
                check += a.Sum(live[k], sizes[k]);
                a.Free(live[k]);
                live[k] = live[--nLive]; sizes[k] = sizes[nLive];
            }
            if (step % 750 == 749)
            {
                a.Check(out blocks, out used, out free, out largest);
                Console.WriteLine("step " + (step + 1) + ": live " + nLive + " blocks " + blocks + " used " + used + " free " + free + " largest free " + largest);
            }
        }
        Console.WriteLine("allocs " + a.Allocs + " frees " + a.Frees + " splits " + a.Splits + " merges " + a.Merges + " failures " + a.Failures);
        Console.WriteLine("content checksum " + check);
        try { a.Free(live[0]); a.Free(live[0]); } catch (InvalidOperationException e) { Console.WriteLine("double free: " + e.Message); }
        return (int)(check % 256);
    }
}
