using System;
using Testbed.LibOS.Time;

// Measures what reading the clock (precise and coarse) costs, then sleeps for SleepMilliseconds, blocking the CPU (PVH
// halts, Linux blocks the process), and prints what the guest's clock measured; the host compares
// that with its own wall clock and CPU accounting. Builds for both targets.
static class Program
{
    const int SleepMilliseconds = 3000;
    const int Reads = 1000000;

    static int Main()
    {
        ulong khz = Clock.TscKilohertz;
        Console.Write("tsc_khz ");
        Console.WriteLine(khz);

        ulong sink = 0;
        ulong start = Clock.Nanoseconds;
        for (int i = 0; i < Reads; i++)
            sink += Clock.Ticks;
        ulong tenths = (Clock.Nanoseconds - start) * 10UL / Reads;
        Console.Write("ticks_read_ns ");
        Console.Write(tenths / 10);
        Console.Write(".");
        Console.WriteLine(tenths % 10);
        if (sink == 0)
            return 2;

        // The coarse clock: what a read costs, and that it is never ahead of the precise one.
        start = Clock.Nanoseconds;
        for (int i = 0; i < Reads; i++)
            sink += Clock.CoarseTicks;
        tenths = (Clock.Nanoseconds - start) * 10UL / Reads;
        Console.Write("coarse_read_ns ");
        Console.Write(tenths / 10);
        Console.Write(".");
        Console.WriteLine(tenths % 10);
        Console.Write("coarse_resolution_ns ");
        Console.WriteLine(Clock.ToNanoseconds(Clock.CoarseResolutionTicks));
        ulong ahead = 0, maxLag = 0;
        for (int i = 0; i < Reads / 10; i++)
        {
            ulong preciseBefore = Clock.Ticks;
            ulong coarse = Clock.CoarseTicks;
            ulong preciseAfter = Clock.Ticks;
            if (coarse > preciseAfter)
                ahead++;
            else if (preciseBefore > coarse && preciseBefore - coarse > maxLag)
                maxLag = preciseBefore - coarse;
        }
        Console.Write("coarse_ahead ");
        Console.WriteLine(ahead);
        Console.Write("coarse_max_lag_ns ");
        Console.WriteLine(Clock.ToNanoseconds(maxLag));

        ulong before = Clock.Nanoseconds;
        Clock.SleepMilliseconds(SleepMilliseconds);
        ulong slept = Clock.Nanoseconds - before;
        Console.Write("slept_ms ");
        Console.WriteLine(slept / 1000000UL);
        return slept >= (ulong)SleepMilliseconds * 1000000UL ? 0 : 1;
    }
}
