using System.Runtime;

namespace Testbed.LibOS.Drivers.Serial
{
    /// <summary>
    /// A 16550-compatible UART (the PC's COM ports, and QEMU's <c>-serial</c>), transmit only and
    /// polled: 115200 baud, 8N1, FIFOs on, no interrupts. Bytes go out exactly as given; translating
    /// "\n" to "\r\n" is the terminal's business, and test output must match byte for byte.
    /// </summary>
    public unsafe struct Uart16550
    {
        public const ushort Com1 = 0x3F8;
        public const ushort Com2 = 0x2F8;

        // Register offsets from the base port. With LCR.DLAB set, offsets 0 and 1 are the divisor latch.
        private const ushort TransmitHolding = 0;
        private const ushort DivisorLow = 0;
        private const ushort InterruptEnable = 1;
        private const ushort DivisorHigh = 1;
        private const ushort FifoControl = 2;
        private const ushort LineControl = 3;
        private const ushort ModemControl = 4;
        private const ushort LineStatus = 5;
        private const ushort Scratch = 7;

        private const byte LineControlDivisorLatch = 0x80;
        private const byte LineControl8N1 = 0x03;
        // Enable, clear both FIFOs, receive trigger at 14 bytes.
        private const byte FifoEnableAndClear = 0xC7;
        // DTR and RTS: some receivers wait for them before listening.
        private const byte ModemControlReady = 0x03;
        // 115200 = 1.8432 MHz / (16 × 1).
        private const byte Divisor115200 = 1;

        private const byte LineStatusTransmitterEmpty = 0x20;   // THRE: the transmit FIFO is empty
        private const byte LineStatusIdle = 0x40;               // TEMT: FIFO and shift register are empty
        private const int TransmitFifoDepth = 16;

        private readonly ushort _base;

        public Uart16550(ushort basePort)
        {
            _base = basePort;
        }

        /// <summary>
        /// Whether a UART answers at the base port: its scratch register keeps what is written, while
        /// an unused ISA port reads back 0xFF.
        /// </summary>
        public bool IsPresent()
        {
            ushort scratch = (ushort)(_base + Scratch);
            Cpu.OutByte(scratch, 0xA5);
            if (Cpu.InByte(scratch) != 0xA5)
                return false;
            Cpu.OutByte(scratch, 0x5A);
            return Cpu.InByte(scratch) == 0x5A;
        }

        public void Initialize()
        {
            Cpu.OutByte((ushort)(_base + InterruptEnable), 0);
            Cpu.OutByte((ushort)(_base + LineControl), LineControlDivisorLatch);
            Cpu.OutByte((ushort)(_base + DivisorLow), Divisor115200);
            Cpu.OutByte((ushort)(_base + DivisorHigh), 0);
            Cpu.OutByte((ushort)(_base + LineControl), LineControl8N1);
            Cpu.OutByte((ushort)(_base + FifoControl), FifoEnableAndClear);
            Cpu.OutByte((ushort)(_base + ModemControl), ModemControlReady);
        }

        /// <summary>
        /// Waits for the transmit FIFO to drain, then refills it: one status poll per 16 bytes
        /// instead of one per byte.
        /// </summary>
        public void Write(byte* data, int length)
        {
            while (length > 0)
            {
                while ((Cpu.InByte((ushort)(_base + LineStatus)) & LineStatusTransmitterEmpty) == 0)
                    Cpu.Pause();
                int burst = length < TransmitFifoDepth ? length : TransmitFifoDepth;
                for (int i = 0; i < burst; i++)
                    Cpu.OutByte((ushort)(_base + TransmitHolding), data[i]);
                data += burst;
                length -= burst;
            }
        }

        /// <summary>Returns once the last byte has left the wire, e.g. before powering off.</summary>
        public void WaitUntilIdle()
        {
            while ((Cpu.InByte((ushort)(_base + LineStatus)) & LineStatusIdle) == 0)
                Cpu.Pause();
        }
    }
}
