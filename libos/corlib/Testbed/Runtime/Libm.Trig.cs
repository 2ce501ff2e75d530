namespace Testbed.Runtime
{
    /// <summary>sin, cos and tan: Payne–Hanek reduction for every argument beyond π/4, then Taylor series.</summary>
    internal static partial class Libm
    {
        private const double TwoToMinus27 = 7.4505805969238281E-09;
        private const double QuarterPiBelow = 0.78539816339744828;
        private const int WindowWords = 10;

        /// <summary>
        /// x − q·π/2 for a finite x ≥ π/4, with the quadrant q mod 4. x = M·2^E with a 53-bit integer
        /// M; the bits of 2/π worth more than 4/(M·2^E) only add multiples of 4 to x·2/π and are
        /// skipped, and a 320-bit window of the rest gives the fraction to about 2^-230, far below
        /// the 2^-62 that the closest double to a multiple of π/2 leaves.
        /// </summary>
        private static DoubleDouble Reduce(double x, out int quadrant)
        {
            ulong bits = Bits(x);
            ulong significand = (bits & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000;
            int exponent = (int)(bits >> 52) - 1075;
            int firstWord = exponent > 2 ? (exponent - 2) / 32 : 0;

            // product = significand · window, little-endian words.
            uint[] product = new uint[WindowWords + 2];
            uint mLo = (uint)significand;
            uint mHi = (uint)(significand >> 32);
            for (int i = 0; i < WindowWords; i++)
            {
                ulong w = TwoOverPiBits[firstWord + WindowWords - 1 - i];
                ulong carry = 0;
                ulong t = product[i] + w * mLo;
                product[i] = (uint)t;
                carry = t >> 32;
                t = product[i + 1] + w * mHi + carry;
                product[i + 1] = (uint)t;
                product[i + 2] = (uint)(t >> 32);
            }
            // The product has `point` fraction bits: x·2/π ≡ product · 2^-point (mod 4).
            int point = 32 * firstWord + 32 * WindowWords - exponent;
            quadrant = (GetBit(product, point + 1) << 1) | GetBit(product, point);
            bool negative = GetBit(product, point - 1) != 0;
            if (negative)
            {
                // The fraction is at least 1/2: take fraction − 1 instead, as the two's complement.
                quadrant++;
                ulong borrow = 1;
                for (int i = 0; i < product.Length; i++)
                {
                    ulong v = (ulong)(uint)~product[i] + borrow;
                    product[i] = (uint)v;
                    borrow = v >> 32;
                }
            }
            int top = point - 1;
            while (top >= 0 && GetBit(product, top) == 0)
                top--;
            if (top < 0)
            {
                quadrant &= 3;
                return new DoubleDouble(0);
            }
            double c1 = TakeBits(product, top, point);
            double c2 = TakeBits(product, top - 53, point);
            double c3 = TakeBits(product, top - 106, point);
            DoubleDouble f = DoubleDouble.FastSum(c1, c2) + c3;
            quadrant &= 3;
            DoubleDouble r = f * HalfPi;
            return negative ? -r : r;
        }

        private static int GetBit(uint[] a, int i) => i < 0 ? 0 : (int)((a[i >> 5] >> (i & 31)) & 1);

        /// <summary>Bits top … top−52 of a fixed-point value with <paramref name="point"/> fraction bits, as an exact double.</summary>
        private static double TakeBits(uint[] a, int top, int point)
        {
            ulong m = 0;
            for (int i = 0; i < 53; i++)
                m = (m << 1) | (ulong)GetBit(a, top - i);
            return Ldexp(m, top - 52 - point);
        }

        /// <summary>sin r for |r| ≤ π/4: r · Σ (−r²)^k/(2k+1)!, sixteen terms for 2^-110.</summary>
        private static DoubleDouble SinKernel(DoubleDouble r) =>
            Polynomial(OddFactorialSeries, OddFactorialSeries.Length, -(r * r)) * r;

        private static DoubleDouble CosKernel(DoubleDouble r) =>
            Polynomial(EvenFactorialSeries, EvenFactorialSeries.Length, -(r * r));

        /// <summary>The reduced argument and quadrant of |x|, for a finite x.</summary>
        private static DoubleDouble ReduceAbs(double ax, out int quadrant)
        {
            if (ax <= QuarterPiBelow)
            {
                quadrant = 0;
                return new DoubleDouble(ax);
            }
            return Reduce(ax, out quadrant);
        }

        internal static double Sin(double x)
        {
            double ax = System.Math.Abs(x);
            if (ax < TwoToMinus27)
                return x;
            if (!(ax < PositiveInfinity))
                return x - x;
            DoubleDouble r = ReduceAbs(ax, out int quadrant);
            DoubleDouble v = (quadrant & 1) == 0 ? SinKernel(r) : CosKernel(r);
            double result = quadrant >= 2 ? -v.Hi : v.Hi;
            return x < 0 ? -result : result;
        }

        internal static double Cos(double x)
        {
            double ax = System.Math.Abs(x);
            if (ax < TwoToMinus27)
                return 1;
            if (!(ax < PositiveInfinity))
                return x - x;
            DoubleDouble r = ReduceAbs(ax, out int quadrant);
            DoubleDouble v = (quadrant & 1) == 0 ? CosKernel(r) : SinKernel(r);
            return quadrant == 1 || quadrant == 2 ? -v.Hi : v.Hi;
        }

        internal static double Tan(double x)
        {
            double ax = System.Math.Abs(x);
            if (ax < TwoToMinus27)
                return x;
            if (!(ax < PositiveInfinity))
                return x - x;
            DoubleDouble r = ReduceAbs(ax, out int quadrant);
            DoubleDouble s = SinKernel(r);
            DoubleDouble c = CosKernel(r);
            double result = (quadrant & 1) == 0 ? (s / c).Hi : -(c / s).Hi;
            return x < 0 ? -result : result;
        }
    }
}
