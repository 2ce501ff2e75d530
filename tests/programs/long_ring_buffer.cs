// A generic ring buffer with wrap-around and a producer/consumer simulation driven by a seeded
// LCG scheduler: producers with different rates, consumers with different costs, back-pressure
// statistics, and iteration over the buffer's current contents.
using System;
using System.Collections.Generic;

class RingBuffer<T>
{
    T[] items; int head, tail, count;
    public RingBuffer(int capacity) { items = new T[capacity]; }
    public int Count => count; public int Capacity => items.Length;
    public bool IsFull => count == items.Length;
    public bool TryPush(T x) { if (IsFull) return false; items[tail] = x; tail = (tail + 1) % items.Length; count++; return true; }
    public bool TryPop(out T x)
    {
        if (count == 0) { x = default(T); return false; }
        x = items[head]; items[head] = default(T); head = (head + 1) % items.Length; count--; return true;
    }
    public T Peek() { if (count == 0) throw new InvalidOperationException("buffer empty"); return items[head]; }
    public IEnumerable<T> Contents() { for (int i = 0; i < count; i++) yield return items[(head + i) % items.Length]; }
}

struct Job { public int Producer, Seq, Cost; }

class Producer
{
    public int Id, Rate, Seq, Blocked; public Producer(int id, int rate) { Id = id; Rate = rate; }
    public void Tick(RingBuffer<Job> q, uint r)
    {
        if (r % 100 >= (uint)Rate) return;
        var j = new Job { Producer = Id, Seq = Seq, Cost = (int)(r % 7) + 1 };
        if (q.TryPush(j)) Seq++; else Blocked++;
    }
}

class Consumer
{
    public int Id, Speed, Busy, Done; public long Work; int[] lastSeq = new int[4];
    public int OutOfOrder;
    public Consumer(int id, int speed) { Id = id; Speed = speed; for (int i = 0; i < 4; i++) lastSeq[i] = -1; }
    public void Tick(RingBuffer<Job> q)
    {
        if (Busy > 0) { Busy -= Speed; return; }
        if (q.TryPop(out Job j))
        {
            Busy = j.Cost * 3; Done++; Work += j.Cost * (j.Producer + 1);
            if (j.Seq <= lastSeq[j.Producer]) OutOfOrder++;
            lastSeq[j.Producer] = j.Seq;
        }
    }
}

static class Program
{
    static uint seed = 20240101;
    static uint Rand() { seed = seed * 1664525 + 1013904223; return seed >> 8; }

    // a fixed window that overwrites its oldest sample: moving average and min/max over the window
    class Window
    {
        double[] buf; int next, count;
        public Window(int n) { buf = new double[n]; }
        public void Add(double v) { buf[next] = v; next = (next + 1) % buf.Length; if (count < buf.Length) count++; }
        public double Average() { double s = 0; for (int i = 0; i < count; i++) s += buf[i]; return count == 0 ? 0 : s / count; }
        public double Max() { double m = double.MinValue; for (int i = 0; i < count; i++) m = Math.Max(m, buf[i]); return m; }
        public double Oldest => count < buf.Length ? buf[0] : buf[next];
    }

    static int Main()
    {
        var small = new RingBuffer<string>(3);
        Console.WriteLine(small.TryPush("a") + " " + small.TryPush("b") + " " + small.TryPush("c") + " " + small.TryPush("d"));
        small.TryPop(out string s1); small.TryPush("e");
        Console.Write("contents:"); foreach (var s in small.Contents()) Console.Write(" " + s); Console.WriteLine(" (popped " + s1 + ")");
        while (small.TryPop(out string s)) Console.Write(s);
        Console.WriteLine();
        try { small.Peek(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }

        var q = new RingBuffer<Job>(16);
        var producers = new[] { new Producer(0, 30), new Producer(1, 20), new Producer(2, 45) };
        var consumers = new[] { new Consumer(0, 2), new Consumer(1, 1) };
        int maxFill = 0; long fillSum = 0;
        for (int t = 0; t < 5000; t++)
        {
            foreach (var p in producers) p.Tick(q, Rand());
            foreach (var c in consumers) c.Tick(q);
            if (q.Count > maxFill) maxFill = q.Count;
            fillSum += q.Count;
            if (t % 1000 == 999)
            {
                Console.Write("t=" + (t + 1) + " fill " + q.Count + " head:");
                int k = 0; foreach (var j in q.Contents()) { if (k++ == 4) break; Console.Write(" " + j.Producer + "/" + j.Seq); }
                Console.WriteLine();
            }
        }
        int produced = 0, blocked = 0, done = 0, ooo = 0; long work = 0;
        foreach (var p in producers) { Console.WriteLine("producer " + p.Id + " produced " + p.Seq + " blocked " + p.Blocked); produced += p.Seq; blocked += p.Blocked; }
        foreach (var c in consumers) { Console.WriteLine("consumer " + c.Id + " done " + c.Done + " work " + c.Work); done += c.Done; work += c.Work; ooo += c.OutOfOrder; }
        Console.WriteLine("in queue " + q.Count + " accounted " + (produced == done + q.Count) + " max fill " + maxFill + " avg fill x100 " + fillSum * 100 / 5000 + " out of order " + ooo);
        var win = new Window(4);
        for (int i = 1; i <= 10; i++)
        {
            win.Add(i * i % 7 + 0.5);
            if (i % 2 == 0) Console.WriteLine("window after " + i + ": avg " + win.Average() + " max " + win.Max() + " oldest " + win.Oldest);
        }
        return (int)((work + blocked) % 256);
    }
}
