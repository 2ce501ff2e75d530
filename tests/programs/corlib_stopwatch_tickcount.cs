// Environment.TickCount64/TickCount and Stopwatch on the monotonic clock. The values themselves differ
// from run to run, so only facts about them are printed: monotonicity, and that a 50 ms sleep is
// measured as at least 50 ms and well under 5 s by every API. Plus TimeSpan arithmetic and formatting.
using System;
using System.Diagnostics;
using System.Threading;

public static class Program
{
    public static int Main()
    {
        Console.WriteLine("frequency " + Stopwatch.Frequency);
        Console.WriteLine("high resolution " + Stopwatch.IsHighResolution);

        long tick0 = Environment.TickCount64;
        int tick32 = Environment.TickCount;
        long stamp0 = Stopwatch.GetTimestamp();
        bool monotonic = true;
        long last = stamp0;
        for (int i = 0; i < 1000; i++)
        {
            long now = Stopwatch.GetTimestamp();
            if (now < last)
                monotonic = false;
            last = now;
        }
        Console.WriteLine("timestamps monotonic " + monotonic);
        Console.WriteLine("tickcount non-negative " + (tick0 >= 0));
        Console.WriteLine("tickcount32 is low bits " + (tick32 == (int)tick0 || tick32 - (int)tick0 < 1000));

        Stopwatch fresh = new Stopwatch();
        Console.WriteLine("new: running " + fresh.IsRunning + ", ticks " + fresh.ElapsedTicks + ", ms " + fresh.ElapsedMilliseconds + ", " + fresh.Elapsed);

        Stopwatch watch = Stopwatch.StartNew();
        Console.WriteLine("started: running " + watch.IsRunning);
        Thread.Sleep(50);
        long ms = watch.ElapsedMilliseconds;
        long tick1 = Environment.TickCount64;
        long stamp1 = Stopwatch.GetTimestamp();
        Console.WriteLine("stopwatch ms in [50, 5000) " + (ms >= 50 && ms < 5000));
        Console.WriteLine("elapsed ticks >= 50 ms " + (watch.ElapsedTicks >= Stopwatch.Frequency / 20));
        Console.WriteLine("elapsed timespan in range " + (watch.Elapsed.TotalMilliseconds >= 50 && watch.Elapsed < TimeSpan.FromSeconds(5)));
        // CoreCLR reads TickCount64 from CLOCK_MONOTONIC_COARSE on Linux (the kernel's tick, up to 10 ms
        // at HZ=100), so a 50 ms sleep may be seen as a little less.
        Console.WriteLine("tickcount64 delta in [35, 5000) " + (tick1 - tick0 >= 35 && tick1 - tick0 < 5000));
        long stampMs = (stamp1 - stamp0) * 1000 / Stopwatch.Frequency;
        Console.WriteLine("timestamp delta in [50, 5000) " + (stampMs >= 50 && stampMs < 5000));
        TimeSpan between = Stopwatch.GetElapsedTime(stamp0, stamp1);
        Console.WriteLine("GetElapsedTime in range " + (between.TotalMilliseconds >= 50 && between.TotalSeconds < 5));

        watch.Stop();
        long stopped = watch.ElapsedTicks;
        Thread.Sleep(20);
        Console.WriteLine("stopped: running " + watch.IsRunning + ", frozen " + (watch.ElapsedTicks == stopped));
        watch.Start();
        Thread.Sleep(20);
        Console.WriteLine("resumed: accumulates " + (watch.ElapsedTicks > stopped) + ", ms >= 70 " + (watch.ElapsedMilliseconds >= 70));
        watch.Restart();
        Console.WriteLine("restarted: running " + watch.IsRunning + ", below 50 ms " + (watch.ElapsedMilliseconds < 50));
        watch.Reset();
        Console.WriteLine("reset: running " + watch.IsRunning + ", ticks " + watch.ElapsedTicks + ", ms " + watch.ElapsedMilliseconds);

        TimeSpan a = new TimeSpan(1, 2, 3, 4, 5);
        TimeSpan b = TimeSpan.FromMilliseconds(1500);
        Console.WriteLine(a + " " + b + " " + (a - b) + " " + (-b) + " " + TimeSpan.Zero + " " + TimeSpan.FromTicks(1));
        Console.WriteLine(a.Days + " " + a.Hours + " " + a.Minutes + " " + a.Seconds + " " + a.Milliseconds + " " + a.Ticks);
        Console.WriteLine(b.TotalSeconds + " " + b.TotalMilliseconds + " " + TimeSpan.FromMinutes(90).TotalHours);
        Console.WriteLine((a > b) + " " + (b == TimeSpan.FromSeconds(1.5)) + " " + a.CompareTo(b) + " " + b.Equals(a));
        return 0;
    }
}
