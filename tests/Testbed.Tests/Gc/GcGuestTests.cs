using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Gc;

/// <summary>
/// The collector compiled into real images, on PVH with a small machine so the heap is small:
/// 50 times the heap in short-lived objects completes in it, and exhaustion is an OutOfMemoryException.
/// (Differential programs cannot test either: CoreCLR's heap is the host's memory.)
/// </summary>
public sealed class GcGuestTests
{
    // A 24 MiB machine: the heap is what the page allocator leaves of it (docs/libos.md).
    private const string SmallMachine = "24M";

    private const string ChurnProgram = """
        using System;
        using Testbed.Runtime;
        class Node { public Node Next; public long Value; public Node(Node n, long v) { Next = n; Value = v; } }
        static class Program
        {
            static int Main()
            {
                long capacity = GcStatistics.HeapCapacity;
                long checksum = 0;
                Node keep = null;
                for (int i = 0; i < 1000; i++)
                    keep = new Node(keep, i);
                while (GcStatistics.AllocatedBytes < 50 * capacity)
                {
                    Node list = null;
                    for (int i = 0; i < 1000; i++)
                        list = new Node(list, i);
                    var bytes = new byte[20000];
                    bytes[19999] = 1;
                    checksum += list.Value + bytes[19999];
                }
                long kept = 0;
                for (Node n = keep; n != null; n = n.Next)
                    kept += n.Value;
                Console.WriteLine("capacity " + (capacity < (24L << 20)) + " heap " + (GcStatistics.HeapBytes <= capacity));
                Console.WriteLine("collections " + (GcStatistics.Collections > 50) + " kept " + kept + " checksum " + (checksum > 0));
                return 0;
            }
        }
        """;

    // Fills the heap with live nodes; CATCH decides whether Main catches the exception.
    private const string ExhaustionProgram = """
        using System;
        class Node { public Node Next; public byte[] Data; }
        static class Program
        {
            static Node s_all;
            static void Fill()
            {
                for (int i = 0; ; i++)
                    s_all = new Node { Next = s_all, Data = new byte[i % 3 == 0 ? 100000 : 500] };
            }
            static int Main()
            {
                if (!CATCH)
                    Fill();
                try
                {
                    Fill();
                }
                catch (OutOfMemoryException e)
                {
                    int count = 0;
                    for (Node n = s_all; n != null; n = n.Next)
                        count++;
                    s_all = null;
                    Console.WriteLine("caught: " + e.Message + " after " + (count > 100) + " nodes");
                }
                var again = new byte[1 << 20];
                Console.WriteLine("allocates again: " + again.Length);
                return 3;
            }
        }
        """;

    [Fact]
    public void FiftyTimesTheHeapInShortLivedObjectsCompletesInAFixedHeap()
    {
        var program = CliProcess.WriteProgram("gc_churn_small_heap", ChurnProgram);
        var result = CliProcess.Run(new[] { "run", program, "--target", "pvh", "--mem", SmallMachine });
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("capacity True heap True\ncollections True kept 499500 checksum True\n", result.Stdout);
    }

    [Fact]
    public void ExhaustionRaisesACatchableOutOfMemoryException()
    {
        var program = CliProcess.WriteProgram("gc_exhaustion_caught", ExhaustionProgram.Replace("CATCH", "true"));
        var result = CliProcess.Run(new[] { "run", program, "--target", "pvh", "--mem", SmallMachine });
        Assert.Equal("caught: Insufficient memory to continue the execution of the program. after True nodes\n"
            + "allocates again: 1048576\n", result.Stdout);
        Assert.True(result.ExitCode == 3, result.Stderr);
    }

    [Fact]
    public void AnUncaughtOutOfMemoryExceptionIsReportedLikeCoreClr()
    {
        var program = CliProcess.WriteProgram("gc_exhaustion_uncaught", ExhaustionProgram.Replace("CATCH", "false"));
        var result = CliProcess.Run(new[] { "run", program, "--target", "pvh", "--mem", SmallMachine });
        Assert.Equal("", result.Stdout);
        Assert.Contains("Unhandled exception. System.OutOfMemoryException: Insufficient memory to continue the execution of the program.",
            result.Stderr.Split('\n'));
        Assert.Equal(134, result.ExitCode);
    }

    [Fact]
    public void SuspendedGreenThreadsKeepWhatTheirStacksReference()
    {
        var outcome = Testbed.Tests.Platform.GuestProgram.Run("gcthreads");
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        Assert.Equal("correct 50 of 50\ncollected True\n", outcome.Stdout);
    }
}
