// Dijkstra's shortest paths on a generated graph with PriorityQueue<TElement,TPriority> (equal
// priorities included, so .NET's heap order matters), plus a hand-written binary heap over List<T>
// for a k-way merge; prints distances and checksums.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        const int N = 60;
        var edges = new List<(int To, int W)>[N];
        for (int i = 0; i < N; i++) edges[i] = new List<(int, int)>();
        uint state = 7;
        for (int e = 0; e < 240; e++)
        {
            state = state * 1103515245 + 12345;
            int from = (int)((state >> 8) % N);
            state = state * 1103515245 + 12345;
            int to = (int)((state >> 8) % N);
            edges[from].Add((to, (int)(state % 9) + 1));
        }
        var dist = new int[N];
        Array.Fill(dist, int.MaxValue);
        dist[0] = 0;
        var pq = new PriorityQueue<int, int>();
        pq.Enqueue(0, 0);
        var order = new List<int>();
        while (pq.TryDequeue(out int node, out int d))
        {
            if (d > dist[node]) continue;
            order.Add(node);
            foreach (var (to, w) in edges[node])
            {
                if (d + w < dist[to]) { dist[to] = d + w; pq.Enqueue(to, d + w); }
            }
        }
        Console.WriteLine(string.Join(" ", dist));
        Console.WriteLine(string.Join(",", order));

        var ties = new PriorityQueue<string, int>();
        string[] names = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k" };
        for (int i = 0; i < names.Length; i++) ties.Enqueue(names[i], i % 3);
        Console.WriteLine(ties.Peek() + " " + ties.Count + " " + ties.EnqueueDequeue("z", -1) + " " + ties.EnqueueDequeue("y", 5));
        var drained = new List<string>();
        while (ties.Count > 0) drained.Add(ties.Dequeue());
        Console.WriteLine(string.Join("", drained));
        var maxFirst = new PriorityQueue<string, int>(Comparer<int>.Create((x, y) => y.CompareTo(x)));
        maxFirst.Enqueue("low", 1); maxFirst.Enqueue("high", 9); maxFirst.Enqueue("mid", 5);
        Console.WriteLine(maxFirst.Dequeue() + maxFirst.Dequeue() + maxFirst.Dequeue() + " " + maxFirst.TryPeek(out _, out _));

        var heap = new List<long>();
        long checksum = 0;
        for (int round = 0; round < 500; round++)
        {
            state = state * 1664525 + 1013904223;
            heap.Add(state % 1000);
            int c = heap.Count - 1;
            while (c > 0 && heap[(c - 1) / 2] > heap[c]) { long t = heap[c]; heap[c] = heap[(c - 1) / 2]; heap[(c - 1) / 2] = t; c = (c - 1) / 2; }
            if (round % 3 == 2)
            {
                checksum = checksum * 31 + heap[0];
                heap[0] = heap[heap.Count - 1];
                heap.RemoveAt(heap.Count - 1);
                int p = 0;
                while (true)
                {
                    int l = 2 * p + 1, r = l + 1, m = p;
                    if (l < heap.Count && heap[l] < heap[m]) m = l;
                    if (r < heap.Count && heap[r] < heap[m]) m = r;
                    if (m == p) break;
                    long t = heap[m]; heap[m] = heap[p]; heap[p] = t; p = m;
                }
            }
        }
        Console.WriteLine(heap.Count + " " + checksum);
        try { new PriorityQueue<int, int>().Dequeue(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        return (int)((ulong)checksum % 256);
    }
}
