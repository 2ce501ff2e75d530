using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// String constructors. As in CoreCLR, <c>new string(...)</c> cannot run a constructor on an
    /// allocated string (its length is fixed at allocation): the compiler turns each constructor
    /// call into a call of the static <c>Ctor</c> with the same parameters, which returns the string.
    /// </summary>
    public sealed unsafe partial class String
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char* value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char* value, int startIndex, int length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0) return Empty;
            fixed (char* chars = value) return CreateFromChars(chars, value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (startIndex < 0) System.Runtime.ThrowHelpers.ThrowNegativeArgument(nameof(startIndex), startIndex);
            if (length < 0) System.Runtime.ThrowHelpers.ThrowNegativeArgument(nameof(length), length);
            if (startIndex > value.Length - length)
                throw new ArgumentOutOfRangeException(nameof(startIndex), "startIndex ('" + Number.Int64ToString(startIndex) + "') must be less than or equal to '" + Number.Int64ToString(value.Length - length) + "'.");
            if (length == 0) return Empty;
            fixed (char* chars = value) return CreateFromChars(chars + startIndex, length);
        }

        private static string Ctor(char c, int count)
        {
            if (count < 0) System.Runtime.ThrowHelpers.ThrowNegativeArgument(nameof(count), count);
            if (count == 0) return Empty;
            string result = System.Runtime.RuntimeIntrinsics.AllocateString(count);
            char* p = result.GetCharPointer();
            for (int i = 0; i < count; i++) p[i] = c;
            return result;
        }

        private static string Ctor(char* value)
        {
            if (value == null) return Empty;
            int length = 0;
            while (value[length] != '\0') length++;
            return length == 0 ? Empty : CreateFromChars(value, length);
        }

        private static string Ctor(char* value, int startIndex, int length)
        {
            if (startIndex < 0) System.Runtime.ThrowHelpers.ThrowNegativeArgument(nameof(startIndex), startIndex);
            if (length < 0) System.Runtime.ThrowHelpers.ThrowNegativeArgument(nameof(length), length);
            return length == 0 ? Empty : CreateFromChars(value + startIndex, length);
        }

        private static string Ctor(ReadOnlySpan<char> value)
        {
            if (value.Length == 0) return Empty;
            fixed (char* chars = value) return CreateFromChars(chars, value.Length);
        }
    }
}
