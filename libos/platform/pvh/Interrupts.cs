using System.Runtime;
using System.Runtime.InteropServices;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The interrupt descriptor table: gates for all 256 vectors, pointing at the entry stubs of the
    /// trampoline (backend/Targets/PvhInterrupts.cs). The 32 CPU exceptions go to
    /// <see cref="CpuExceptions"/>; without them any exception would be a triple fault, a machine reset
    /// with nothing reported. Vectors 32–255 (timer, devices) come to <see cref="OnInterrupt"/>.
    /// </summary>
    /// <remarks>
    /// Interrupts are enabled only inside <see cref="Cpu.WaitForInterrupt"/>, i.e. while the CPU is idle:
    /// a handler never interrupts C# code half-way through updating a structure, so drivers and the
    /// scheduler need no locks. A handler only records its vector as pending and acknowledges it; the
    /// code that was waiting looks at the pending set when the wait returns. The one exception is the
    /// profiler's timer (<see cref="PvhProfiler"/>): while profiling, it interrupts running code, and
    /// its handler touches nothing but the sample buffer.
    /// </remarks>
    public static unsafe class Interrupts
    {
        private const int GateCount = 256;
        // The trampoline's GDT: 0x08 is the 64-bit ring-0 code segment.
        private const ulong KernelCodeSelector = 0x08;
        // Present, DPL 0, type 0xE (64-bit interrupt gate: interrupts stay off in the handler).
        private const ulong InterruptGateAttributes = 0x8E;
        private const ulong FaultStackIst = 1;

        // The table lives in the image's zeroed data, not on the heap: it is needed before the heap
        // exists, and a heap allocation here would put the heap's first zeroing on the boot path.
        private static IdtStorage s_idt;
        private static PendingSet s_pending;
        private static AckTable s_ack;
        private static int s_nextVector = FirstDeviceVector;
        private const int FirstDeviceVector = 33;
        private static ulong s_count;

        /// <summary>Interrupts taken since boot (timer and devices; not exceptions).</summary>
        public static ulong Count => s_count;

        /// <summary>Fills the exception gates and loads the IDT; unused vectors stay zero, i.e. not present.</summary>
        internal static void Install()
        {
            fixed (IdtStorage* storage = &s_idt)
                Install(storage->Gates);
        }

        private static void Install(ulong* idt)
        {
            ulong* stubs = StubTable();
            for (int vector = 0; vector < GateCount; vector++)
            {
                ulong handler = stubs[vector];
                idt[2 * vector] = (handler & 0xFFFF)
                    | (KernelCodeSelector << 16)
                    | (UsesFaultStack(vector) ? FaultStackIst << 32 : 0)
                    | (InterruptGateAttributes << 40)
                    | ((handler & 0xFFFF0000) << 32);
                idt[2 * vector + 1] = handler >> 32;
            }

            IdtDescriptor descriptor;
            descriptor.Limit = GateCount * 16 - 1;
            descriptor.Base = (ulong)idt;
            Cpu.LoadIdt(&descriptor);
        }

        /// <summary>
        /// Exceptions that may find their own stack unusable: a page fault on a stack's guard page (the
        /// CPU could not push the frame there), and the double fault that would follow. These switch to
        /// the trampoline's fault stack through the TSS's IST1.
        /// </summary>
        private static bool UsesFaultStack(int vector) =>
            vector == 2 || vector == 8 || vector == 12 || vector == 13 || vector == 14 || vector == 18;

        /// <summary>Called by the entry stubs for vectors 32–255, with the SSE state saved; returns to the interrupted code.</summary>
        [RuntimeExport("tb_interrupt")]
        public static void OnInterrupt(ExceptionFrame* frame)
        {
            int vector = (int)frame->Vector;
            if (vector == PvhProfiler.Vector)
            {
                PvhProfiler.OnTick(frame);
                return;
            }
            s_count++;
            // The APIC's spurious vector and the remapped legacy PIC's (masked) lines need no EOI.
            if (vector == Lapic.SpuriousVector || (vector >= LegacyPic.FirstVector && vector < LegacyPic.FirstVector + 16))
                return;
            fixed (AckTable* ack = &s_ack)
            {
                // A virtio-mmio device holds its line up until its interrupt status is acknowledged.
                byte* device = (byte*)ack->Addresses[vector];
                if (device != null)
                {
                    Cpu.WriteMmio32(device + 0x64, Cpu.ReadMmio32(device + 0x60));
                }
            }
            fixed (PendingSet* pending = &s_pending)
                pending->Bits[vector >> 6] |= 1UL << (vector & 63);
            Lapic.EndOfInterrupt();
        }

        /// <summary>A free vector for a device (33 up to the remapped legacy PIC's 0x70); 0 when none is left.</summary>
        public static int AllocateVector()
        {
            if (s_nextVector >= LegacyPic.FirstVector)
                return 0;
            return s_nextVector++;
        }

        /// <summary>On <paramref name="vector"/>, acknowledge the virtio-mmio device at <paramref name="mmioBase"/> in the handler.</summary>
        public static void AcknowledgeOnInterrupt(int vector, ulong mmioBase)
        {
            fixed (AckTable* ack = &s_ack)
                ack->Addresses[vector] = mmioBase;
        }

        /// <summary>True, and clears it, when <paramref name="vector"/> was raised since the last call.</summary>
        public static bool TakePending(int vector)
        {
            fixed (PendingSet* pending = &s_pending)
            {
                ulong bit = 1UL << (vector & 63);
                if ((pending->Bits[vector >> 6] & bit) == 0)
                    return false;
                pending->Bits[vector >> 6] &= ~bit;
                return true;
            }
        }

        /// <summary>The addresses of the 256 entry stubs, in vector order (defined in the trampoline's asm).</summary>
        [RuntimeImport("tb_interrupt_stub_table")]
        private static extern ulong* StubTable();

        private struct AckTable
        {
            public fixed ulong Addresses[GateCount];
        }

        private struct PendingSet
        {
            public fixed ulong Bits[4];
        }

        /// <summary>256 gates of 16 bytes.</summary>
        private struct IdtStorage
        {
            public fixed ulong Gates[GateCount * 2];
        }

        /// <summary>What <c>lidt</c> reads: a 16-bit limit, then the 64-bit base, unaligned.</summary>
        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        private struct IdtDescriptor
        {
            public ushort Limit;
            public ulong Base;
        }
    }

    /// <summary>
    /// The stack frame the common entry stub builds, lowest address first: the general-purpose
    /// registers it pushed, the vector and error code (a dummy 0 when the CPU pushes none), then the
    /// CPU's interrupt frame.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ExceptionFrame
    {
        public ulong R15, R14, R13, R12, R11, R10, R9, R8;
        public ulong Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector, ErrorCode;
        public ulong Rip, Cs, Rflags, Rsp, Ss;
    }
}
