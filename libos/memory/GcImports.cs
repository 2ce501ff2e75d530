using System.Runtime;

namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// Everything the collector needs from outside itself, in one place. The host unit tests compile
    /// the collector with their own class of this name (tests/Testbed.Tests/Gc/HostGcImports.cs), which
    /// supplies a fake stack, fake static roots and an out-of-memory counter; the guest gets these.
    /// </summary>
    internal static unsafe class GcImports
    {
        /// <summary>Backend assembly: pushes the callee-saved registers and calls <c>tb_gc_collect</c> with the resulting rsp.</summary>
        [RuntimeImport("tb_gc_collect_with_registers")]
        public static extern void CollectWithRegisters();

        /// <summary>Compiler-emitted: <c>{ long count; void** slots[count] }</c>, every static reference slot.</summary>
        [RuntimeImport("tb_gc_static_roots")]
        public static extern long* StaticRoots();

        /// <summary>Corlib: raises OutOfMemoryException.</summary>
        [RuntimeImport("tb_raise_out_of_memory")]
        public static extern void RaiseOutOfMemory();

        public static ulong ReadTimestamp() => Cpu.ReadTimeStampCounter();

        public static void Zero(void* destination, nuint count) => System.Runtime.Memory.Set(destination, 0, count);
    }
}
