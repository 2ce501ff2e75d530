namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// The root set: every registered stack, scanned conservatively word by word, and the static
    /// reference slots the compiler lists (<c>tb_gc_static_roots</c>), scanned precisely.
    /// </summary>
    /// <remarks>
    /// Stacks, for the green threads to come: the main stack is registered by the platform's start
    /// code before anything else. A scheduler registers each new stack with <see cref="RegisterStack"/>
    /// and, when it switches, calls <see cref="SwitchStack"/> with the outgoing stack's pointer taken
    /// after the context switch pushed its callee-saved registers. A collection scans the running
    /// stack from the pointer it is given and every other stack from its saved pointer to its top.
    /// A stack that has never run is scanned from its top, that is not at all.
    /// </remarks>
    public static unsafe class GcRoots
    {
        public const int MaxStacks = 256;
        public const nuint StorageBytes = MaxStacks * 24;
        public const int MainStack = 0;

        private struct StackRange
        {
            public byte* Low;
            public byte* High;
            public byte* Saved;
        }

        private static byte* s_mainStackTop;
        private static StackRange* s_stacks;
        private static int s_current;

        /// <summary>Records the top (highest address) of the start-up stack; the first thing start code does.</summary>
        public static void RegisterMainStack(void* stackTop) => s_mainStackTop = (byte*)stackTop;

        /// <summary>Called by the heap's initialisation with <see cref="StorageBytes"/> of zeroed memory.</summary>
        public static void Initialize(byte* storage)
        {
            s_stacks = (StackRange*)storage;
            for (int i = 0; i < MaxStacks; i++)
            {
                s_stacks[i].Low = null;
                s_stacks[i].High = null;
                s_stacks[i].Saved = null;
            }
            s_stacks[MainStack].High = s_mainStackTop;
            s_stacks[MainStack].Saved = s_mainStackTop;
            s_current = MainStack;
        }

        /// <summary>Adds the stack [low, high); returns its id, or -1 when <see cref="MaxStacks"/> are registered.</summary>
        public static int RegisterStack(void* low, void* high)
        {
            for (int i = 0; i < MaxStacks; i++)
            {
                if (s_stacks[i].High != null)
                    continue;
                s_stacks[i].Low = (byte*)low;
                s_stacks[i].High = (byte*)high;
                s_stacks[i].Saved = (byte*)high;
                return i;
            }
            return -1;
        }

        public static void UnregisterStack(int id)
        {
            s_stacks[id].Low = null;
            s_stacks[id].High = null;
            s_stacks[id].Saved = null;
        }

        /// <summary>The scheduler leaves the current stack, whose lowest live word is at <paramref name="outgoingStackPointer"/>, for <paramref name="id"/>.</summary>
        public static void SwitchStack(int id, void* outgoingStackPointer)
        {
            s_stacks[s_current].Saved = (byte*)outgoingStackPointer;
            s_current = id;
        }

        public static int CurrentStack => s_current;

        public static void ScanStacks(byte* stackPointer)
        {
            for (int i = 0; i < MaxStacks; i++)
            {
                StackRange* stack = s_stacks + i;
                if (stack->High == null)
                    continue;
                ScanRange(i == s_current ? stackPointer : stack->Saved, stack->High);
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
