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

        [RuntimeImport("tb_gc_statistic")]
        private static extern long Statistic(int which);
    }
}
