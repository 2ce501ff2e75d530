using Testbed.Runtime;

namespace System
{
    /// <summary>Primitive → string conversions: format into a stack buffer with NumberFormatting, then allocate once.</summary>
    internal static unsafe partial class Number
    {
        internal static string Int64ToString(long value)
        {
            char* buffer = stackalloc char[NumberFormatting.Int64BufferLength];
            return string.CreateFromChars(buffer, NumberFormatting.FormatInt64(value, buffer));
        }

        internal static string UInt64ToString(ulong value)
        {
            char* buffer = stackalloc char[NumberFormatting.Int64BufferLength];
            return string.CreateFromChars(buffer, NumberFormatting.FormatUInt64(value, buffer));
        }

        internal static string DoubleToString(double value)
        {
            char* buffer = stackalloc char[NumberFormatting.FloatingPointBufferLength];
            return string.CreateFromChars(buffer, NumberFormatting.FormatDouble(value, buffer));
        }

        internal static string SingleToString(float value)
        {
            char* buffer = stackalloc char[NumberFormatting.FloatingPointBufferLength];
            return string.CreateFromChars(buffer, NumberFormatting.FormatSingle(value, buffer));
        }
    }
}
