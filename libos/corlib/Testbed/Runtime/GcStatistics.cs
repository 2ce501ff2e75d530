using System.Runtime;

namespace Testbed.Runtime
{
    /// <summary>
    /// The collector's counters beyond what .NET's GC API reports, for benchmarks (bench/gc). Times
    /// are TSC cycles: the guest does not know the TSC frequency (docs/libos.md, control channel).
    /// Not .NET API: programs using it run only on Testbed.
    /// </summary>
    public static class GcStatistics
    {
        public static long Collections => Statistic(0);
        public static long TotalPauseCycles => Statistic(1);
        public static long MaxPauseCycles => Statistic(2);
        public static long AllocatedBytes => Statistic(3);
        public static long LiveBytesAfterLastCollection => Statistic(4);
        /// <summary>Bytes of 64 KiB chunks holding objects now.</summary>
        public static long HeapBytes => Statistic(5);
        /// <summary>The most the heap can grow to: the platform's region less the collector's tables.</summary>
        public static long HeapCapacity => Statistic(6);
        public static long MarkStackOverflows => Statistic(7);
        /// <summary>Collections that marked only the young generation (docs/gc.md, "Generations"); included in <see cref="Collections"/>.</summary>
        public static long MinorCollections => Statistic(8);
        public static long MinorPauseCycles => Statistic(9);
        public static long MaxMinorPauseCycles => Statistic(10);
        /// <summary>With TESTBED_GC=verify: references from marked to unmarked objects found (the first one is fatal).</summary>
        public static long MissedBarriers => Statistic(11);

        /// <summary>The pause of collection <paramref name="number"/> (0 is the first) in cycles; -1 once it is older than the last 4096.</summary>
        [RuntimeImport("tb_gc_pause_of")]
        public static extern long PauseCyclesOf(long number);

        [RuntimeImport("tb_gc_statistic")]
        private static extern long Statistic(int which);
    }
}
