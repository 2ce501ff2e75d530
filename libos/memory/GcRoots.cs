namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// The root set: every registered stack, scanned conservatively word by word, and the static
    /// reference slots the compiler lists (<c>tb_gc_static_roots</c>), scanned precisely.
    /// </summary>
    /// <remarks>
    /// Stacks of green threads: the main stack is registered by the platform's start code before
    /// anything else. A scheduler registers each new stack with <see cref="RegisterStack"/>, giving
    /// the slot where its context switch leaves the suspended stack pointer (after pushing the
    /// callee-saved registers), tells the collector which stack runs with <see cref="SetCurrentStack"/>
    /// just before each switch, and gives the main stack its slot with <see cref="SetSavedPointerSlot"/>
    /// when it starts threads. A collection scans the running stack from the pointer it is given and
    /// every other stack from the value in its slot to its top. Slots live in heap objects, which never move.
    /// </remarks>
    public static unsafe class GcRoots
    {
        /// <summary>Green threads are cheap (a 16 KiB stack): programs run thousands.</summary>
        public const int MaxStacks = 4096;
        public const nuint StorageBytes = MaxStacks * 24;
        public const int MainStack = 0;

        private struct StackRange
        {
            public byte* Low;
            public byte* High;
            public ulong* SavedPointer;
        }

        private static byte* s_mainStackTop;
        private static StackRange* s_stacks;
        private static int s_current;
        // One past the highest id in use, so that scans and searches stop there.
        private static int s_used;

        /// <summary>Records the top (highest address) of the start-up stack; the first thing start code does.</summary>
        public static void RegisterMainStack(void* stackTop) => s_mainStackTop = (byte*)stackTop;

        /// <summary>Called by the heap's initialisation with <see cref="StorageBytes"/> of zeroed memory.</summary>
        public static void Initialize(byte* storage)
        {
            s_stacks = (StackRange*)storage;
            for (int i = 0; i < MaxStacks; i++)
                UnregisterStack(i);
            s_stacks[MainStack].High = s_mainStackTop;
            s_current = MainStack;
            s_used = 1;
        }

        /// <summary>
        /// Adds the stack [low, high) whose stack pointer, while it is suspended, is in
        /// <paramref name="savedPointer"/>; returns its id, or -1 when <see cref="MaxStacks"/> are registered.
        /// </summary>
        public static int RegisterStack(void* low, void* high, ulong* savedPointer)
        {
            for (int i = 0; i < MaxStacks; i++)
            {
                if (s_stacks[i].High != null)
                    continue;
                s_stacks[i].Low = (byte*)low;
                s_stacks[i].High = (byte*)high;
                s_stacks[i].SavedPointer = savedPointer;
                if (i >= s_used)
                    s_used = i + 1;
                return i;
            }
            return -1;
        }

        public static void UnregisterStack(int id)
        {
            s_stacks[id].Low = null;
            s_stacks[id].High = null;
            s_stacks[id].SavedPointer = null;
        }

        /// <summary>Where the main stack's pointer is kept while another stack runs.</summary>
        public static void SetSavedPointerSlot(int id, ulong* savedPointer) => s_stacks[id].SavedPointer = savedPointer;

        /// <summary>The scheduler is about to run the stack <paramref name="id"/>.</summary>
        public static void SetCurrentStack(int id) => s_current = id;

        public static int CurrentStack => s_current;

        /// <summary>The top (highest address, exclusive) of the stack the scheduler last said runs; the main
        /// stack's before the heap exists. Read by the profiler's timer handler (docs/profiling.md) to bound
        /// its frame-pointer walk, so it allocates nothing.</summary>
        public static byte* CurrentStackHigh => s_stacks == null ? s_mainStackTop : s_stacks[s_current].High;

        /// <summary>The lowest address of that stack; null for the main stack, whose bottom is the kernel's (or the boot code's).</summary>
        public static byte* CurrentStackLow => s_stacks == null ? null : s_stacks[s_current].Low;

        public static void ScanStacks(byte* stackPointer)
        {
            for (int i = 0; i < s_used; i++)
            {
                StackRange* stack = s_stacks + i;
                if (stack->High == null)
                    continue;
                if (i == s_current)
                    ScanRange(stackPointer, stack->High);
                else if (stack->SavedPointer != null)
                    ScanRange((byte*)*stack->SavedPointer, stack->High);
            }
        }

        /// <summary>Every aligned word in [low, high) as a possible reference.</summary>
        public static void ScanRange(byte* low, byte* high)
        {
            nuint* word = (nuint*)(((nuint)low + 7) & ~(nuint)7);
            nuint* end = (nuint*)((nuint)high & ~(nuint)7);
            for (; word < end; word++)
                GcMarker.MarkConservative(*word);
        }

        public static void ScanStaticRoots()
        {
            long* table = GcImports.StaticRoots();
            if (table == null)
                return;
            long count = table[0];
            void*** slots = (void***)(table + 1);
            for (long i = 0; i < count; i++)
                GcMarker.MarkReference(*slots[i]);
        }
    }
}
