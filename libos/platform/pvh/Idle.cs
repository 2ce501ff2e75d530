using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// What the CPU does when nothing is runnable: it halts until the next interrupt, with the APIC
    /// timer armed for the earliest deadline, instead of spinning. There is no periodic tick, except
    /// while profiling (<see cref="PvhProfiler"/>), when the profiler's tick ends every wait.
    /// </summary>
    public static class Idle
    {
        /// <summary>Halts until an interrupt arrives or the TSC reaches <paramref name="deadlineTsc"/>
        /// (ulong.MaxValue: no deadline), whichever is first. Returns at once if the deadline has passed.</summary>
        public static void WaitUntil(ulong deadlineTsc)
        {
            ulong now = Cpu.ReadTimeStampCounter();
            if (now >= deadlineTsc)
                return;
            ulong tscKhz = TscCalibration.TscKilohertz;
            ulong apicKhz = TscCalibration.ApicKilohertz;
            if (!Lapic.IsPresent || apicKhz == 0 || tscKhz == 0)
            {
                // No timer to wake us: poll (only on machines without a local APIC).
                Cpu.Pause();
                return;
            }
            // While profiling the timer ticks periodically (PvhProfiler): the next tick ends the wait.
            if (deadlineTsc != ulong.MaxValue && !PvhProfiler.IsOn)
            {
                ulong cycles = deadlineTsc - now;
                // cycles * apic / tsc without overflowing for long waits.
                ulong ticks = cycles / tscKhz * apicKhz + cycles % tscKhz * apicKhz / tscKhz;
                if (ticks == 0)
                    ticks = 1;
                // Longer waits take more than one timer round; the caller loops.
                Lapic.ArmOneShot(ticks > 0xFFFFFFFF ? 0xFFFFFFFF : (uint)ticks);
            }
            PvhProfiler.OpenWindow();
            Cpu.WaitForInterrupt();
            PvhProfiler.CloseWindow();
            if (!PvhProfiler.IsOn)
                Lapic.ArmOneShot(0);
            Interrupts.TakePending(Lapic.TimerVector);
        }
    }
}
