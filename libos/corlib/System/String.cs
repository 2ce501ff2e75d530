using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Immutable UTF-16 text. The two fields and their order are fixed by the runtime contract: the
    /// compiler lays out literals and <see cref="RuntimeIntrinsics.AllocateString"/> results the same way.
    /// Comparisons are ordinal; nothing here is culture-sensitive.
    /// </summary>
    public sealed unsafe partial class String : IComparable, IComparable<string>, IEquatable<string>, System.Collections.Generic.IEnumerable<char>
    {
        // Written only by the compiler (literals) and by AllocateString.
#pragma warning disable CS0649
        private int _stringLength;
#pragma warning restore CS0649
        private char _firstChar;

        // .NET has a static readonly field; a property needs no static constructor and reads the same.
        public static string Empty => "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength)
                    ThrowHelpers.ThrowIndexOutOfRange();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        public static bool IsNullOrEmpty(string value) => value == null || value._stringLength == 0;

        public bool Equals(string value) => EqualsCore(this, value);

        public static bool Equals(string a, string b) => EqualsCore(a, b);

        public static bool operator ==(string a, string b) => EqualsCore(a, b);

        public static bool operator !=(string a, string b) => !EqualsCore(a, b);

        public override bool Equals(object obj)
        {
            if ((object)this == obj)
                return true;
            // String is sealed, so "obj is a string" means "obj has String's type descriptor"; comparing
            // descriptors keeps this inside what the compiler supports before it has type checks.
            if (obj == null || RuntimeHelpers.GetTypeDescriptor(obj) != RuntimeHelpers.GetTypeDescriptor(this))
                return false;
            return EqualsCore(this, Unsafe.As<object, string>(ref obj));
        }

        /// <summary>
        /// FNV-1a over the UTF-16 code units. .NET randomises string hashes per process, so no program
        /// can depend on the values; only equal strings having equal hashes matters.
        /// </summary>
        /// <summary>
        /// Eight bytes (four chars) per step, where a char-at-a-time hash waits for one multiplication
        /// per char: dictionary keys are hashed on every lookup. For one length, each step is a
        /// bijection of the state given the word and of the word given the state, so strings that
        /// differ in one word always differ before the final mix; the mix folds the high half, where
        /// a multiplication carries its differences, into the 32 bits returned. Like .NET's values,
        /// these are not stable across runtimes and no program may rely on them.
        /// </summary>
        public override int GetHashCode()
        {
            const ulong Odd = 0x9E3779B97F4A7C15;
            ulong hash = 0xCBF29CE484222325 ^ (ulong)_stringLength;
            byte* p = (byte*)GetCharPointer();
            nuint bytes = (nuint)_stringLength * sizeof(char);
            for (; bytes >= 8; bytes -= 8, p += 8)
                hash = (hash ^ *(ulong*)p) * Odd;
            if (bytes >= 4)
            {
                hash = (hash ^ *(uint*)p) * Odd;
                p += 4;
                bytes -= 4;
            }
            if (bytes != 0)
                hash = (hash ^ *(ushort*)p) * Odd;
            hash ^= hash >> 32;
            hash *= 0xD6E8FEB86659FD93;
            hash ^= hash >> 32;
            return (int)hash;
        }

        /// <summary>
        /// Ordinal: with invariant globalization (the only culture here) .NET's culture-sensitive
        /// comparison is ordinal too, and returns the difference of the first differing chars or lengths.
        /// </summary>
        public int CompareTo(string strB) => CompareCulture(this, strB);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is string other) return CompareCulture(this, other);
            throw new ArgumentException("Object must be of type String.");
        }

        public static int Compare(string strA, string strB) => CompareCulture(strA, strB);

        /// <summary>What CompareInfo answers under invariant globalization: a plain ordinal difference.</summary>
        private static int CompareCulture(string strA, string strB)
        {
            if ((object)strA == strB) return 0;
            if (strA == null) return -1;
            if (strB == null) return 1;
            return CompareOrdinalRanges(strA.GetCharPointer(), strA._stringLength, strB.GetCharPointer(), strB._stringLength);
        }

        /// <summary>
        /// .NET's CompareOrdinal compares the first two chars and then two at a time, relying on the
        /// terminating NUL (and, for an empty string, the zeroed padding after it): when one string is a
        /// prefix of the other, the first min(lengths) chars rounded up to an even count, at least two,
        /// are compared, so "ab" vs "a" is 'b' - 0 = 98 where "abc" vs "ab" is the length difference 1.
        /// </summary>
        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == strB) return 0;
            if (strA == null) return -1;
            if (strB == null) return 1;
            int lengthA = strA._stringLength, lengthB = strB._stringLength;
            int n = lengthA < lengthB ? lengthA : lengthB;
            int compared = n < 2 ? 2 : n + (n & 1);
            char* a = strA.GetCharPointer();
            char* b = strB.GetCharPointer();
            for (int i = 0; i < compared; i++)
            {
                int x = i < lengthA ? a[i] : 0, y = i < lengthB ? b[i] : 0;
                if (x != y) return x - y;
            }
            return lengthA - lengthB;
        }

        public override string ToString() => this;

        public bool Contains(char value) => IndexOf(value) >= 0;

        public int IndexOf(char value) => IndexOfCore(value, 0);

        public int IndexOf(char value, int startIndex)
        {
            if ((uint)startIndex > (uint)_stringLength)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            return IndexOfCore(value, startIndex);
        }

        public string Substring(int startIndex)
        {
            if (startIndex < 0)
                ThrowHelpers.ThrowNegativeArgument(nameof(startIndex), startIndex);
            if (startIndex > _stringLength)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "startIndex cannot be larger than length of string.");
            if (startIndex == 0)
                return this;
            return CreateFromChars(GetCharPointer() + startIndex, _stringLength - startIndex);
        }

        public string Substring(int startIndex, int length)
        {
            // The checks run in the order .NET reports them, so the first failure names the same argument.
            if (startIndex < 0)
                ThrowHelpers.ThrowNegativeArgument(nameof(startIndex), startIndex);
            if (startIndex > _stringLength)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "startIndex cannot be larger than length of string.");
            if (length < 0)
                ThrowHelpers.ThrowNegativeArgument(nameof(length), length);
            if (startIndex > _stringLength - length)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Index and length must refer to a location within the string.");
            if (length == _stringLength)
                return this;
            return CreateFromChars(GetCharPointer() + startIndex, length);
        }

        public CharEnumerator GetEnumerator() => new CharEnumerator(this);

        System.Collections.Generic.IEnumerator<char> System.Collections.Generic.IEnumerable<char>.GetEnumerator() => new CharEnumerator(this);

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => new CharEnumerator(this);

        public static implicit operator ReadOnlySpan<char>(string value) =>
            value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

        /// <summary>What <c>fixed (char* p = s)</c> pins: the first character, or the terminator of "".</summary>
        public ref readonly char GetPinnableReference() => ref _firstChar;

        internal ref char GetRawStringData() => ref _firstChar;

        /// <summary>A string from NUL-terminated UTF-8 of the runtime (type and method names); bytes above 0x7F become U+FFFD.</summary>
        internal static string FromUtf8Ascii(byte* text)
        {
            int length = 0;
            while (text[length] != 0) length++;
            string result = System.Runtime.RuntimeIntrinsics.AllocateString(length);
            char* chars = result.GetCharPointer();
            for (int i = 0; i < length; i++) chars[i] = text[i] < 0x80 ? (char)text[i] : '\uFFFD';
            return result;
        }

        internal char* GetCharPointer() => (char*)Unsafe.AsPointer(ref _firstChar);

        internal static string CreateFromChars(char* chars, int length)
        {
            if (length == 0)
                return Empty;
            string result = RuntimeIntrinsics.AllocateString(length);
            Memory.Copy(result.GetCharPointer(), chars, (nuint)length * sizeof(char));
            return result;
        }

        internal static string CreateFromChar(char c)
        {
            string result = RuntimeIntrinsics.AllocateString(1);
            result._firstChar = c;
            return result;
        }

        private static bool EqualsCore(string a, string b)
        {
            if ((object)a == b)
                return true;
            if (a == null || b == null || a._stringLength != b._stringLength)
                return false;
            return Memory.CompareForEquality(a.GetCharPointer(), b.GetCharPointer(), (nuint)a._stringLength * sizeof(char)) == 0;
        }

        private int IndexOfCore(char value, int startIndex)
        {
            int found = SpanHelpers.IndexOfChar(GetCharPointer() + startIndex, _stringLength - startIndex, value);
            return found < 0 ? -1 : startIndex + found;
        }
    }
}
