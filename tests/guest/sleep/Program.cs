using System;
using Testbed.LibOS.Time;

// Sleeps for SleepMilliseconds, halting the CPU, and prints what the
// guest's clock measured; the host compares that with its own wall clock and CPU accounting.
static class Program
{
    const int SleepMilliseconds = 3000;

    static int Main()
    {
        ulong khz = Clock.TscKilohertz;
        Console.Write("tsc_khz ");
        Console.WriteLine(khz);
        ulong before = Clock.Nanoseconds;
        Clock.SleepMilliseconds(SleepMilliseconds);
        ulong slept = Clock.Nanoseconds - before;
        Console.Write("slept_ms ");
        Console.WriteLine(slept / 1000000UL);
        return slept >= (ulong)SleepMilliseconds * 1000000UL ? 0 : 1;
    }
}
