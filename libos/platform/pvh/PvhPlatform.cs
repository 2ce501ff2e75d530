using System.Runtime;
using Testbed.LibOS.Drivers.Serial;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>The platform contract on PVH: console on the serial ports, exit through QEMU's debug devices.</summary>
    public static unsafe class PvhPlatform
    {
        // QEMU's isa-debug-exit (-device isa-debug-exit,iobase=0xf4,iosize=0x04): writing v ends
        // QEMU with status (v << 1) | 1, so the exact code travels on the control channel first.
        private const ushort DebugExitPort = 0xF4;

        private static Uart16550 s_console;
        private static Uart16550 s_errorConsole;
        private static DebugConsole s_output;
        private static bool s_outputOnDebugConsole;
        private static bool s_hasErrorConsole;
        // Until the UARTs are set up their base port is 0, a DMA controller register: never touch it.
        private static bool s_consoleReady;

        /// <summary>
        /// Standard output goes to the isa-debugcon at <see cref="DebugConsole.OutputPort"/> when the
        /// machine has one (testbed's runner adds it: lossless), else to COM1 (any other QEMU command
        /// line, or hardware). Standard error goes to COM2 when the machine has one (q35 and pc with a
        /// second -serial; microvm with an extra isa-serial device at 0x2F8), so that a runner can tell
        /// the two apart as it can for a process; otherwise it shares standard output's device.
        /// </summary>
        internal static void InitializeConsole()
        {
            s_output = new DebugConsole(DebugConsole.OutputPort);
            s_outputOnDebugConsole = s_output.IsPresent();
            s_console = new Uart16550(Uart16550.Com1);
            s_console.Initialize();
            s_errorConsole = new Uart16550(Uart16550.Com2);
            if (s_errorConsole.IsPresent())
                s_errorConsole.Initialize();
            else if (!s_outputOnDebugConsole)
                s_errorConsole = s_console;
            s_hasErrorConsole = s_errorConsole.IsPresent() || !s_outputOnDebugConsole;
            s_consoleReady = true;
        }

        [RuntimeExport("tb_platform_write")]
        public static void Write(int fd, byte* buffer, int length)
        {
            if (!s_consoleReady)
                return;
            if (fd == 1 || (fd == 2 && !s_hasErrorConsole))
            {
                if (s_outputOnDebugConsole)
                    s_output.Write(buffer, length);
                else
                    s_console.Write(buffer, length);
            }
            else if (fd == 2)
                s_errorConsole.Write(buffer, length);
        }

        [RuntimeExport("tb_platform_exit")]
        public static void Exit(int code)
        {
            // Let the console drain first: QEMU stops the moment the exit port is written.
            if (s_consoleReady)
            {
                s_console.WaitUntilIdle();
                s_errorConsole.WaitUntilIdle();
            }
            ControlChannel.WriteLine("exit", (long)code);
            Cpu.OutDword(DebugExitPort, (uint)code);
            // Without the debug-exit device (or on real hardware) the machine just stops here.
            while (true)
            {
                Cpu.DisableInterrupts();
                Cpu.Halt();
            }
        }

        /// <summary>Reports a start-up failure on the console (if it is up) and stops.</summary>
        internal static void BootFailure(string message) => Testbed.LibOS.Platform.StartFailure.Report("Testbed PVH boot: ", message);
    }
}
