// An LRU cache over Dictionary + a doubly linked list of nodes: hits, misses, evictions in
// recency order, updates, and a checksum of a long access trace.
using System;
using System.Collections.Generic;

sealed class LruCache<TKey, TValue>
{
    private sealed class Node
    {
        public TKey Key;
        public TValue Value;
        public Node Prev, Next;
    }

    private readonly int capacity;
    private readonly Dictionary<TKey, Node> map = new Dictionary<TKey, Node>();
    private Node head, tail;
    public int Hits, Misses, Evictions;

    public LruCache(int capacity) { this.capacity = capacity; }

    public bool TryGet(TKey key, out TValue value)
    {
        if (map.TryGetValue(key, out Node node))
        {
            MoveToFront(node);
            Hits++;
            value = node.Value;
            return true;
        }
        Misses++;
        value = default;
        return false;
    }

    public void Put(TKey key, TValue value)
    {
        if (map.TryGetValue(key, out Node node))
        {
            node.Value = value;
            MoveToFront(node);
            return;
        }
        if (map.Count == capacity)
        {
            Node last = tail;
            Unlink(last);
            map.Remove(last.Key);
            Evictions++;
        }
        node = new Node { Key = key, Value = value };
        map.Add(key, node);
        LinkFront(node);
    }

    public IEnumerable<TKey> KeysByRecency()
    {
        for (Node n = head; n != null; n = n.Next) yield return n.Key;
    }

    private void MoveToFront(Node node)
    {
        if (node == head) return;
        Unlink(node);
        LinkFront(node);
    }

    private void Unlink(Node node)
    {
        if (node.Prev != null) node.Prev.Next = node.Next; else head = node.Next;
        if (node.Next != null) node.Next.Prev = node.Prev; else tail = node.Prev;
        node.Prev = node.Next = null;
    }

    private void LinkFront(Node node)
    {
        node.Next = head;
        if (head != null) head.Prev = node;
        head = node;
        if (tail == null) tail = node;
    }
}

static class Program
{
    static int Main()
    {
        var cache = new LruCache<string, int>(3);
        cache.Put("a", 1); cache.Put("b", 2); cache.Put("c", 3);
        cache.TryGet("a", out _);
        cache.Put("d", 4);
        Console.WriteLine(string.Join(",", cache.KeysByRecency()) + " " + cache.TryGet("b", out int bv) + " " + bv);
        cache.Put("c", 30);
        Console.WriteLine(string.Join(",", cache.KeysByRecency()));

        var big = new LruCache<int, long>(64);
        uint state = 99;
        long checksum = 0;
        for (int i = 0; i < 20000; i++)
        {
            state = state * 1664525 + 1013904223;
            int key = (int)((state >> 10) % 200);
            if (big.TryGet(key, out long v)) checksum = checksum * 7 + v;
            else big.Put(key, (long)key * key + i);
        }
        Console.WriteLine($"hits={big.Hits} misses={big.Misses} evictions={big.Evictions} checksum={checksum}");
        int first = 0;
        foreach (int k in big.KeysByRecency()) { first = k; break; }
        Console.WriteLine(first);
        return (int)((ulong)checksum % 256);
    }
}
