using System;
using System.Runtime.CompilerServices;

// Try blocks on the hot path, none of which ever catches: a parser-like loop whose per-item work is
// wrapped in try/catch (typed, and with a filter that reads a local), as request handlers and
// retry loops are. What the first pass's handler records cost is linking and unlinking one per
// entry; --ablate-handler-records drops that, for measuring. Prints a checksum so that the two
// builds can be checked to agree.
static class Program
{
    static readonly int[] Data = new int[4096];

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Parse(int i)
    {
        int value = Data[i & 4095];
        if (value < 0) throw new FormatException("negative");
        return value * 3 + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static long Handle(int i, int limit)
    {
        try
        {
            return Parse(i);
        }
        catch (FormatException e) when (i > limit)
        {
            return e.Message.Length;
        }
        catch (OverflowException)
        {
            return -1;
        }
    }

    static int Main()
    {
        for (int i = 0; i < Data.Length; i++) Data[i] = (i * 7919) % 1000;
        long sum = 0;
        for (int round = 0; round < 3000; round++)
            for (int i = 0; i < 20_000; i++)
            {
                try { sum += Handle(i, round); }
                catch (InvalidOperationException) { sum -= 7; }
            }
        Console.WriteLine(sum);
        return (int)(sum & 0x7F);
    }
}
