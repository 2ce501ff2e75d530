namespace System.Threading
{
    /// <summary>
    /// .NET's atomic operations. The library OS runs one thread of execution at a time and switches
    /// threads only at calls into the scheduler, and interrupt handlers never touch managed state, so
    /// plain reads and writes are atomic here. (C# compiles field-like events to these.)
    /// </summary>
    public static class Interlocked
    {
        public static T CompareExchange<T>(ref T location, T value, T comparand) where T : class
        {
            T original = location;
            if ((object)original == (object)comparand) location = value;
            return original;
        }

        public static object CompareExchange(ref object location, object value, object comparand)
        {
            object original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static int CompareExchange(ref int location, int value, int comparand)
        {
            int original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static uint CompareExchange(ref uint location, uint value, uint comparand)
        {
            uint original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static long CompareExchange(ref long location, long value, long comparand)
        {
            long original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static ulong CompareExchange(ref ulong location, ulong value, ulong comparand)
        {
            ulong original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static IntPtr CompareExchange(ref IntPtr location, IntPtr value, IntPtr comparand)
        {
            IntPtr original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static T Exchange<T>(ref T location, T value) where T : class
        {
            T original = location;
            location = value;
            return original;
        }

        public static object Exchange(ref object location, object value)
        {
            object original = location;
            location = value;
            return original;
        }

        public static int Exchange(ref int location, int value)
        {
            int original = location;
            location = value;
            return original;
        }

        public static uint Exchange(ref uint location, uint value)
        {
            uint original = location;
            location = value;
            return original;
        }

        public static long Exchange(ref long location, long value)
        {
            long original = location;
            location = value;
            return original;
        }

        public static ulong Exchange(ref ulong location, ulong value)
        {
            ulong original = location;
            location = value;
            return original;
        }

        public static IntPtr Exchange(ref IntPtr location, IntPtr value)
        {
            IntPtr original = location;
            location = value;
            return original;
        }

        public static int Increment(ref int location) => ++location;

        public static uint Increment(ref uint location) => ++location;

        public static long Increment(ref long location) => ++location;

        public static ulong Increment(ref ulong location) => ++location;

        public static int Decrement(ref int location) => --location;

        public static uint Decrement(ref uint location) => --location;

        public static long Decrement(ref long location) => --location;

        public static ulong Decrement(ref ulong location) => --location;

        public static int Add(ref int location, int value) => location += value;

        public static uint Add(ref uint location, uint value) => location += value;

        public static long Add(ref long location, long value) => location += value;

        public static ulong Add(ref ulong location, ulong value) => location += value;

        /// <summary>Returns the original value, as .NET's And/Or do.</summary>
        public static int And(ref int location, int value)
        {
            int original = location;
            location = original & value;
            return original;
        }

        public static long And(ref long location, long value)
        {
            long original = location;
            location = original & value;
            return original;
        }

        public static int Or(ref int location, int value)
        {
            int original = location;
            location = original | value;
            return original;
        }

        public static long Or(ref long location, long value)
        {
            long original = location;
            location = original | value;
            return original;
        }

        public static long Read(ref long location) => location;

        public static ulong Read(ref ulong location) => location;

        public static void MemoryBarrier() { }
    }
}
