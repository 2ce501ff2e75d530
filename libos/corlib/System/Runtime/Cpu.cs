using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>
    /// Machine instructions C# cannot express. Each call becomes the instruction itself (see the
    /// runtime contract); none of these has a body.
    /// </summary>
    public static class Cpu
    {
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutByte(ushort port, byte value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern byte InByte(ushort port);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutWord(ushort port, ushort value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ushort InWord(ushort port);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void OutDword(ushort port, uint value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern uint InDword(ushort port);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadTimeStampCounter();

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Halt();

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Pause();

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DisableInterrupts();

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void EnableInterrupts();

        /// <summary><c>lidt</c>: loads the interrupt descriptor table register from a 10-byte (limit, base) descriptor.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe void LoadIdt(void* descriptor);

        /// <summary>CR2: the linear address whose access caused the last page fault.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr2();

        /// <summary>CR3: the physical address of the top-level page table (PML4).</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadCr3();

        /// <summary>Loads CR3, which also flushes the non-global TLB entries.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteCr3(ulong value);

        /// <summary><c>rdmsr</c>: the model-specific register <paramref name="msr"/>.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ulong ReadMsr(uint msr);

        /// <summary><c>wrmsr</c>.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteMsr(uint msr, ulong value);

        /// <summary><c>cpuid</c> with eax = <paramref name="leaf"/>, ecx = <paramref name="subleaf"/>; writes eax, ebx, ecx, edx to <paramref name="registers"/>[0..3].</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe void Cpuid(uint leaf, uint subleaf, uint* registers);

        /// <summary><c>mfence</c>, also a compiler barrier: no memory access moves across it (device rings, MMIO).</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void MemoryFence();

        /// <summary><c>prefetcht0</c>: a hint that the cache line at <paramref name="address"/> is read soon; never faults.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe void Prefetch(void* address);

        /// <summary><c>sti; hlt; cli</c> as one unit: sleeps until an interrupt, which is handled before it returns with interrupts off again.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WaitForInterrupt();

        /// <summary>One 8-bit load from a device register: never merged, narrowed, widened or reordered with other memory accesses.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe byte ReadMmio8(void* address);

        /// <summary>One 16-bit load from a device register.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe ushort ReadMmio16(void* address);

        /// <summary>One 32-bit load from a device register.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe uint ReadMmio32(void* address);

        /// <summary>One 8-bit store to a device register.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe void WriteMmio8(void* address, byte value);

        /// <summary>One 16-bit store to a device register.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe void WriteMmio16(void* address, ushort value);

        /// <summary>One 32-bit store to a device register.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern unsafe void WriteMmio32(void* address, uint value);

        /// <summary>The Linux <c>syscall</c> instruction (linux target only): returns rax, a negative errno on failure.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern long Syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);
    }
}
