namespace System.Threading
{
    /// <summary>
    /// .NET's volatile accesses. One CPU, and threads switch only at calls into the scheduler, which the
    /// optimiser must assume read and write everything: plain accesses already have these semantics.
    /// </summary>
    public static class Volatile
    {
        public static bool Read(ref bool location) => location;
        public static byte Read(ref byte location) => location;
        public static sbyte Read(ref sbyte location) => location;
        public static short Read(ref short location) => location;
        public static ushort Read(ref ushort location) => location;
        public static int Read(ref int location) => location;
        public static uint Read(ref uint location) => location;
        public static long Read(ref long location) => location;
        public static ulong Read(ref ulong location) => location;
        public static IntPtr Read(ref IntPtr location) => location;
        public static UIntPtr Read(ref UIntPtr location) => location;
        public static float Read(ref float location) => location;
        public static double Read(ref double location) => location;
        public static T Read<T>(ref T location) where T : class => location;

        public static void Write(ref bool location, bool value) => location = value;
        public static void Write(ref byte location, byte value) => location = value;
        public static void Write(ref sbyte location, sbyte value) => location = value;
        public static void Write(ref short location, short value) => location = value;
        public static void Write(ref ushort location, ushort value) => location = value;
        public static void Write(ref int location, int value) => location = value;
        public static void Write(ref uint location, uint value) => location = value;
        public static void Write(ref long location, long value) => location = value;
        public static void Write(ref ulong location, ulong value) => location = value;
        public static void Write(ref IntPtr location, IntPtr value) => location = value;
        public static void Write(ref UIntPtr location, UIntPtr value) => location = value;
        public static void Write(ref float location, float value) => location = value;
        public static void Write(ref double location, double value) => location = value;
        public static void Write<T>(ref T location, T value) where T : class => location = value;
    }
}
