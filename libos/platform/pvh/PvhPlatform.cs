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
        // Until the UARTs are set up their base port is 0, a DMA controller register: never touch it.
        private static bool s_consoleReady;

        /// <summary>
        /// COM1 carries standard output. Standard error goes to COM2 when the machine has one (q35 and
        /// pc with a second -serial; microvm with an extra isa-serial device at 0x2F8), so that a runner
        /// can tell the two apart as it can for a process; otherwise it shares COM1.
        /// </summary>
        internal static void InitializeConsole()
        {
            s_console = new Uart16550(Uart16550.Com1);
            s_console.Initialize();
            s_errorConsole = new Uart16550(Uart16550.Com2);
            if (s_errorConsole.IsPresent())
                s_errorConsole.Initialize();
            else
                s_errorConsole = s_console;
            s_consoleReady = true;
        }

        [RuntimeExport("tb_platform_write")]
        public static void Write(int fd, byte* buffer, int length)
        {
            if (!s_consoleReady)
                return;
            if (fd == 1)
                s_console.Write(buffer, length);
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
