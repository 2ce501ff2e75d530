using System.Runtime;
using Testbed.LibOS.Platform.Pvh;
using Testbed.LibOS.Threading;

// The platform seam of libos/threading and libos/time, PVH side. libos/platform/linux/PlatformSeam.cs
// defines the same classes, with the same members, in the same namespace: each platform assembly
// compiles exactly one of the two, so the shared code calls them directly (no interface, no virtual
// call), and whole-program optimisation sees through them. Layer: libos.platform.
namespace Testbed.LibOS.Platform
{
    /// <summary>Thread stacks: physical pages, identity-mapped, with an unmapped guard page below.</summary>
    internal static class ThreadStacks
    {
        public const ulong PageSize = PhysicalPages.PageSize;

        /// <summary>16 KiB: PVH's stacks are physical memory, committed whole.</summary>
        public const int DefaultPages = 4;

        /// <summary>A stack of <paramref name="bytes"/> (a multiple of <see cref="PageSize"/>) above a guard page; returns the guard page's address, 0 when pages ran out.</summary>
        public static ulong Allocate(ulong bytes)
        {
            ulong memory = PhysicalPages.Allocate(bytes / PageSize + 1);
            if (memory == 0)
                return 0;
            PageTables.MakeGuardPage(memory);
            return memory;
        }

        public static void Free(ulong memory, ulong bytes)
        {
            PageTables.MakeDataPage(memory);
            PhysicalPages.Free(memory, bytes / PageSize + 1);
        }
    }

    /// <summary>The clock's source: the TSC.</summary>
    internal static class PlatformClock
    {
        /// <summary>The TSC at the boot trampoline's first instruction (PvhStart records it).</summary>
        public static ulong ZeroTicks;

        public static ulong Ticks => Cpu.ReadTimeStampCounter();

        /// <summary>The TSC is as cheap as any coarser clock could be.</summary>
        public static ulong CoarseTicks => Cpu.ReadTimeStampCounter();

        public static ulong CoarseResolutionTicks => 0;

        public static ulong Kilohertz => TscCalibration.TscKilohertz;
    }

    /// <summary>Waiting for time and devices: halts with the APIC timer armed; a device's interrupt vector is an event source.</summary>
    internal static unsafe class EventLoop
    {
        /// <summary>Halts the CPU until an interrupt or the deadline; no thread is woken.</summary>
        public static void Halt(ulong deadlineTicks) => Idle.WaitUntil(deadlineTicks);

        /// <summary>Nothing is runnable: halt until an interrupt or the deadline, then wake the threads waiting on the vectors that fired.</summary>
        public static void Wait(ulong deadlineTicks)
        {
            Idle.WaitUntil(deadlineTicks);
            Deliver();
        }

        /// <summary>At every yield: an interrupt window (interrupts are off while threads run), then the same delivery.</summary>
        public static void Poll()
        {
            PvhProfiler.OpenWindow();
            Cpu.EnableInterrupts();
            Cpu.Pause();
            Cpu.DisableInterrupts();
            PvhProfiler.CloseWindow();
            Deliver();
        }

        private static void Deliver()
        {
            GreenThread thread = Scheduler.EventWaiters;
            if (thread == null)
                return;
            // Several threads may wait on one vector: a vector taken for the first wakes the others too.
            ulong* taken = stackalloc ulong[4];
            for (int i = 0; i < 4; i++)
                taken[i] = 0;
            while (thread != null)
            {
                GreenThread next = thread.NextWaiter;
                int vector = thread.EventSource;
                ulong bit = 1UL << (vector & 63);
                if ((taken[vector >> 6] & bit) != 0 || Interrupts.TakePending(vector))
                {
                    taken[vector >> 6] |= bit;
                    Scheduler.SignalEvent(thread, 1);
                }
                thread = next;
            }
        }
    }
}
