using System.Runtime;

namespace System
{
    /// <summary>Convert's byte encodings: hexadecimal and Base64, with .NET's messages for bad input.</summary>
    public static partial class Convert
    {
        private const string UpperHexDigits = "0123456789ABCDEF";
        private const string LowerHexDigits = "0123456789abcdef";
        private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        public static string ToHexString(byte[] inArray)
        {
            if (inArray == null) ThrowHelpers.ThrowArgumentNull(nameof(inArray));
            return Hex(inArray, UpperHexDigits);
        }

        public static string ToHexString(byte[] inArray, int offset, int length)
        {
            CheckRange(inArray, offset, length);
            return Hex(new ReadOnlySpan<byte>(inArray, offset, length), UpperHexDigits);
        }

        public static string ToHexString(ReadOnlySpan<byte> bytes) => Hex(bytes, UpperHexDigits);

        public static string ToHexStringLower(byte[] inArray)
        {
            if (inArray == null) ThrowHelpers.ThrowArgumentNull(nameof(inArray));
            return Hex(inArray, LowerHexDigits);
        }

        public static string ToHexStringLower(ReadOnlySpan<byte> bytes) => Hex(bytes, LowerHexDigits);

        public static byte[] FromHexString(string s)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            return FromHexString(s.AsSpan());
        }

        public static byte[] FromHexString(ReadOnlySpan<char> chars)
        {
            if (chars.Length % 2 != 0) throw new FormatException("The input is not a valid hex string as its length is not a multiple of 2.");
            byte[] result = new byte[chars.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                int high = HexValue(chars[2 * i]), low = HexValue(chars[2 * i + 1]);
                if ((high | low) < 0) throw new FormatException("The input is not a valid hex string as it contains a non-hex character.");
                result[i] = (byte)(high << 4 | low);
            }
            return result;
        }

        public static string ToBase64String(byte[] inArray)
        {
            if (inArray == null) ThrowHelpers.ThrowArgumentNull(nameof(inArray));
            return Base64(inArray);
        }

        public static string ToBase64String(byte[] inArray, int offset, int length)
        {
            CheckRange(inArray, offset, length);
            return Base64(new ReadOnlySpan<byte>(inArray, offset, length));
        }

        public static string ToBase64String(ReadOnlySpan<byte> bytes) => Base64(bytes);

        /// <summary>.NET's decoder: white space anywhere is skipped; at most two '=' and only at the end.</summary>
        public static byte[] FromBase64String(string s)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            var sextets = new byte[s.Length];
            int count = 0, padding = 0;
            foreach (char c in s)
            {
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
                if (c == '=')
                {
                    padding++;
                    continue;
                }
                int value = Base64Alphabet.IndexOf(c);
                if (value < 0 || padding > 0) throw BadBase64();
                sextets[count++] = (byte)value;
            }
            if (padding > 2 || (count + padding) % 4 != 0 || (padding > 0 && count % 4 == 1)) throw BadBase64();
            byte[] result = new byte[count * 6 / 8];
            int bits = 0, buffer = 0, written = 0;
            for (int i = 0; i < count; i++)
            {
                buffer = buffer << 6 | sextets[i];
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    result[written++] = (byte)(buffer >> bits);
                }
            }
            return result;
        }

        public static int ToInt32(string value) => value == null ? 0 : int.Parse(value);
        public static long ToInt64(string value) => value == null ? 0 : long.Parse(value);
        public static double ToDouble(string value) => value == null ? 0 : double.Parse(value);

        private static FormatException BadBase64() =>
            new FormatException("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");

        private static void CheckRange(byte[] inArray, int offset, int length)
        {
            if (inArray == null) ThrowHelpers.ThrowArgumentNull(nameof(inArray));
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Value must be positive.");
            if (offset < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(offset), "Value must be positive.");
            if (offset > inArray.Length - length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(offset), "Offset and length must refer to a position in the string.");
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        private static string Hex(ReadOnlySpan<byte> bytes, string digits)
        {
            if (bytes.Length == 0) return string.Empty;
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        private static string Base64(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length == 0) return string.Empty;
            char[] chars = new char[(bytes.Length + 2) / 3 * 4];
            int o = 0;
            for (int i = 0; i < bytes.Length; i += 3)
            {
                int remaining = bytes.Length - i;
                int group = bytes[i] << 16 | (remaining > 1 ? bytes[i + 1] << 8 : 0) | (remaining > 2 ? bytes[i + 2] : 0);
                chars[o++] = Base64Alphabet[group >> 18 & 63];
                chars[o++] = Base64Alphabet[group >> 12 & 63];
                chars[o++] = remaining > 1 ? Base64Alphabet[group >> 6 & 63] : '=';
                chars[o++] = remaining > 2 ? Base64Alphabet[group & 63] : '=';
            }
            return new string(chars);
        }
    }
}
