using System;
using Testbed.LibOS.Threading;

// Green threads whose lists live only in their own locals, on their own stacks, while every thread
// (and Main) allocates enough to force many collections: a suspended thread's stack must be a root.
class Node
{
    public Node Next;
    public long Value;
    public Node(Node next, long value) { Next = next; Value = value; }
}

static class Program
{
    const int Threads = 50;
    const int Length = 2000;
    static int s_correct;

    static void Build(int index)
    {
        Node list = null;
        for (int i = 0; i < Length; i++)
        {
            list = new Node(list, index * Length + i);
            // Garbage, so that collections happen while other threads are suspended mid-list.
            var garbage = new byte[1000];
            garbage[0] = 1;
            if (i % 100 == 0)
                Scheduler.Yield();
            // And full collections, whatever the nursery's size, while the others are suspended mid-list.
            if (i % 500 == 250)
                GC.Collect();
        }
        long sum = 0;
        int count = 0;
        for (Node n = list; n != null; n = n.Next)
        {
            sum += n.Value;
            count++;
        }
        long first = (long)index * Length;
        if (count == Length && sum == Length * first + (long)Length * (Length - 1) / 2)
            s_correct++;
    }

    static int Main()
    {
        var threads = new GreenThread[Threads];
        for (int i = 0; i < Threads; i++)
        {
            int index = i;
            threads[i] = Scheduler.Spawn(() => Build(index));
        }
        long churn = 0;
        while (Scheduler.LiveThreads > 0)
        {
            for (int i = 0; i < 100; i++)
                churn += new long[50].Length;
            Scheduler.Yield();
        }
        for (int i = 0; i < Threads; i++)
            Scheduler.Join(threads[i]);
        Console.WriteLine("correct " + s_correct + " of " + Threads);
        Console.WriteLine("collected " + (GC.CollectionCount(0) > 10));
        return 0;
    }
}
