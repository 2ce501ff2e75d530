// Allocation throughput and collection pauses of the library OS's collector (docs/gc.md). Testbed
// only: it reads the collector's counters (Testbed.Runtime.GcStatistics) and the TSC. Prints
// key=value lines that bench/gc/measure.sh turns into bench/results/gc.json and gc.md.
using System;
using System.Runtime;
using Testbed.Runtime;

class Node
{
    public Node Next;
    public long Value;
    public Node(Node next, long value) { Next = next; Value = value; }
}

static class Program
{
    static Node s_live;

    static void Report(string phase, ulong cycles, long objects, long collectionsBefore, long pauseBefore, long allocatedBefore)
    {
        long collections = GcStatistics.Collections - collectionsBefore;
        long bytes = GcStatistics.AllocatedBytes - allocatedBefore;
        Console.WriteLine(phase + ".objects=" + objects);
        Console.WriteLine(phase + ".bytes=" + bytes);
        Console.WriteLine(phase + ".cycles=" + cycles);
        Console.WriteLine(phase + ".collections=" + collections);
        Console.WriteLine(phase + ".pause_cycles=" + (GcStatistics.TotalPauseCycles - pauseBefore));
        Console.WriteLine(phase + ".live_bytes=" + GcStatistics.LiveBytesAfterLastCollection);
        Console.WriteLine(phase + ".heap_bytes=" + GcStatistics.HeapBytes);
    }

    // Short-lived lists of 100 nodes: almost nothing survives a collection.
    static long Churn(long objects)
    {
        long checksum = 0;
        for (long done = 0; done < objects; done += 100)
        {
            Node list = null;
            for (int i = 0; i < 100; i++)
                list = new Node(list, i);
            checksum += list.Value;
        }
        return checksum;
    }

    static int Main()
    {
        Console.WriteLine("heap_capacity=" + GcStatistics.HeapCapacity);
        const long objects = 20_000_000;

        long c0 = GcStatistics.Collections, p0 = GcStatistics.TotalPauseCycles, a0 = GcStatistics.AllocatedBytes;
        ulong t0 = Cpu.ReadTimeStampCounter();
        long checksum = Churn(objects);
        Report("churn_small_live", Cpu.ReadTimeStampCounter() - t0, objects, c0, p0, a0);

        // The same churn next to 500,000 live nodes (16 MB) that every collection must mark.
        for (int i = 0; i < 500_000; i++)
            s_live = new Node(s_live, i);
        c0 = GcStatistics.Collections; p0 = GcStatistics.TotalPauseCycles; a0 = GcStatistics.AllocatedBytes;
        t0 = Cpu.ReadTimeStampCounter();
        checksum += Churn(objects);
        Report("churn_16mb_live", Cpu.ReadTimeStampCounter() - t0, objects, c0, p0, a0);

        Console.WriteLine("max_pause_cycles=" + GcStatistics.MaxPauseCycles);
        Console.WriteLine("collections=" + GcStatistics.Collections);
        Console.WriteLine("mark_stack_overflows=" + GcStatistics.MarkStackOverflows);
        long kept = 0;
        for (Node n = s_live; n != null; n = n.Next)
            kept++;
        Console.WriteLine("checksum=" + checksum + " kept=" + kept);
        return 0;
    }
}
