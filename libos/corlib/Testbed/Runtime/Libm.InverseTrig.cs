namespace Testbed.Runtime
{
    /// <summary>atan, atan2, asin and acos, all through one arctangent kernel.</summary>
    internal static partial class Libm
    {

        /// <summary>
        /// atan t for 0 ≤ t ≤ 1. Three halvings, atan t = 2·atan(t / (1 + √(1 + t²))), bring t below
        /// tan(π/32) ≈ 0.098, where the alternating series gains a factor of 100 a term.
        /// </summary>
        private static DoubleDouble AtanSmall(DoubleDouble t)
        {
            for (int i = 0; i < 3; i++)
                t = t / (DoubleDouble.Sqrt(t * t + 1.0) + 1.0);
            DoubleDouble series = Polynomial(AtanSeries, 18, t * t);
            return (series * t).Scale(8);
        }

        /// <summary>atan t for t ≥ 0 (not beyond 2^60): the complement π/2 − atan(1/t) above 1.</summary>
        private static DoubleDouble AtanCore(DoubleDouble t)
        {
            if (t.Hi <= 1)
                return AtanSmall(t);
            return HalfPi - AtanSmall(new DoubleDouble(1) / t);
        }

        internal static double Atan(double x)
        {
            double ax = System.Math.Abs(x);
            if (!(ax >= TwoToMinus28))
                return x;
            // Past 2^60, π/2 − atan x < 2^-60: far less than the half ulp between RN(π/2) and π/2's neighbours.
            if (ax > 1.152921504606846976E18)
                return CopySign(HalfPi.Hi, x);
            return CopySign(AtanCore(new DoubleDouble(ax)).Hi, x);
        }

        /// <summary>C99's atan2: signed zeros and infinities pick the quadrant's edge; otherwise atan of the smaller over the larger ratio.</summary>
        internal static double Atan2(double y, double x)
        {
            if (x != x || y != y)
                return x + y;
            double ax = System.Math.Abs(x);
            double ay = System.Math.Abs(y);
            bool xNegative = (Bits(x) >> 63) != 0;
            if (y == 0)
                return xNegative ? CopySign(Pi.Hi, y) : y;
            if (x == 0)
                return CopySign(HalfPi.Hi, y);
            if (ay == PositiveInfinity)
            {
                if (ax == PositiveInfinity)
                    return CopySign(xNegative ? (Pi * 0.75).Hi : QuarterPi.Hi, y);
                return CopySign(HalfPi.Hi, y);
            }
            if (ax == PositiveInfinity)
                return xNegative ? CopySign(Pi.Hi, y) : CopySign(0.0, y);

            int ex = Exponent(ax);
            int ey = Exponent(ay);
            if (ey - ex > 60)
                return CopySign(HalfPi.Hi, y);
            if (ex - ey > 60)
            {
                // atan q = q·(1 − q²/3 …) with q² < 2^-118: the rounded quotient is the rounded arctangent.
                return xNegative ? CopySign(Pi.Hi, y) : y / x;
            }
            // Scaling both by one power of two is exact and keeps Dekker's products in range.
            int scale = -System.Math.Max(ex, ey);
            DoubleDouble sx = new DoubleDouble(Ldexp(ax, scale));
            DoubleDouble sy = new DoubleDouble(Ldexp(ay, scale));
            DoubleDouble a = ay <= ax ? AtanSmall(sy / sx) : HalfPi - AtanSmall(sx / sy);
            if (xNegative)
                a = Pi - a;
            return CopySign(a.Hi, y);
        }

        /// <summary>asin x = atan(x / √((1 − x)(1 + x))), both factors exact.</summary>
        internal static double Asin(double x)
        {
            double ax = System.Math.Abs(x);
            if (!(ax >= TwoToMinus28))
                return x;
            if (ax > 1)
                return NaN;
            if (ax == 1)
                return CopySign(HalfPi.Hi, x);
            DoubleDouble d = DoubleDouble.Sqrt(DoubleDouble.Sum(1, -ax) * DoubleDouble.Sum(1, ax));
            DoubleDouble n = new DoubleDouble(ax);
            DoubleDouble a = ax <= d.Hi ? AtanSmall(n / d) : HalfPi - AtanSmall(d / n);
            return CopySign(a.Hi, x);
        }

        /// <summary>acos x = 2·atan √((1 − x)/(1 + x)): accurate at both ends, where acos x is small and near π.</summary>
        internal static double Acos(double x)
        {
            if (x != x)
                return x;
            if (System.Math.Abs(x) > 1)
                return NaN;
            if (x == 1)
                return 0;
            if (x == -1)
                return Pi.Hi;
            DoubleDouble t = DoubleDouble.Sqrt(DoubleDouble.Sum(1, -x) / DoubleDouble.Sum(1, x));
            return AtanCore(t).Scale(2).Hi;
        }
    }
}
