using System;

namespace Kv.Util
{
    /// <summary>
    /// A minimal arbitrary-precision natural number (little-endian 32-bit words, immutable), just what
    /// LongDouble needs to round exactly: shifts, add, subtract, multiply by a word, compare, long division.
    /// Sizes stay in the hundreds of bits for everyday inputs and a few thousand at the extremes of the
    /// long double range.
    /// </summary>
    internal sealed class BigNat
    {
        private readonly uint[] w;   // no leading zero words

        public static readonly BigNat Zero = new BigNat(new uint[0]);

        private BigNat(uint[] words)
        {
            int n = words.Length;
            while (n > 0 && words[n - 1] == 0) n--;
            if (n != words.Length) Array.Resize(ref words, n);
            w = words;
        }

        public static BigNat From(ulong v) => new BigNat(new[] { (uint)v, (uint)(v >> 32) });

        public bool IsZero => w.Length == 0;

        public int BitLength => w.Length == 0 ? 0 : (w.Length - 1) * 32 + (32 - LeadingZeros(w[w.Length - 1]));

        private static int LeadingZeros(uint x)
        {
            int n = 0;
            while ((x & 0x80000000u) == 0) { x <<= 1; n++; }
            return n;
        }

        public bool Bit(int i) => i >= 0 && (i >> 5) < w.Length && ((w[i >> 5] >> (i & 31)) & 1) != 0;

        /// <summary>Whether any bit below <paramref name="n"/> is set.</summary>
        public bool AnyBitBelow(int n)
        {
            for (int i = 0; i < w.Length && i * 32 < n; i++)
            {
                uint mask = n - i * 32 >= 32 ? 0xFFFFFFFFu : (1u << (n - i * 32)) - 1;
                if ((w[i] & mask) != 0) return true;
            }
            return false;
        }

        /// <summary>The low 64 bits.</summary>
        public ulong Low64 => (w.Length > 0 ? w[0] : 0) | ((ulong)(w.Length > 1 ? w[1] : 0) << 32);

        public BigNat ShiftLeft(int n)
        {
            if (IsZero || n == 0) return this;
            int words = n >> 5, bits = n & 31;
            var r = new uint[w.Length + words + 1];
            for (int i = 0; i < w.Length; i++)
            {
                ulong v = (ulong)w[i] << bits;
                r[i + words] |= (uint)v;
                r[i + words + 1] |= (uint)(v >> 32);
            }
            return new BigNat(r);
        }

        public BigNat ShiftRight(int n)
        {
            int words = n >> 5, bits = n & 31;
            if (words >= w.Length) return Zero;
            var r = new uint[w.Length - words];
            for (int i = 0; i < r.Length; i++)
            {
                ulong v = w[i + words];
                if (i + words + 1 < w.Length) v |= (ulong)w[i + words + 1] << 32;
                r[i] = (uint)(v >> bits);
            }
            return new BigNat(r);
        }

        public BigNat MultiplyAdd(uint factor, uint addend)
        {
            var r = new uint[w.Length + 1];
            ulong carry = addend;
            for (int i = 0; i < w.Length; i++)
            {
                ulong v = (ulong)w[i] * factor + carry;
                r[i] = (uint)v;
                carry = v >> 32;
            }
            r[w.Length] = (uint)carry;
            return new BigNat(r);
        }

        public static BigNat Pow10(int n)
        {
            BigNat r = From(1);
            for (; n >= 9; n -= 9) r = r.MultiplyAdd(1000000000u, 0);
            for (; n > 0; n--) r = r.MultiplyAdd(10, 0);
            return r;
        }

        public static BigNat Add(BigNat a, BigNat b)
        {
            if (a.w.Length < b.w.Length) { BigNat t = a; a = b; b = t; }
            var r = new uint[a.w.Length + 1];
            ulong carry = 0;
            for (int i = 0; i < a.w.Length; i++)
            {
                ulong v = (ulong)a.w[i] + (i < b.w.Length ? b.w[i] : 0) + carry;
                r[i] = (uint)v;
                carry = v >> 32;
            }
            r[a.w.Length] = (uint)carry;
            return new BigNat(r);
        }

        /// <summary>a - b for a ≥ b.</summary>
        public static BigNat Subtract(BigNat a, BigNat b)
        {
            var r = new uint[a.w.Length];
            long borrow = 0;
            for (int i = 0; i < a.w.Length; i++)
            {
                long v = (long)a.w[i] - (i < b.w.Length ? b.w[i] : 0) - borrow;
                borrow = v < 0 ? 1 : 0;
                r[i] = (uint)(v + (borrow << 32));
            }
            return new BigNat(r);
        }

        public static int Compare(BigNat a, BigNat b)
        {
            if (a.w.Length != b.w.Length) return a.w.Length < b.w.Length ? -1 : 1;
            for (int i = a.w.Length - 1; i >= 0; i--)
                if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
            return 0;
        }

        /// <summary>Quotient and remainder by binary long division (sizes here are small).</summary>
        public static BigNat DivRem(BigNat n, BigNat d, out BigNat remainder)
        {
            int bits = n.BitLength;
            var q = new uint[(bits + 31) / 32];
            BigNat r = Zero;
            for (int i = bits - 1; i >= 0; i--)
            {
                r = r.ShiftLeft(1);
                if (n.Bit(i)) r = Add(r, From(1));
                if (Compare(r, d) >= 0)
                {
                    r = Subtract(r, d);
                    q[i >> 5] |= 1u << (i & 31);
                }
            }
            remainder = r;
            return new BigNat(q);
        }

        public override string ToString()
        {
            if (IsZero) return "0";
            var chunks = new System.Collections.Generic.List<uint>();
            var cur = new uint[w.Length];
            Array.Copy(w, cur, w.Length);
            int len = cur.Length;
            while (len > 0)
            {
                ulong rem = 0;
                for (int i = len - 1; i >= 0; i--)
                {
                    ulong v = (rem << 32) | cur[i];
                    cur[i] = (uint)(v / 1000000000u);
                    rem = v % 1000000000u;
                }
                chunks.Add((uint)rem);
                while (len > 0 && cur[len - 1] == 0) len--;
            }
            var sb = new System.Text.StringBuilder();
            sb.Append(chunks[chunks.Count - 1]);
            for (int i = chunks.Count - 2; i >= 0; i--)
            {
                string part = chunks[i].ToString();
                sb.Append('0', 9 - part.Length).Append(part);
            }
            return sb.ToString();
        }
    }
}
