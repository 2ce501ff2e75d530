using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// Turns a CPU exception into a panic report on standard error (COM2, or COM1 when there is no
    /// second UART) and an exit with <see cref="ExitCodeBase"/> + vector, e.g. 213 for #GP and 214 for #PF.
    /// </summary>
    /// <remarks>
    /// Report format (docs/libos.md, "CPU exceptions"):
    /// <code>
    /// PANIC: page fault (#PF, vector 14) error code 0x2 at address 0x0000100000000000
    ///   rip 0x0000000000101234 in Program::Poke(System.Int64)
    ///   rsp 0x000000000020ff80 rbp 0x000000000020ffa0
    ///   stack:
    ///     0x0000000000101300 Program::Main()
    /// </code>
    /// Nothing here allocates: the fault may be the heap's own.
    /// </remarks>
    public static unsafe class CpuExceptions
    {
        /// <summary>Exit code of vector v is ExitCodeBase + v (200..231): clear of 124/125, 134, 250 and 251.</summary>
        public const int ExitCodeBase = 200;

        /// <summary>A page fault in a stack's guard page: the stack overflowed.</summary>
        public const int StackOverflowExitCode = 240;

        private const int PageFaultVector = 14;
        /// <summary>CoreCLR and NativeAOT treat faults below this address as null dereferences (a field of a null object).</summary>
        private const ulong NullRegionEnd = 64 * 1024;
        private const int MaxStackFrames = 32;
        // The frame-pointer walk reads only identity-mapped, aligned addresses, so it cannot fault itself.
        private const ulong LowestFrameAddress = 0x1000;

        private static bool s_reporting;

        [RuntimeExport("tb_cpu_exception")]
        public static void OnCpuException(ExceptionFrame* frame)
        {
            int vector = (int)frame->Vector;
            if (s_reporting)
            {
                // A fault inside the report: say so and stop, rather than loop.
                Text("PANIC: CPU exception while reporting a CPU exception\n");
                PvhPlatform.Exit(ExitCodeBase + vector);
            }
            s_reporting = true;

            bool overflow = vector == PageFaultVector && PageTables.IsGuardPage(Cpu.ReadCr2());
            // As CoreCLR: an access near address 0 (unsafe code's null pointer) is a NullReferenceException.
            bool nullAccess = vector == PageFaultVector && Cpu.ReadCr2() < NullRegionEnd;
            if (nullAccess)
                Text("Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.\n");
            if (overflow)
                Text("PANIC: stack overflow (guard page hit)\n");
            Text("PANIC: ");
            Text(Name(vector));
            Text(" (#");
            Text(Mnemonic(vector));
            Text(", vector ");
            Decimal((ulong)vector);
            Text(") error code 0x");
            Hex(frame->ErrorCode, 1);
            if (vector == PageFaultVector)
            {
                Text(" at address 0x");
                Hex(Cpu.ReadCr2(), 16);
            }
            Text("\n  rip 0x");
            Hex(frame->Rip, 16);
            Text(" in ");
            Symbol(frame->Rip);
            Text("\n  rsp 0x");
            Hex(frame->Rsp, 16);
            Text(" rbp 0x");
            Hex(frame->Rbp, 16);
            Text("\n  stack:\n");

            // Every compiled function keeps a frame pointer: [rbp] is the caller's rbp, [rbp + 8] the
            // return address. The trampoline calls tb_pvh_start with rbp = 0, so the frame whose saved
            // rbp is 0 returns into the trampoline, which is not worth a line.
            ulong rbp = frame->Rbp;
            for (int depth = 0; depth < MaxStackFrames && IsFrameAddress(rbp); depth++)
            {
                ulong* link = (ulong*)rbp;
                ulong next = link[0];
                ulong returnAddress = link[1];
                if (next == 0 || returnAddress == 0)
                    break;
                Text("    0x");
                Hex(returnAddress, 16);
                Text(" ");
                // One byte back: after a call that never returns, the return address may already be
                // the next function's first byte.
                Symbol(returnAddress - 1);
                Text("\n");
                // Frames lie at increasing addresses; anything else is a corrupt chain.
                if (next <= rbp)
                    break;
                rbp = next;
            }
            PvhPlatform.Exit(nullAccess ? ThrowHelpers.UnhandledExceptionExitCode : overflow ? StackOverflowExitCode : ExitCodeBase + vector);
        }

        private static bool IsFrameAddress(ulong address) =>
            address >= LowestFrameAddress && address < PageTables.IdentityMapEnd - 16 && (address & 7) == 0
            && PageTables.IsMapped(address) && PageTables.IsMapped(address + 8);

        /// <summary>The name of the compiled function containing <paramref name="address"/>: the one with the greatest start at or below it.</summary>
        private static void Symbol(ulong address)
        {
            // Nearest-below is only meaningful inside the code: a jump into data or the heap must not
            // be blamed on whichever function happens to be compiled last.
            if (address < ImageLayout.TextStart || address >= ImageLayout.ReadOnlyDataStart)
            {
                Text("(outside the image's code)");
                return;
            }
            SymbolTable* table = SymbolTableAddress();
            SymbolEntry* entries = (SymbolEntry*)(table + 1);
            SymbolEntry* best = null;
            for (long i = 0; i < table->Count; i++)
            {
                if (entries[i].Address <= address && (best == null || entries[i].Address > best->Address))
                    best = &entries[i];
            }
            if (best == null)
            {
                Text("?");
                return;
            }
            int length = 0;
            while (best->Name[length] != 0)
                length++;
            PvhPlatform.Write(2, best->Name, length);
        }

        /// <summary>Defined by the backend: every compiled function's address and IR name.</summary>
        [RuntimeImport("tb_symbol_table")]
        private static extern SymbolTable* SymbolTableAddress();

        /// <summary>The table's header; <see cref="Count"/> entries follow it.</summary>
        private struct SymbolTable
        {
            public long Count;
        }

        private struct SymbolEntry
        {
            public ulong Address;
            public byte* Name;
        }

        private static string Name(int vector) => vector switch
        {
            0 => "divide error",
            1 => "debug exception",
            2 => "non-maskable interrupt",
            3 => "breakpoint",
            4 => "overflow",
            5 => "bound range exceeded",
            6 => "invalid opcode",
            7 => "device not available",
            8 => "double fault",
            10 => "invalid TSS",
            11 => "segment not present",
            12 => "stack-segment fault",
            13 => "general protection fault",
            14 => "page fault",
            16 => "x87 floating-point error",
            17 => "alignment check",
            18 => "machine check",
            19 => "SIMD floating-point exception",
            20 => "virtualization exception",
            21 => "control protection exception",
            _ => "reserved exception",
        };

        private static string Mnemonic(int vector) => vector switch
        {
            0 => "DE", 1 => "DB", 2 => "NMI", 3 => "BP", 4 => "OF", 5 => "BR", 6 => "UD", 7 => "NM",
            8 => "DF", 10 => "TS", 11 => "NP", 12 => "SS", 13 => "GP", 14 => "PF", 16 => "MF",
            17 => "AC", 18 => "MC", 19 => "XM", 20 => "VE", 21 => "CP",
            _ => "reserved",
        };

        // ASCII literals only.
        private static void Text(string text)
        {
            byte* bytes = stackalloc byte[64];
            int start = 0;
            while (start < text.Length)
            {
                int count = 0;
                while (count < 64 && start + count < text.Length)
                {
                    bytes[count] = (byte)text[start + count];
                    count++;
                }
                PvhPlatform.Write(2, bytes, count);
                start += count;
            }
        }

        /// <summary>At least <paramref name="minDigits"/> lower-case hex digits.</summary>
        private static void Hex(ulong value, int minDigits)
        {
            byte* digits = stackalloc byte[16];
            int count = 0;
            while (count < 16 && (value != 0 || count < minDigits))
            {
                int nibble = (int)(value & 0xF);
                digits[15 - count] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
                value >>= 4;
                count++;
            }
            PvhPlatform.Write(2, digits + 16 - count, count);
        }

        private static void Decimal(ulong value)
        {
            byte* digits = stackalloc byte[20];
            int count = 0;
            do
            {
                digits[19 - count] = (byte)('0' + (int)(value % 10));
                value /= 10;
                count++;
            }
            while (value != 0);
            PvhPlatform.Write(2, digits + 20 - count, count);
        }
    }
}
