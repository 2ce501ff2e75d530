using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// The host's side of the collector's imports (the guest's is libos/memory/GcImports.cs): the
    /// tests decide what the "stack" and the static roots are and count out-of-memory calls.
    /// </summary>
    internal static unsafe class GcImports
    {
        /// <summary>The fake stack's current pointer; <see cref="GcRoots"/> scans from it to the registered top.</summary>
        public static void* StackPointer;
        public static long* StaticRootTable;
        public static int OutOfMemoryCalls;

        public static void CollectWithRegisters() => GcHeap.Collect(StackPointer);

        public static long* StaticRoots() => StaticRootTable;

        public static int FatalOutOfMemoryCalls;

        public static void RaiseOutOfMemory() => OutOfMemoryCalls++;

        public static void FailOutOfMemory(nuint size) => FatalOutOfMemoryCalls++;

        /// <summary>What a compiled reference store marks: the test's stores call <see cref="GcHeap.MarkCards"/> as the barrier would.</summary>
        public static byte* CardTable;
        public static nuint CardMask;
        public static int MissedBarrierReports;

        public static bool InstallCards(byte* table, nuint mask)
        {
            CardTable = table;
            CardMask = mask;
            return true;
        }

        public static void ReportMissedBarrier(byte* holder, nuint offset, nuint reference) => MissedBarrierReports++;

        public static void Prefetch(void* address) { }

        public static ulong ReadTimestamp() => (ulong)Stopwatch.GetTimestamp();

        public static void Zero(void* destination, nuint count) => NativeMemory.Clear(destination, count);
    }
}
