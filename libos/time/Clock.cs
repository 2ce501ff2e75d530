using System.Runtime;
using Testbed.LibOS.Platform.Pvh;

namespace Testbed.LibOS.Time
{
    /// <summary>
    /// The monotonic clock: the TSC, whose rate the platform measured at boot (kvmclock under KVM, the
    /// PIT otherwise). Time zero is the first instruction of the boot trampoline.
    /// </summary>
    public static class Clock
    {
        private static ulong s_bootTsc;

        internal static void Initialize(ulong bootTsc) => s_bootTsc = bootTsc;

        /// <summary>TSC ticks per millisecond.</summary>
        public static ulong TscKilohertz => TscCalibration.TscKilohertz;

        /// <summary>The raw TSC: cheap, for measuring short intervals (see <see cref="ToNanoseconds"/>).</summary>
        public static ulong Ticks => Cpu.ReadTimeStampCounter();

        /// <summary>Nanoseconds since boot.</summary>
        public static ulong Nanoseconds => ToNanoseconds(Cpu.ReadTimeStampCounter() - s_bootTsc);

        public static ulong Milliseconds => Nanoseconds / 1000000UL;

        /// <summary>TSC ticks to nanoseconds, without overflow for any uptime.</summary>
        public static ulong ToNanoseconds(ulong ticks)
        {
            ulong khz = TscCalibration.TscKilohertz;
            return ticks / khz * 1000000UL + ticks % khz * 1000000UL / khz;
        }

        /// <summary>Nanoseconds to TSC ticks.</summary>
        public static ulong FromNanoseconds(ulong nanoseconds)
        {
            ulong khz = TscCalibration.TscKilohertz;
            return nanoseconds / 1000000UL * khz + nanoseconds % 1000000UL * khz / 1000000UL;
        }

        /// <summary>The TSC value <paramref name="nanoseconds"/> from now: a deadline for <see cref="SleepUntil"/>.</summary>
        public static ulong DeadlineIn(ulong nanoseconds) => Cpu.ReadTimeStampCounter() + FromNanoseconds(nanoseconds);

        /// <summary>Halts the CPU (no spinning) until the TSC reaches <paramref name="deadlineTicks"/>.</summary>
        public static void SleepUntil(ulong deadlineTicks)
        {
            while (Cpu.ReadTimeStampCounter() < deadlineTicks)
                Idle.WaitUntil(deadlineTicks);
        }

        public static void Sleep(ulong nanoseconds) => SleepUntil(DeadlineIn(nanoseconds));

        public static void SleepMilliseconds(int milliseconds) => Sleep((ulong)milliseconds * 1000000UL);
    }
}
