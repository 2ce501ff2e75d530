using System.Runtime;

namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// The collector's exported symbols: the compiler's allocation entry point, the collection entry
    /// the backend's register-spilling stub calls, and what corlib's <c>System.GC</c> and
    /// <c>Testbed.Runtime.GcStatistics</c> import. Guest only: the host tests call <see cref="GcHeap"/> directly.
    /// </summary>
    public static unsafe class GcRuntime
    {
        [RuntimeExport("tb_alloc")]
        public static void* Allocate(nuint size) => GcHeap.Allocate(size);

        /// <summary>The compiler's allocation of an object whose type holds no references (strings, arrays of numbers).</summary>
        [RuntimeExport("tb_alloc_noscan")]
        public static void* AllocateNoScan(nuint size) => GcHeap.AllocateNoScan(size);

        /// <summary>Called by <c>tb_gc_collect_with_registers</c> with rsp after it pushed rbx, rbp and r12–r15.</summary>
        [RuntimeExport("tb_gc_collect")]
        public static void Collect(void* stackPointer) => GcHeap.Collect(stackPointer);

        /// <summary><c>GC.Collect()</c>: a collection now, with the caller's registers spilled like any other.</summary>
        [RuntimeExport("tb_gc_request_collection")]
        public static void RequestCollection()
        {
            GcHeap.RequestMajorCollection();
            GcImports.CollectWithRegisters();
        }

        /// <summary>Corlib's bulk copies of references (Array.Copy, span copies): the write barrier for a range.</summary>
        [RuntimeExport("tb_gc_write_barrier_range")]
        public static void WriteBarrierRange(void* destination, nuint count) => GcHeap.MarkCards(destination, count);

        [RuntimeExport("tb_gc_collection_count")]
        public static long CollectionCount() => GcHeap.CollectionCount;

        [RuntimeExport("tb_gc_bytes_in_use")]
        public static long BytesInUse() => (long)GcHeap.BytesInUse;

        [RuntimeExport("tb_gc_total_allocated_bytes")]
        public static long TotalAllocatedBytes() => (long)GcHeap.TotalAllocatedBytes;

        [RuntimeExport("tb_gc_pause_of")]
        public static long PauseOf(long collection) => GcHeap.PauseTicksOf(collection);

        /// <summary>One of the <c>Testbed.Runtime.GcStatistics</c> counters, by number (see that class).</summary>
        [RuntimeExport("tb_gc_statistic")]
        public static long Statistic(int which)
        {
            switch (which)
            {
                case 0: return GcHeap.CollectionCount;
                case 1: return (long)GcHeap.TotalPauseTicks;
                case 2: return (long)GcHeap.MaxPauseTicks;
                case 3: return (long)GcHeap.TotalAllocatedBytes;
                case 4: return (long)GcHeap.LiveBytesAfterLastCollection;
                case 5: return (long)GcHeap.HeapBytes;
                case 6: return (long)GcHeap.HeapCapacity;
                case 7: return (long)GcMarker.Overflows;
                case 8: return GcHeap.MinorCollectionCount;
                case 9: return (long)GcHeap.MinorPauseTicks;
                case 10: return (long)GcHeap.MaxMinorPauseTicks;
                case 11: return (long)GcHeap.MissedBarriers;
                default: return -1;
            }
        }
    }
}
