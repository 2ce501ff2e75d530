// The generational collector on a key-value store's heap (docs/gc.md, "Generations"): a
// Dictionary<int, byte[]> with KEYS keys (default 1 M, about 110 MB live) is built, then OPS random
// SETs replace values (the old value becomes garbage) while each operation also makes short-lived
// garbage, as a request's parsing does. Testbed only: it reads the collector's counters and pause log
// (Testbed.Runtime.GcStatistics). Prints key=value lines for bench/gc/generations.sh. Run it with
// TESTBED_GC=full to get the same heap with every collection marking everything.
using System;
using System.Collections.Generic;
using System.Runtime;
using Testbed.Runtime;

static class Program
{
    static int Main(string[] args)
    {
        int keys = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        int operations = args.Length > 1 ? int.Parse(args[1]) : 4_000_000;
        var store = new Dictionary<int, byte[]>(keys);
        ulong seed = 0x9E3779B97F4A7C15;
        for (int k = 0; k < keys; k++)
            store[k] = new byte[64];
        Console.WriteLine("live_after_build=" + GC.GetTotalMemory(true));

        long firstCollection = GcStatistics.Collections;
        long pauseBefore = GcStatistics.TotalPauseCycles;
        long minorBefore = GcStatistics.MinorCollections;
        ulong start = Cpu.ReadTimeStampCounter();
        long checksum = 0;
        for (int op = 0; op < operations; op++)
        {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
            int key = (int)(seed % (ulong)keys);
            var request = new byte[48];               // the request's buffer: garbage at once
            request[0] = (byte)op;
            var value = new byte[64];
            value[0] = request[0];
            store[key] = value;
            checksum += store[(int)((seed >> 32) % (ulong)keys)][0];
        }
        ulong cycles = Cpu.ReadTimeStampCounter() - start;
        long collections = GcStatistics.Collections - firstCollection;
        Console.WriteLine("operations=" + operations);
        Console.WriteLine("keys=" + keys);
        Console.WriteLine("cycles=" + cycles);
        Console.WriteLine("pause_cycles=" + (GcStatistics.TotalPauseCycles - pauseBefore));
        Console.WriteLine("collections=" + collections);
        Console.WriteLine("minor_collections=" + (GcStatistics.MinorCollections - minorBefore));
        Console.WriteLine("live_bytes=" + GcStatistics.LiveBytesAfterLastCollection);
        Console.WriteLine("heap_bytes=" + GcStatistics.HeapBytes);
        var pauses = new List<long>();
        for (long c = firstCollection; c < GcStatistics.Collections; c++)
        {
            long p = GcStatistics.PauseCyclesOf(c);
            if (p >= 0) pauses.Add(p);
        }
        if (args.Length > 2 && args[2] == "list")
            Console.WriteLine("pauses=" + string.Join(",", pauses));
        pauses.Sort();
        Console.WriteLine("pauses_logged=" + pauses.Count);
        if (pauses.Count > 0)
        {
            Console.WriteLine("p50_pause_cycles=" + pauses[pauses.Count / 2]);
            Console.WriteLine("p99_pause_cycles=" + pauses[Math.Min(pauses.Count - 1, pauses.Count * 99 / 100)]);
            Console.WriteLine("max_pause_cycles=" + pauses[pauses.Count - 1]);
        }
        Console.WriteLine("checksum=" + checksum);
        return 0;
    }
}
