using System.Runtime;

namespace Testbed.LibOS.Drivers.Serial
{
    /// <summary>
    /// QEMU's isa-debugcon: a byte written to its port goes to its character device at once, and QEMU
    /// writes all of it (blocking the vCPU while the reader is slow) instead of dropping what a full
    /// pipe refuses, as its 16550 does after a few failed tries. That makes it the lossless console
    /// for standard output (docs/targets.md, "Console"). No status to poll, no FIFO to drain.
    /// </summary>
    public unsafe struct DebugConsole
    {
        /// <summary>
        /// The port the runner puts the standard-output debugcon at: next to the control channel's 0xE9,
        /// a port no QEMU machine decodes (not 0x402, where SeaBIOS writes its own log on q35 and pc).
        /// </summary>
        public const ushort OutputPort = 0xEA;
        // What an isa-debugcon returns when read (its "readback" property); an unassigned port reads 0xFF.
        private const byte Readback = 0xE9;

        private readonly ushort _port;

        public DebugConsole(ushort port)
        {
            _port = port;
        }

        public bool IsPresent() => Cpu.InByte(_port) == Readback;

        public void Write(byte* data, int length)
        {
            for (int i = 0; i < length; i++)
                Cpu.OutByte(_port, data[i]);
        }
    }
}
