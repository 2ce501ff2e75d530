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

        public static int CompareExchange(ref int location, int value, int comparand)
        {
            int original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static long CompareExchange(ref long location, long value, long comparand)
        {
            long original = location;
            if (original == comparand) location = value;
            return original;
        }

        public static T Exchange<T>(ref T location, T value) where T : class
        {
            T original = location;
            location = value;
            return original;
        }

        public static int Exchange(ref int location, int value)
        {
            int original = location;
            location = value;
            return original;
        }

        public static int Increment(ref int location) => ++location;

        public static long Increment(ref long location) => ++location;

        public static int Decrement(ref int location) => --location;

        public static long Decrement(ref long location) => --location;

        public static int Add(ref int location, int value) => location += value;

        public static long Add(ref long location, long value) => location += value;

        public static long Read(ref long location) => location;
    }
}
