namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// UTF-8 bytes to a string, for the platform layers' program arguments: a small decoder of its own,
    /// so that an image whose Main takes string[] does not carry System.Text.Encoding and byte[]'s
    /// interfaces. Invalid sequences become U+FFFD, one per byte.
    /// </summary>
    internal static unsafe class Utf8Text
    {
        public static string Decode(byte* bytes, int count)
        {
            int length = Decode(bytes, count, null);
            if (length == 0)
                return "";
            // A fresh, zeroed string (the compiler's intrinsic: no argument checks to carry), filled in
            // once before anyone sees it.
            string result = System.Runtime.RuntimeIntrinsics.AllocateString(length);
            fixed (char* chars = result)
                Decode(bytes, count, chars);
            return result;
        }

        /// <summary>Counts the UTF-16 code units, and writes them when <paramref name="chars"/> is not null.</summary>
        private static int Decode(byte* bytes, int count, char* chars)
        {
            int n = 0;
            int i = 0;
            while (i < count)
            {
                int b = bytes[i];
                int need, code;
                if (b < 0x80) { need = 0; code = b; }
                else if (b >= 0xC2 && b <= 0xDF) { need = 1; code = b & 0x1F; }
                else if (b >= 0xE0 && b <= 0xEF) { need = 2; code = b & 0x0F; }
                else if (b >= 0xF0 && b <= 0xF4) { need = 3; code = b & 0x07; }
                else { need = -1; code = 0; }
                bool valid = need >= 0 && i + need < count;
                for (int k = 1; valid && k <= need; k++)
                {
                    int c = bytes[i + k];
                    if ((c & 0xC0) != 0x80)
                        valid = false;
                    else
                        code = (code << 6) | (c & 0x3F);
                }
                // Overlong three-byte forms, surrogates, and beyond U+10FFFF.
                if (valid && ((need == 2 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) || (need == 3 && (code < 0x10000 || code > 0x10FFFF))))
                    valid = false;
                if (!valid)
                {
                    if (chars != null)
                        chars[n] = '\uFFFD';
                    n++;
                    i++;
                    continue;
                }
                if (code >= 0x10000)
                {
                    if (chars != null)
                    {
                        chars[n] = (char)(0xD800 + ((code - 0x10000) >> 10));
                        chars[n + 1] = (char)(0xDC00 + ((code - 0x10000) & 0x3FF));
                    }
                    n += 2;
                }
                else
                {
                    if (chars != null)
                        chars[n] = (char)code;
                    n++;
                }
                i += need + 1;
            }
            return n;
        }
    }
}
