namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>Diagnostics on standard error without allocating (drivers report here what they skip and why).</summary>
    public static unsafe class Report
    {
        /// <summary>ASCII text (string literals).</summary>
        public static void Text(string text)
        {
            byte* bytes = stackalloc byte[64];
            int start = 0;
            while (start < text.Length)
            {
                int count = 0;
                while (count < 64 && start + count < text.Length)
                {
                    bytes[count] = (byte)text[start + count];
                    count++;
                }
                PvhPlatform.Write(2, bytes, count);
                start += count;
            }
        }

        public static void Hex(ulong value)
        {
            byte* digits = stackalloc byte[18];
            int count = 0;
            do
            {
                int nibble = (int)(value & 0xF);
                digits[17 - count] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
                value >>= 4;
                count++;
            }
            while (value != 0);
            digits[17 - count] = (byte)'x';
            digits[16 - count] = (byte)'0';
            PvhPlatform.Write(2, digits + 16 - count, count + 2);
        }

        public static void Decimal(ulong value)
        {
            byte* digits = stackalloc byte[20];
            int count = 0;
            do
            {
                digits[19 - count] = (byte)('0' + (int)(value % 10));
                value /= 10;
                count++;
            }
            while (value != 0);
            PvhPlatform.Write(2, digits + 20 - count, count);
        }

        public static void Line(string text)
        {
            Text(text);
            Text("\n");
        }
    }
}
