using System.Numerics;
using System.Runtime;

namespace System
{
    /// <summary>
    /// The vectorised searches (docs/corlib.md, "Vectorised searches"): 16 bytes per step while at
    /// least 16 remain, then one more step over the last 16, which overlaps lanes already found not
    /// to match, so a set bit there is still the first match. Shorter inputs go element by element.
    /// Nothing is read before the start or past the end: the end of an object may be the end of
    /// mapped memory.
    /// </summary>
    internal static unsafe partial class SpanHelpers
    {
        internal static int IndexOfByte(byte* p, int length, byte value)
        {
            if (length < 16)
            {
                for (int k = 0; k < length; k++)
                    if (p[k] == value) return k;
                return -1;
            }
            int i = 0;
            for (; i <= length - 16; i += 16)
            {
                int mask = Simd.MatchBytes16(p + i, value);
                if (mask != 0) return i + BitOperations.TrailingZeroCount(mask);
            }
            if (i == length) return -1;
            int last = Simd.MatchBytes16(p + length - 16, value);
            return last != 0 ? length - 16 + BitOperations.TrailingZeroCount(last) : -1;
        }

        internal static int IndexOfAnyByte(byte* p, int length, byte value0, byte value1, byte value2)
        {
            if (length < 16)
            {
                for (int k = 0; k < length; k++)
                    if (p[k] == value0 || p[k] == value1 || p[k] == value2) return k;
                return -1;
            }
            int i = 0;
            for (; i <= length - 16; i += 16)
            {
                int mask = Simd.MatchBytes16(p + i, value0) | Simd.MatchBytes16(p + i, value1) | Simd.MatchBytes16(p + i, value2);
                if (mask != 0) return i + BitOperations.TrailingZeroCount(mask);
            }
            if (i == length) return -1;
            byte* tail = p + length - 16;
            int last = Simd.MatchBytes16(tail, value0) | Simd.MatchBytes16(tail, value1) | Simd.MatchBytes16(tail, value2);
            return last != 0 ? length - 16 + BitOperations.TrailingZeroCount(last) : -1;
        }

        internal static int IndexOfChar(char* p, int length, char value)
        {
            if (length < 8)
            {
                for (int k = 0; k < length; k++)
                    if (p[k] == value) return k;
                return -1;
            }
            int i = 0;
            for (; i <= length - 8; i += 8)
            {
                int mask = Simd.MatchChars8(p + i, value);
                if (mask != 0) return i + BitOperations.TrailingZeroCount(mask);
            }
            if (i == length) return -1;
            int last = Simd.MatchChars8(p + length - 8, value);
            return last != 0 ? length - 8 + BitOperations.TrailingZeroCount(last) : -1;
        }

        internal static int IndexOfAnyChar(char* p, int length, char value0, char value1, char value2)
        {
            if (length < 8)
            {
                for (int k = 0; k < length; k++)
                    if (p[k] == value0 || p[k] == value1 || p[k] == value2) return k;
                return -1;
            }
            int i = 0;
            for (; i <= length - 8; i += 8)
            {
                int mask = Simd.MatchChars8(p + i, value0) | Simd.MatchChars8(p + i, value1) | Simd.MatchChars8(p + i, value2);
                if (mask != 0) return i + BitOperations.TrailingZeroCount(mask);
            }
            if (i == length) return -1;
            char* tail = p + length - 8;
            int last = Simd.MatchChars8(tail, value0) | Simd.MatchChars8(tail, value1) | Simd.MatchChars8(tail, value2);
            return last != 0 ? length - 8 + BitOperations.TrailingZeroCount(last) : -1;
        }

        internal static int LastIndexOfByte(byte* p, int length, byte value)
        {
            int i = length;
            for (; i >= 16; i -= 16)
            {
                int mask = Simd.MatchBytes16(p + i - 16, value);
                if (mask != 0) return i - 16 + 31 - BitOperations.LeadingZeroCount((uint)mask);
            }
            while (--i >= 0)
                if (p[i] == value) return i;
            return -1;
        }

        internal static int LastIndexOfChar(char* p, int length, char value)
        {
            int i = length;
            for (; i >= 8; i -= 8)
            {
                int mask = Simd.MatchChars8(p + i - 8, value);
                if (mask != 0) return i - 8 + 31 - BitOperations.LeadingZeroCount((uint)mask);
            }
            while (--i >= 0)
                if (p[i] == value) return i;
            return -1;
        }
    }
}
