// An LRU cache built from an open hash map (chained buckets) and a doubly linked list; a seeded LCG
// drives gets and puts, and the program prints hits, misses, evictions and the final order.
using System;

class Node
{
    public int Key; public long Value;
    public Node Prev, Next;      // recency list
    public Node Chain;           // bucket chain
}

class LruCache
{
    Node[] buckets; Node head, tail; int count; readonly int capacity;
    public int Hits, Misses, Evictions;
    public LruCache(int capacity) { this.capacity = capacity; buckets = new Node[capacity * 2 + 1]; }
    int Bucket(int key) => (int)((uint)(key * -1640531535) % (uint)buckets.Length);
    Node Find(int key) { for (var n = buckets[Bucket(key)]; n != null; n = n.Chain) if (n.Key == key) return n; return null; }
    void Unlink(Node n)
    {
        if (n.Prev != null) n.Prev.Next = n.Next; else head = n.Next;
        if (n.Next != null) n.Next.Prev = n.Prev; else tail = n.Prev;
        n.Prev = n.Next = null;
    }
    void PushFront(Node n) { n.Next = head; if (head != null) head.Prev = n; head = n; if (tail == null) tail = n; }
    void RemoveFromBucket(Node n)
    {
        int b = Bucket(n.Key);
        if (buckets[b] == n) { buckets[b] = n.Chain; return; }
        for (var p = buckets[b]; p != null; p = p.Chain) if (p.Chain == n) { p.Chain = n.Chain; return; }
    }
    public bool TryGet(int key, out long value)
    {
        var n = Find(key);
        if (n == null) { Misses++; value = 0; return false; }
        Hits++; Unlink(n); PushFront(n); value = n.Value; return true;
    }
    public void Put(int key, long value)
    {
        var n = Find(key);
        if (n != null) { n.Value = value; Unlink(n); PushFront(n); return; }
        if (count == capacity)
        {
            var victim = tail; Unlink(victim); RemoveFromBucket(victim); count--; Evictions++;
        }
        n = new Node { Key = key, Value = value };
        int b = Bucket(key); n.Chain = buckets[b]; buckets[b] = n;
        PushFront(n); count++;
    }
    public int Count => count;
    public void Dump()
    {
        Console.Write("MRU->LRU:");
        for (var n = head; n != null; n = n.Next) { Console.Write(' '); Console.Write(n.Key); }
        Console.WriteLine();
    }
    public long Checksum() { long s = 0; int i = 1; for (var n = head; n != null; n = n.Next) s += n.Value * i++; return s; }
}

static class Program
{
    static uint seed = 12345;
    static uint NextRand() { seed = seed * 1103515245 + 12345; return (seed >> 16) & 0x7FFF; }

    static long Expensive(int k) { long r = 1; for (int i = 0; i < k % 13; i++) r = r * 3 + k; return r; }

    // a second policy for comparison: FIFO eviction over the same key stream
    static int FifoHits(int capacity, uint startSeed, int rounds)
    {
        var keys = new int[capacity]; int n = 0, head = 0, hits = 0; uint s = startSeed;
        for (int r = 0; r < rounds; r++)
        {
            s = s * 1103515245 + 12345; int key = (int)(((s >> 16) & 0x7FFF) % 24);
            if (key > 16) { s = s * 1103515245 + 12345; key = (int)(((s >> 16) & 0x7FFF) % 6); }
            bool found = false; for (int i = 0; i < n; i++) if (keys[i] == key) found = true;
            if (found) { hits++; continue; }
            if (n < capacity) keys[n++] = key; else { keys[head] = key; head = (head + 1) % capacity; }
        }
        return hits;
    }

    static int Main()
    {
        var cache = new LruCache(8);
        for (int i = 0; i < 5; i++) cache.Put(i, i * 100);
        cache.Dump();
        long v;
        Console.WriteLine(cache.TryGet(2, out v) + " " + v);
        Console.WriteLine(cache.TryGet(9, out v) + " " + v);
        cache.Dump();
        long total = 0;
        for (int round = 0; round < 2000; round++)
        {
            int key = (int)(NextRand() % 24);
            if (key > 16) key = (int)(NextRand() % 6);
            if (!cache.TryGet(key, out v)) { v = Expensive(key); cache.Put(key, v); }
            total += v;
            if (round % 500 == 499) { Console.Write("round " + (round + 1) + " "); cache.Dump(); }
        }
        Console.WriteLine("hits " + cache.Hits);
        Console.WriteLine("misses " + cache.Misses);
        Console.WriteLine("evictions " + cache.Evictions);
        Console.WriteLine("count " + cache.Count);
        Console.WriteLine("total " + total);
        Console.WriteLine("checksum " + cache.Checksum());
        Console.WriteLine("fifo hits on the same stream: " + FifoHits(8, 12345, 2000));
        var tiny = new LruCache(2);
        tiny.Put(1, 10); tiny.Put(2, 20); tiny.TryGet(1, out v); tiny.Put(3, 30);
        Console.Write("tiny "); tiny.Dump();
        Console.WriteLine("tiny evictions " + tiny.Evictions + " has 2: " + tiny.TryGet(2, out v));
        return (int)(total % 251);
    }
}
