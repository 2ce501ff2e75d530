namespace Testbed.Runtime
{
    /// <summary>
    /// The constants of <see cref="Libm"/>, derived at start-up instead of being transcribed: π from
    /// Machin's formula, ln 2 and ln 10 from atanh series, all in 1504-bit fixed point where only
    /// divisions by small integers are needed; 2/π then by binary long division. The cost is a few
    /// hundred thousand word operations, once.
    /// </summary>
    internal static partial class Libm
    {
        // Fixed point: Limbs little-endian 32-bit words, the top one the integer part.
        private const int Limbs = 48;
        private const int FractionLimbs = Limbs - 1;

        /// <summary>Bits of 2/π after the binary point, most significant first: word j holds bits 32j+1 … 32j+32.</summary>
        internal static readonly uint[] TwoOverPiBits;

        /// <summary>ln 2 as three doubles whose exact sum carries about 159 bits; the first two have trailing zeros to spare.</summary>
        internal static readonly double Ln2A, Ln2B, Ln2C;

        internal static readonly DoubleDouble Ln2, InvLn2, InvLn10, Pi, HalfPi, QuarterPi;

        /// <summary>1/n! for n = 0 … 33.</summary>
        internal static readonly DoubleDouble[] InverseFactorial;

        /// <summary>1/(2k+1) for k = 0 … 31.</summary>
        internal static readonly DoubleDouble[] InverseOdd;

        /// <summary>(−1)^k/(2k+1), the arctangent series.</summary>
        internal static readonly DoubleDouble[] AtanSeries;

        /// <summary>1/(2k+1)! and 1/(2k)!: sinh and cosh (and, at −z, sin and cos) as series in z = x².</summary>
        internal static readonly DoubleDouble[] OddFactorialSeries, EvenFactorialSeries;

        static Libm()
        {
            uint[] pi = new uint[Limbs];
            AddArctanInverse(pi, 5, 16, false);
            AddArctanInverse(pi, 239, 4, true);

            uint[] ln2 = new uint[Limbs];
            AddAtanhInverse(ln2, 3, 2);
            uint[] ln10 = new uint[Limbs];
            AddAtanhInverse(ln10, 9, 2);
            uint[] ln2Copy = Copy(ln2);
            for (int i = 0; i < 3; i++)
                Add(ln10, ln2Copy);

            TwoOverPiBits = Reciprocal(pi, 2, 44);

            Ln2A = TakeLeading(ln2, 42);
            Ln2B = TakeLeading(ln2, 42);
            Ln2C = TakeLeading(ln2, 53);
            Ln2 = DoubleDouble.FastSum(Ln2A, Ln2B) + Ln2C;
            InvLn2 = new DoubleDouble(1) / Ln2;
            InvLn10 = new DoubleDouble(1) / ToDoubleDouble(ln10);
            Pi = ToDoubleDouble(pi);
            HalfPi = Pi.Scale(0.5);
            QuarterPi = Pi.Scale(0.25);

            InverseFactorial = new DoubleDouble[34];
            InverseFactorial[0] = new DoubleDouble(1);
            for (int n = 1; n < InverseFactorial.Length; n++)
                InverseFactorial[n] = InverseFactorial[n - 1] / new DoubleDouble(n);

            InverseOdd = new DoubleDouble[32];
            AtanSeries = new DoubleDouble[32];
            for (int k = 0; k < InverseOdd.Length; k++)
            {
                InverseOdd[k] = new DoubleDouble(1) / new DoubleDouble(2 * k + 1);
                AtanSeries[k] = (k & 1) == 0 ? InverseOdd[k] : -InverseOdd[k];
            }

            OddFactorialSeries = new DoubleDouble[16];
            EvenFactorialSeries = new DoubleDouble[17];
            for (int k = 0; k < OddFactorialSeries.Length; k++)
                OddFactorialSeries[k] = InverseFactorial[2 * k + 1];
            for (int k = 0; k < EvenFactorialSeries.Length; k++)
                EvenFactorialSeries[k] = InverseFactorial[2 * k];
        }

        /// <summary>target ± scale·atan(1/n), from atan(1/n) = Σ (−1)^k / ((2k+1)·n^(2k+1)).</summary>
        private static void AddArctanInverse(uint[] target, uint n, uint scale, bool subtract)
        {
            uint[] power = new uint[Limbs];
            power[FractionLimbs] = scale;
            DivideSmall(power, n);
            for (uint k = 0; !IsZero(power); k++)
            {
                uint[] term = Copy(power);
                DivideSmall(term, 2 * k + 1);
                if (((k & 1) != 0) != subtract)
                    Subtract(target, term);
                else
                    Add(target, term);
                DivideSmall(power, n * n);
            }
        }

        /// <summary>target + scale·atanh(1/n), from atanh(1/n) = Σ 1/((2k+1)·n^(2k+1)).</summary>
        private static void AddAtanhInverse(uint[] target, uint n, uint scale)
        {
            uint[] power = new uint[Limbs];
            power[FractionLimbs] = scale;
            DivideSmall(power, n);
            for (uint k = 0; !IsZero(power); k++)
            {
                uint[] term = Copy(power);
                DivideSmall(term, 2 * k + 1);
                Add(target, term);
                DivideSmall(power, n * n);
            }
        }

        /// <summary>The first 32·words fraction bits of numerator/d, for 0 &lt; numerator &lt; d, by restoring division.</summary>
        private static uint[] Reciprocal(uint[] d, uint numerator, int words)
        {
            uint[] remainder = new uint[Limbs];
            remainder[FractionLimbs] = numerator;
            uint[] bits = new uint[words];
            for (int i = 0; i < words * 32; i++)
            {
                Add(remainder, remainder);
                if (Compare(remainder, d) >= 0)
                {
                    Subtract(remainder, d);
                    bits[i >> 5] |= 0x8000_0000u >> (i & 31);
                }
            }
            return bits;
        }

        private static uint[] Copy(uint[] a)
        {
            uint[] c = new uint[a.Length];
            for (int i = 0; i < a.Length; i++)
                c[i] = a[i];
            return c;
        }

        private static bool IsZero(uint[] a)
        {
            for (int i = 0; i < a.Length; i++)
                if (a[i] != 0)
                    return false;
            return true;
        }

        private static int Compare(uint[] a, uint[] b)
        {
            for (int i = Limbs - 1; i >= 0; i--)
                if (a[i] != b[i])
                    return a[i] < b[i] ? -1 : 1;
            return 0;
        }

        private static void DivideSmall(uint[] a, uint d)
        {
            ulong remainder = 0;
            for (int i = Limbs - 1; i >= 0; i--)
            {
                ulong current = (remainder << 32) | a[i];
                a[i] = (uint)(current / d);
                remainder = current % d;
            }
        }

        private static void Add(uint[] a, uint[] b)
        {
            ulong carry = 0;
            for (int i = 0; i < Limbs; i++)
            {
                ulong s = (ulong)a[i] + b[i] + carry;
                a[i] = (uint)s;
                carry = s >> 32;
            }
        }

        private static void Subtract(uint[] a, uint[] b)
        {
            long borrow = 0;
            for (int i = 0; i < Limbs; i++)
            {
                long s = (long)a[i] - b[i] - borrow;
                a[i] = (uint)s;
                borrow = s < 0 ? 1 : 0;
            }
        }

        /// <summary>
        /// Removes the leading <paramref name="count"/> bits of a positive fixed-point number and
        /// returns them as a double (exact: count ≤ 53). Truncating leaves the rest for the next part.
        /// </summary>
        private static double TakeLeading(uint[] a, int count)
        {
            int top = Limbs * 32 - 1;
            while (top >= 0 && (a[top >> 5] & (1u << (top & 31))) == 0)
                top--;
            if (top < 0)
                return 0;
            ulong m = 0;
            for (int i = 0; i < count; i++)
            {
                int p = top - i;
                m <<= 1;
                if (p >= 0 && (a[p >> 5] & (1u << (p & 31))) != 0)
                {
                    m |= 1;
                    a[p >> 5] &= ~(1u << (p & 31));
                }
            }
            // The last bit taken has weight 2^(top − count + 1 − 32·FractionLimbs).
            return Ldexp(m, top - count + 1 - 32 * FractionLimbs);
        }

        private static DoubleDouble ToDoubleDouble(uint[] value)
        {
            uint[] a = Copy(value);
            double hi = TakeLeading(a, 53);
            double mid = TakeLeading(a, 53);
            double lo = TakeLeading(a, 53);
            return DoubleDouble.FastSum(hi, mid) + lo;
        }
    }
}
