using System.Runtime;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// Reports a memory fault (SIGSEGV, SIGBUS) the way the PVH target reports a page fault, instead of
    /// the silent status 139: an access to the first 64 KiB is a null dereference and ends with
    /// CoreCLR's unhandled NullReferenceException line and status 134; a fault on a guard page near the
    /// stack pointer is a stack overflow (status 240, as PVH); anything else is a fault report with
    /// status 214 (PVH's page fault).
    /// </summary>
    /// <remarks>
    /// The handler runs on an alternate signal stack, since an overflowed stack has no room for it, and
    /// never returns: nothing it could resume is safe. It allocates nothing, as the fault may be the
    /// heap's own. A fault cannot become a catchable exception: compiled code has unwind entries only at
    /// calls, not at the loads and stores that fault (managed code never gets here: it checks for null
    /// before dereferencing).
    /// </remarks>
    internal static unsafe class FaultSignals
    {
        private const long SysRtSigaction = 13;
        private const long SysSigaltstack = 131;
        private const int SigBus = 7;
        private const int SigSegv = 11;
        private const ulong SaSiginfo = 0x4;
        private const ulong SaOnStack = 0x08000000;
        private const ulong SaRestorer = 0x04000000;
        private const ulong SaResetHand = 0x80000000;
        private const long AlternateStackBytes = 64 * 1024;
        /// <summary>CoreCLR and NativeAOT treat faults below this address as null dereferences (a field of a null object).</summary>
        private const ulong NullRegionEnd = 64 * 1024;
        /// <summary>How far below the stack pointer a stack-overflow fault can land: the largest frame's probe.</summary>
        private const ulong OverflowReach = 1024 * 1024;
        // Offsets in siginfo_t and ucontext_t (x86-64 Linux): si_addr; uc_mcontext.gregs[REG_RSP], [REG_RIP].
        private const int SiAddrOffset = 16;
        private const int RspOffset = 40 + 15 * 8;
        private const int RipOffset = 40 + 16 * 8;

        internal const int PageFaultExitCode = 214;
        internal const int StackOverflowExitCode = 240;

        internal static void Install()
        {
            long stack = Syscalls.Mmap(0, AlternateStackBytes, Syscalls.ProtRead | Syscalls.ProtWrite,
                Syscalls.MapPrivate | Syscalls.MapAnonymous, -1, 0);
            if (Syscalls.IsError(stack))
                return;
            AlternateStack alternate;
            alternate.Base = (ulong)stack;
            alternate.Flags = 0;
            alternate.Size = (ulong)AlternateStackBytes;
            if (Syscalls.IsError(Cpu.Syscall(SysSigaltstack, (long)&alternate, 0, 0, 0, 0, 0)))
                return;
            SignalAction action;
            action.Handler = (ulong)(delegate*<int, byte*, byte*, void>)&OnFault;
            // Reset to the default first: a fault inside the report kills the process rather than loop.
            action.Flags = SaSiginfo | SaOnStack | SaRestorer | SaResetHand;
            action.Restorer = (ulong)SignalRestorer();
            action.Mask = 0;
            Cpu.Syscall(SysRtSigaction, SigSegv, (long)&action, 0, 8, 0, 0);
            Cpu.Syscall(SysRtSigaction, SigBus, (long)&action, 0, 8, 0, 0);
        }

        private static void OnFault(int signal, byte* info, byte* context)
        {
            ulong address = *(ulong*)(info + SiAddrOffset);
            ulong rsp = *(ulong*)(context + RspOffset);
            ulong rip = *(ulong*)(context + RipOffset);
            int code;
            if (address < NullRegionEnd)
            {
                Text("Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.\n");
                code = ThrowHelpers.UnhandledExceptionExitCode;
            }
            else if (address < rsp + 4096 && address + OverflowReach > rsp)
            {
                Text("PANIC: stack overflow (guard page hit)\n");
                code = StackOverflowExitCode;
            }
            else
            {
                code = PageFaultExitCode;
            }
            Text(signal == SigBus ? "PANIC: bus error (SIGBUS)" : "PANIC: segmentation fault (SIGSEGV)");
            Text(" at address 0x");
            Hex(address);
            Text("\n  rip 0x");
            Hex(rip);
            Text(" rsp 0x");
            Hex(rsp);
            Text("\n");
            LinuxPlatform.Exit(code);
        }

        private static void Text(string text)
        {
            byte* line = stackalloc byte[128];
            int length = 0;
            for (int i = 0; i < text.Length && length < 128; i++)
                line[length++] = (byte)text[i];
            LinuxPlatform.Write(2, line, length);
        }

        private static void Hex(ulong value)
        {
            byte* digits = stackalloc byte[16];
            for (int i = 15; i >= 0; i--)
            {
                int nibble = (int)(value & 0xF);
                digits[i] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
                value >>= 4;
            }
            LinuxPlatform.Write(2, digits, 16);
        }

        [RuntimeImport("tb_linux_signal_restorer_address")]
        private static extern void* SignalRestorer();

        private struct SignalAction
        {
            public ulong Handler;
            public ulong Flags;
            public ulong Restorer;
            public ulong Mask;
        }

        /// <summary>The kernel's stack_t.</summary>
        private struct AlternateStack
        {
            public ulong Base;
            public int Flags;
            public ulong Size;
        }
    }
}
