// DateTimeOffset.UtcNow as Unix time: the value changes from run to run, so the program prints facts
// about it: that it lies between 2025-01-01 and 2100-01-01, that seconds and milliseconds agree, and
// that a later reading is not earlier.
using System;
using System.Threading;

public static class Program
{
    private const long Start2025 = 1735689600L;  // 2025-01-01T00:00:00Z
    private const long Start2100 = 4102444800L;  // 2100-01-01T00:00:00Z

    public static int Main()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long seconds = now.ToUnixTimeSeconds();
        long milliseconds = now.ToUnixTimeMilliseconds();
        Console.WriteLine("seconds after 2025-01-01 " + (seconds > Start2025));
        Console.WriteLine("seconds before 2100-01-01 " + (seconds < Start2100));
        Console.WriteLine("milliseconds in range " + (milliseconds > Start2025 * 1000 && milliseconds < Start2100 * 1000));
        Console.WriteLine("seconds == milliseconds / 1000 " + (seconds == milliseconds / 1000));
        Thread.Sleep(20);
        long later = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Console.WriteLine("later reading advanced by [10, 5000) ms " + (later - milliseconds >= 10 && later - milliseconds < 5000));
        return 0;
    }
}
