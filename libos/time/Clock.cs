using Testbed.LibOS.Platform;

namespace Testbed.LibOS.Time
{
    /// <summary>
    /// The monotonic clock, in the platform's ticks (<see cref="PlatformClock"/>): the TSC on PVH, whose
    /// rate the platform measured at boot (kvmclock under KVM, the PIT otherwise), and nanoseconds of
    /// CLOCK_MONOTONIC on Linux. Time zero is the first instruction of the boot trampoline on PVH and
    /// the first use of the clock on Linux.
    /// </summary>
    public static class Clock
    {
        /// <summary>Ticks per millisecond: the TSC's measured rate on PVH, 1,000,000 on Linux (ticks are nanoseconds).</summary>
        public static ulong TscKilohertz => PlatformClock.Kilohertz;

        /// <summary>The raw tick count: cheap, for measuring intervals and for deadlines (see <see cref="ToNanoseconds"/>).</summary>
        public static ulong Ticks => PlatformClock.Ticks;

        /// <summary>Nanoseconds since time zero.</summary>
        public static ulong Nanoseconds => ToNanoseconds(PlatformClock.Ticks - PlatformClock.ZeroTicks);

        public static ulong Milliseconds => Nanoseconds / 1000000UL;

        /// <summary>
        /// A cheaper reading of the same clock that lags <see cref="Ticks"/> by less than
        /// <see cref="CoarseResolutionTicks"/>: the kernel's tick-granular clock on Linux, the TSC on PVH
        /// (resolution 0). For code that reads the clock per packet or per thread switch and needs
        /// milliseconds, not nanoseconds: TCP's timers, the scheduler's test for due sleepers.
        /// </summary>
        public static ulong CoarseTicks => PlatformClock.CoarseTicks;

        public static ulong CoarseResolutionTicks => PlatformClock.CoarseResolutionTicks;

        /// <summary>Nanoseconds since time zero by <see cref="CoarseTicks"/> (0 until the clock passes time zero's tick).</summary>
        public static ulong CoarseNanoseconds
        {
            get
            {
                ulong ticks = PlatformClock.CoarseTicks;
                ulong zero = PlatformClock.ZeroTicks;
                return ticks > zero ? ToNanoseconds(ticks - zero) : 0;
            }
        }

        /// <summary>The tick count at which <see cref="Nanoseconds"/> reads <paramref name="nanoseconds"/>.</summary>
        public static ulong TicksAt(ulong nanoseconds) => PlatformClock.ZeroTicks + FromNanoseconds(nanoseconds);

        /// <summary>Ticks to nanoseconds, without overflow for any uptime.</summary>
        public static ulong ToNanoseconds(ulong ticks)
        {
            ulong khz = PlatformClock.Kilohertz;
            if (khz == 1000000UL)
                return ticks;
            return ticks / khz * 1000000UL + ticks % khz * 1000000UL / khz;
        }

        /// <summary>Nanoseconds to ticks.</summary>
        public static ulong FromNanoseconds(ulong nanoseconds)
        {
            ulong khz = PlatformClock.Kilohertz;
            if (khz == 1000000UL)
                return nanoseconds;
            return nanoseconds / 1000000UL * khz + nanoseconds % 1000000UL * khz / 1000000UL;
        }

        /// <summary>The tick count <paramref name="nanoseconds"/> from now (saturating): a deadline for <see cref="SleepUntil"/> and timed waits.</summary>
        public static ulong DeadlineIn(ulong nanoseconds)
        {
            ulong now = PlatformClock.Ticks;
            ulong ticks = FromNanoseconds(nanoseconds);
            return ticks >= ulong.MaxValue - now ? ulong.MaxValue - 1 : now + ticks;
        }

        /// <summary>Blocks the whole CPU (every thread; PVH halts, Linux blocks the process) until the clock reaches <paramref name="deadlineTicks"/>.</summary>
        public static void SleepUntil(ulong deadlineTicks)
        {
            while (PlatformClock.Ticks < deadlineTicks)
                EventLoop.Halt(deadlineTicks);
        }

        public static void Sleep(ulong nanoseconds) => SleepUntil(DeadlineIn(nanoseconds));

        public static void SleepMilliseconds(int milliseconds) => Sleep((ulong)milliseconds * 1000000UL);
    }
}
