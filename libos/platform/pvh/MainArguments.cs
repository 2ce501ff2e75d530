using System.Runtime;
using System.Runtime.CompilerServices;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The arguments of <c>Main(string[] args)</c> on PVH: the runner writes each argument as one word
    /// <c>TESTBED_ARG=VALUE</c> of the kernel command line, in order, VALUE being the argument's UTF-8
    /// bytes with every byte outside <c>A-Z a-z 0-9 - . _ ~</c> written as <c>%XX</c> (two upper-case
    /// hex digits). So no word contains a space, an empty argument is <c>TESTBED_ARG=</c>, and other
    /// words (network settings, QEMU's virtio_mmio.device= entries) may come before, between or after
    /// (docs/libos.md, "Program arguments").
    /// </summary>
    internal static unsafe class MainArguments
    {
        private const string Key = "TESTBED_ARG=";

        [RuntimeExport("tb_platform_arguments", WhenImported = true)]
        private static string[] Get()
        {
            byte* text = BootInfo.CommandLine;
            int length = BootInfo.CommandLineLength;
            int count = 0;
            ForEachArgument(text, length, null, ref count);
            var result = new string[count];
            count = 0;
            ForEachArgument(text, length, result, ref count);
            return result;
        }

        /// <summary>Counts the argument words, and decodes them into <paramref name="into"/> when it is not null.</summary>
        private static void ForEachArgument(byte* text, int length, string[] into, ref int count)
        {
            int i = 0;
            while (i < length)
            {
                while (i < length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
                    i++;
                int start = i;
                while (i < length && text[i] != ' ' && text[i] != '\t' && text[i] != '\n')
                    i++;
                if (!StartsWithKey(text + start, i - start))
                    continue;
                if (into != null)
                    into[count] = Decode(text + start + Key.Length, i - start - Key.Length);
                count++;
            }
        }

        private static bool StartsWithKey(byte* word, int length)
        {
            if (length < Key.Length)
                return false;
            for (int k = 0; k < Key.Length; k++)
                if (word[k] != Key[k])
                    return false;
            return true;
        }

        /// <summary>Percent-decodes into a stack buffer (the command line stays as it is for its other readers), then UTF-8.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string Decode(byte* value, int length)
        {
            byte* bytes = stackalloc byte[length + 1];
            int n = 0;
            for (int k = 0; k < length; k++)
            {
                int high, low;
                if (value[k] == '%' && k + 2 < length
                    && (high = Hex(value[k + 1])) >= 0 && (low = Hex(value[k + 2])) >= 0)
                {
                    bytes[n++] = (byte)(high * 16 + low);
                    k += 2;
                }
                else
                    bytes[n++] = value[k];
            }
            return Utf8Text.Decode(bytes, n);
        }

        private static int Hex(byte c)
        {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            return -1;
        }
    }
}
