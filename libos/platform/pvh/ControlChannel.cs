using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// Lines "key=value" to the host (docs/runtime-contract.md, "PVH control channel") through QEMU's
    /// isa-debugcon at port 0xE9: one <c>out</c> per byte, no device to set up, and separate from
    /// the program's output on COM1.
    /// </summary>
    public static unsafe class ControlChannel
    {
        private const ushort Port = 0xE9;

        public static void WriteLine(string key, long value)
        {
            WriteText(key);
            Cpu.OutByte(Port, (byte)'=');
            if (value < 0)
            {
                Cpu.OutByte(Port, (byte)'-');
                WriteDecimal(0UL - (ulong)value);
            }
            else
            {
                WriteDecimal((ulong)value);
            }
            Cpu.OutByte(Port, (byte)'\n');
        }

        public static void WriteLine(string key, ulong value)
        {
            WriteText(key);
            Cpu.OutByte(Port, (byte)'=');
            WriteDecimal(value);
            Cpu.OutByte(Port, (byte)'\n');
        }

        // Keys are ASCII literals.
        private static void WriteText(string text)
        {
            for (int i = 0; i < text.Length; i++)
                Cpu.OutByte(Port, (byte)text[i]);
        }

        // No allocation: this runs on the exit path, possibly after the heap ran out.
        private static void WriteDecimal(ulong value)
        {
            byte* digits = stackalloc byte[20];
            int count = 0;
            do
            {
                digits[count++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);
            while (count > 0)
                Cpu.OutByte(Port, digits[--count]);
        }
    }
}
