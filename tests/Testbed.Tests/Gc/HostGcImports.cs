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

        public static ulong ReadTimestamp() => (ulong)Stopwatch.GetTimestamp();

        public static void Zero(void* destination, nuint count) => NativeMemory.Clear(destination, count);
    }
}
