using System.Runtime;

namespace System
{
    /// <summary>
    /// .NET's GC API over the library OS's collector (libos/memory, docs/gc.md). It has two generations:
    /// a minor collection counts in generation 0, a major one (every <see cref="Collect()"/>) in all
    /// three, as .NET counts a full collection; <see cref="MaxGeneration"/> stays .NET's 2 so programs
    /// see the same range.
    /// </summary>
    public static class GC
    {
        public static int MaxGeneration => 2;

        public static void Collect() => RequestCollection();

        public static void Collect(int generation)
        {
            if (generation < 0)
                ThrowHelpers.ThrowNegativeArgument("generation", generation);
            RequestCollection();
        }

        public static int CollectionCount(int generation)
        {
            if (generation < 0)
                ThrowHelpers.ThrowNegativeArgument("generation", generation);
            if (generation > MaxGeneration)
                return 0;
            long all = CollectionCountImport();
            return (int)(generation == 0 ? all : all - Testbed.Runtime.GcStatistics.MinorCollections);
        }

        /// <summary>Live bytes after the last collection plus everything allocated since.</summary>
        public static long GetTotalMemory(bool forceFullCollection)
        {
            if (forceFullCollection)
                RequestCollection();
            return BytesInUse();
        }

        public static long GetTotalAllocatedBytes(bool precise = false) => TotalAllocatedBytes();

        /// <summary>Keeps <paramref name="obj"/> reachable up to this call; the call itself is the use.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static void KeepAlive(object obj)
        {
        }

        [RuntimeImport("tb_gc_request_collection")]
        private static extern void RequestCollection();

        [RuntimeImport("tb_gc_collection_count")]
        private static extern long CollectionCountImport();

        [RuntimeImport("tb_gc_bytes_in_use")]
        private static extern long BytesInUse();

        [RuntimeImport("tb_gc_total_allocated_bytes")]
        private static extern long TotalAllocatedBytes();
    }
}
