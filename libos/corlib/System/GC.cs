using System.Runtime;

namespace System
{
    /// <summary>
    /// .NET's GC API over the library OS's collector (libos/memory, docs/gc.md). The collector is not
    /// generational: every collection is a full one, which .NET counts in every generation, so the
    /// three counts are equal; <see cref="MaxGeneration"/> stays .NET's 2 so programs see the same range.
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
            return generation > MaxGeneration ? 0 : (int)CollectionCountImport();
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
