using System;
using System.Text;

/// <summary>
/// Writes 30,000 numbered lines of 50 bytes (1,500,000 bytes, more than the runner's 1 MiB pipe holds) to standard output, each with a checksum of
/// its number, so that a reader can tell a lost, doubled or damaged byte anywhere; then "done".
/// The console stress test runs several of these at once behind readers that stall.
/// </summary>
internal static class Program
{
    private static int Main()
    {
        var line = new StringBuilder(64);
        for (int i = 0; i < 30000; i++)
        {
            line.Clear();
            line.Append("line ").Append(i.ToString("D6")).Append(' ');
            uint check = (uint)i * 2654435761u;
            line.Append(check.ToString("x8")).Append(" padding-to-fifty-bytes.");
            while (line.Length < 49)
                line.Append('.');
            Console.WriteLine(line.ToString());
        }
        Console.WriteLine("done");
        return 0;
    }
}
