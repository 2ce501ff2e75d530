using System.Runtime;

namespace System
{
    /// <summary>
    /// .NET's Convert, the radix overloads only: parsing and printing integers in bases 2, 8, 10 and 16.
    /// The parser follows .NET's ParseNumbers step for step, because its failures are observable: the
    /// order of the checks decides which exception a bad string gets, and overflow is detected while
    /// grabbing digits (so "ffffffff0"/16 fails as a UInt32 even when an Int16 was asked for).
    /// </summary>
    public static partial class Convert
    {
        private const string InvalidBaseMessage = "Invalid Base.";

        // .NET's ParseNumbers flags that these overloads use.
        private const int TreatAsUnsigned = 0x200;
        private const int TreatAsI1 = 0x400;
        private const int TreatAsI2 = 0x800;

        private static void CheckBase(int radix)
        {
            if (radix != 2 && radix != 8 && radix != 10 && radix != 16) throw new ArgumentException(InvalidBaseMessage);
        }

        public static byte ToByte(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null) return 0;
            int r = StringToInt(value, fromBase, TreatAsUnsigned);
            if ((uint)r > byte.MaxValue) throw new OverflowException("Value was either too large or too small for an unsigned byte.");
            return (byte)r;
        }

        public static sbyte ToSByte(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null) return 0;
            int r = StringToInt(value, fromBase, TreatAsI1);
            if (fromBase != 10 && r <= byte.MaxValue) return (sbyte)r;
            if (r < sbyte.MinValue || r > sbyte.MaxValue) throw new OverflowException("Value was either too large or too small for a signed byte.");
            return (sbyte)r;
        }

        public static short ToInt16(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null) return 0;
            int r = StringToInt(value, fromBase, TreatAsI2);
            if (fromBase != 10 && r <= ushort.MaxValue) return (short)r;
            if (r < short.MinValue || r > short.MaxValue) throw new OverflowException("Value was either too large or too small for an Int16.");
            return (short)r;
        }

        public static ushort ToUInt16(string value, int fromBase)
        {
            CheckBase(fromBase);
            if (value == null) return 0;
            int r = StringToInt(value, fromBase, TreatAsUnsigned);
            if ((uint)r > ushort.MaxValue) throw new OverflowException("Value was either too large or too small for a UInt16.");
            return (ushort)r;
        }

        public static int ToInt32(string value, int fromBase)
        {
            CheckBase(fromBase);
            return value == null ? 0 : StringToInt(value, fromBase, 0);
        }

        public static uint ToUInt32(string value, int fromBase)
        {
            CheckBase(fromBase);
            return value == null ? 0 : (uint)StringToInt(value, fromBase, TreatAsUnsigned);
        }

        public static long ToInt64(string value, int fromBase)
        {
            CheckBase(fromBase);
            return value == null ? 0 : StringToLong(value, fromBase, 0);
        }

        public static ulong ToUInt64(string value, int fromBase)
        {
            CheckBase(fromBase);
            return value == null ? 0 : (ulong)StringToLong(value, fromBase, TreatAsUnsigned);
        }

        public static string ToString(byte value, int toBase)
        {
            CheckBase(toBase);
            return toBase == 10 ? Number.UInt64ToString(value) : UnsignedToString(value, toBase);
        }

        /// <summary>Outside base 10 a negative value prints as its 16-bit two's complement.</summary>
        public static string ToString(short value, int toBase)
        {
            CheckBase(toBase);
            return toBase == 10 ? Number.Int64ToString(value) : UnsignedToString((ushort)value, toBase);
        }

        public static string ToString(int value, int toBase)
        {
            CheckBase(toBase);
            return toBase == 10 ? Number.Int64ToString(value) : UnsignedToString((uint)value, toBase);
        }

        public static string ToString(long value, int toBase)
        {
            CheckBase(toBase);
            return toBase == 10 ? Number.Int64ToString(value) : UnsignedToString((ulong)value, toBase);
        }

        /// <summary>Digits of a power-of-two base, lower-case, without leading zeros.</summary>
        private static unsafe string UnsignedToString(ulong value, int radix)
        {
            int shift = radix == 2 ? 1 : radix == 8 ? 3 : 4;
            char* digits = stackalloc char[64];
            int start = 64;
            do
            {
                int digit = (int)(value & (ulong)(radix - 1));
                digits[--start] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                value >>= shift;
            } while (value != 0);
            return string.CreateFromChars(digits + start, 64 - start);
        }

        /// <summary>
        /// .NET's ParseNumbers.StringToInt with IsTight (no white space, nothing after the digits):
        /// a sign (minus only in base 10, never when unsigned), an optional "0x" in base 16, digits.
        /// </summary>
        private static int StringToInt(string s, int radix, int flags)
        {
            int i = ParseSignAndPrefix(s, ref radix, flags, out int sign);
            int start = i;
            uint result = 0;
            if (radix == 10 && (flags & TreatAsUnsigned) == 0)
            {
                const uint maxVal = 0x7FFFFFFF / 10;
                while (i < s.Length && IsDigit(s[i], radix, out int digit))
                {
                    if (result > maxVal || (int)result < 0) ThrowOverflow("an Int32");
                    result = result * 10 + (uint)digit;
                    i++;
                }
                if ((int)result < 0 && result != 0x80000000) ThrowOverflow("an Int32");
            }
            else
            {
                uint maxVal = uint.MaxValue / (uint)radix;
                while (i < s.Length && IsDigit(s[i], radix, out int digit))
                {
                    if (result > maxVal) ThrowOverflow("a UInt32");
                    uint next = result * (uint)radix + (uint)digit;
                    if (next < result) ThrowOverflow("a UInt32");
                    result = next;
                    i++;
                }
            }
            CheckDigitsAndEnd(s, start, i);
            if ((flags & TreatAsI1) != 0)
            {
                if (result > 0xFF) ThrowOverflow("a signed byte");
            }
            else if ((flags & TreatAsI2) != 0)
            {
                if (result > 0xFFFF) ThrowOverflow("an Int16");
            }
            else if (result == 0x80000000 && sign == 1 && radix == 10 && (flags & TreatAsUnsigned) == 0)
            {
                ThrowOverflow("an Int32");
            }
            return radix == 10 ? (int)result * sign : (int)result;
        }

        /// <summary>.NET's ParseNumbers.StringToLong with IsTight; see <see cref="StringToInt"/>.</summary>
        private static long StringToLong(string s, int radix, int flags)
        {
            int i = ParseSignAndPrefix(s, ref radix, flags, out int sign);
            int start = i;
            ulong result = 0;
            if (radix == 10 && (flags & TreatAsUnsigned) == 0)
            {
                const ulong maxVal = 0x7FFFFFFFFFFFFFFF / 10;
                while (i < s.Length && IsDigit(s[i], radix, out int digit))
                {
                    if (result > maxVal || (long)result < 0) ThrowOverflow("an Int64");
                    result = result * 10 + (ulong)digit;
                    i++;
                }
                if ((long)result < 0 && result != 0x8000000000000000) ThrowOverflow("an Int64");
            }
            else
            {
                ulong maxVal = ulong.MaxValue / (ulong)radix;
                while (i < s.Length && IsDigit(s[i], radix, out int digit))
                {
                    if (result > maxVal) ThrowOverflow("a UInt64");
                    ulong next = result * (ulong)radix + (ulong)digit;
                    if (next < result) ThrowOverflow("a UInt64");
                    result = next;
                    i++;
                }
            }
            CheckDigitsAndEnd(s, start, i);
            if (result == 0x8000000000000000 && sign == 1 && radix == 10 && (flags & TreatAsUnsigned) == 0)
                ThrowOverflow("an Int64");
            return radix == 10 ? (long)result * sign : (long)result;
        }

        /// <summary>The index of the first digit; switches <paramref name="radix"/> to 16 after "0x".</summary>
        private static int ParseSignAndPrefix(string s, ref int radix, int flags, out int sign)
        {
            int i = 0;
            // .NET passes the message as the parameter name here, so that is what it prints.
            if (s.Length == 0) throw new ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size of the collection.");
            sign = 1;
            if (s[i] == '-')
            {
                if (radix != 10) throw new ArgumentException("String cannot contain a minus sign if the base is not 10.");
                if ((flags & TreatAsUnsigned) != 0) throw new OverflowException("The string was being parsed as an unsigned number and could not have a negative sign.");
                sign = -1;
                i++;
            }
            else if (s[i] == '+')
            {
                i++;
            }
            if (radix == 16 && i + 1 < s.Length && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
            return i;
        }

        private static void CheckDigitsAndEnd(string s, int start, int end)
        {
            if (end == start) throw new FormatException("Could not find any recognizable digits.");
            if (end < s.Length) throw new FormatException("Additional non-parsable characters are at the end of the string.");
        }

        private static bool IsDigit(char c, int radix, out int value)
        {
            if ((uint)(c - '0') <= 9) value = c - '0';
            else if ((uint)(c - 'A') <= 'Z' - 'A') value = c - 'A' + 10;
            else if ((uint)(c - 'a') <= 'z' - 'a') value = c - 'a' + 10;
            else { value = -1; return false; }
            return value < radix;
        }

        private static void ThrowOverflow(string typeWithArticle) =>
            throw new OverflowException("Value was either too large or too small for " + typeWithArticle + ".");
    }
}
