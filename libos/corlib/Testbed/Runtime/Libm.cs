namespace Testbed.Runtime
{
    /// <summary>
    /// The transcendental functions behind Math and MathF. CoreCLR calls the C library for these, so
    /// on Linux the oracle is glibc, whose results are within about half an ulp; computing every
    /// result in double-double (≈2^-100 relative error) and rounding once gives the correctly rounded
    /// value, which is glibc's for all but a vanishing fraction of inputs (bench/results/math.md).
    /// </summary>
    /// <remarks>
    /// Every constant (π, ln 2, ln 10, the bits of 2/π, series coefficients) is computed by the
    /// static constructor from integer series (Libm.Constants.cs) rather than written out, so there
    /// is no table to get wrong. The special cases follow C99 Annex F, which is what .NET documents.
    /// </remarks>
    internal static unsafe partial class Libm
    {
        internal static ulong Bits(double x) => *(ulong*)&x;

        internal static double FromBits(ulong bits) => *(double*)&bits;

        internal static double NaN => FromBits(0xFFF8_0000_0000_0000);

        internal static double PositiveInfinity => FromBits(0x7FF0_0000_0000_0000);

        internal static double CopySign(double magnitude, double sign) =>
            FromBits((Bits(magnitude) & 0x7FFF_FFFF_FFFF_FFFF) | (Bits(sign) & 0x8000_0000_0000_0000));

        /// <summary>2^e for a normal exponent (−1022 ≤ e ≤ 1023).</summary>
        private static double Pow2(int e) => FromBits((ulong)(e + 1023) << 52);

        /// <summary>x · 2^e in two exact steps, for results that stay normal.</summary>
        internal static double Ldexp(double x, int e)
        {
            int half = e / 2;
            return x * Pow2(half) * Pow2(e - half);
        }

        /// <summary>The unbiased exponent of a finite nonzero x, subnormals included.</summary>
        internal static int Exponent(double x)
        {
            int biased = (int)((Bits(x) >> 52) & 0x7FF);
            if (biased != 0)
                return biased - 1023;
            return Exponent(x * 18014398509481984.0) - 54;
        }

        /// <summary>
        /// (m.Hi + m.Lo) · 2^k rounded once to nearest even, overflowing to ±∞ and underflowing
        /// through the subnormals. Scaling the rounded hi is exact in the normal range; below it the
        /// grid is coarser, so the rounding is redone there on the scaled pair.
        /// </summary>
        internal static double RoundScaled(DoubleDouble m, int k)
        {
            double hi = m.Hi;
            if (hi == 0)
                return hi;
            int e = Exponent(hi) + k;
            if (e > 1023)
                return CopySign(PositiveInfinity, hi);
            if (e >= -1022)
                return Ldexp(hi, k);
            if (e < -1076)
                return CopySign(0.0, hi);
            // Put the subnormal grid (multiples of 2^-1074) on the integers.
            double q = Ldexp(hi, k + 1074);
            double lo = Ldexp(m.Lo, k + 1074);
            double t = System.Math.Round(q);
            double d = q - t;
            // q is an exact tie only if d is ±1/2; then the low part decides the direction.
            if (d == 0.5 && lo > 0)
                t += 1;
            else if (d == -0.5 && lo < 0)
                t -= 1;
            return CopySign(t * 4.9406564584124654E-324, hi);
        }

        /// <summary>Whether a finite y is an integer, and if so whether it is odd.</summary>
        internal static bool IsInteger(double y, out bool odd)
        {
            odd = false;
            double ay = System.Math.Abs(y);
            if (ay >= 9007199254740992.0)
                return true;
            double t = System.Math.Floor(ay);
            if (t != ay)
                return false;
            odd = ((long)t & 1) != 0;
            return true;
        }

        /// <summary>Horner's rule over c[0] + c[1]·z + … + c[n−1]·z^(n−1), in full precision.</summary>
        private static DoubleDouble Polynomial(DoubleDouble[] c, int n, DoubleDouble z)
        {
            DoubleDouble acc = c[n - 1];
            for (int i = n - 2; i >= 0; i--)
                acc = acc * z + c[i];
            return acc;
        }
    }
}
