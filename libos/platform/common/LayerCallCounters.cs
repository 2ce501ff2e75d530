using System.Runtime;

namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// The run-time half of the count-layer-calls pass (passes/Transforms/CountLayerCalls.cs). The pass
    /// increments one counter per pair of layers before every call that crosses layers, and calls
    /// <see cref="Start"/> first thing in the entry point with the counters and their names; at exit
    /// (and on SIGINT/SIGTERM where StopSignals reports) each counter that moved is printed on standard
    /// error, most first: <c>testbed layer calls: app -> corlib 1001</c>. Compiled only into images
    /// built with the pass, which asks the frontend for <c>tb_layer_calls_start</c>; nothing else
    /// refers to this class.
    /// </summary>
    internal static unsafe class LayerCallCounters
    {
        private const string Prefix = "testbed layer calls: ";
        private const int LineBytes = 160;
        // The longest count, a space and the newline.
        private const int NumberRoom = 21;

        private static long* s_counters;
        private static int s_count;
        private static string s_names;

        /// <param name="counters">One counter per pair, incremented by the instrumented code.</param>
        /// <param name="names">The pairs in counter order, "caller -&gt; callee\n" each.</param>
        [RuntimeExport("tb_layer_calls_start", WhenImported = true)]
        private static void Start(long* counters, int count, string names)
        {
            s_counters = counters;
            s_count = count;
            s_names = names;
            ProcessExit.AddReport(&Report);
        }

        private static void Report()
        {
            int count = s_count;
            // A copy before anything else: the calls the report makes itself are not the program's.
            long* counts = stackalloc long[count];
            for (int k = 0; k < count; k++)
                counts[k] = s_counters[k];

            // Most first; insertion sort is stable, so equal counts keep the pass's alphabetical order.
            int* order = stackalloc int[count];
            for (int k = 0; k < count; k++)
            {
                int j = k;
                while (j > 0 && counts[order[j - 1]] < counts[k])
                {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = k;
            }

            // Where each name starts; the next one starts after its newline.
            string names = s_names;
            int* starts = stackalloc int[count + 1];
            int pair = 0;
            starts[0] = 0;
            for (int i = 0; i < names.Length && pair < count; i++)
                if (names[i] == '\n')
                    starts[++pair] = i + 1;

            byte* line = stackalloc byte[LineBytes];
            for (int r = 0; r < count; r++)
            {
                int k = order[r];
                if (counts[k] == 0)
                    break;
                int length = Append(line, 0, Prefix, 0, Prefix.Length);
                length = Append(line, length, names, starts[k], starts[k + 1] - 1);
                line[length++] = (byte)' ';
                length = AppendDecimal(line, length, counts[k]);
                line[length++] = (byte)'\n';
                PlatformWrite(2, line, length);
            }
        }

        /// <summary>text[from..to) as ASCII, cut where the count would no longer fit.</summary>
        private static int Append(byte* line, int length, string text, int from, int to)
        {
            for (int i = from; i < to && length < LineBytes - NumberRoom; i++)
                line[length++] = (byte)text[i];
            return length;
        }

        private static int AppendDecimal(byte* line, int length, long value)
        {
            byte* digits = stackalloc byte[20];
            int count = 0;
            do
            {
                digits[count++] = (byte)('0' + value % 10);
                value /= 10;
            }
            while (value != 0);
            while (count > 0)
                line[length++] = digits[--count];
            return length;
        }

        [RuntimeImport("tb_platform_write")]
        private static extern void PlatformWrite(int fd, byte* buffer, int length);
    }
}
