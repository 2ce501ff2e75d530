namespace Testbed.Runtime
{
    /// <summary>Logarithms and the cube root.</summary>
    internal static partial class Libm
    {
        private const double Sqrt2 = 1.4142135623730951;

        /// <summary>
        /// ln x for a positive finite x, as e·ln 2 + ln m with m = x / 2^e in [√½, √2]. ln m is
        /// 2·atanh(f) with f = (m − 1)/(m + 1), |f| ≤ 0.172, whose odd series converges by a factor
        /// of 34 a term; m − 1 and m + 1 are exact, so ln m keeps its relative accuracy near 1.
        /// </summary>
        internal static DoubleDouble LogCore(double x)
        {
            int e = Exponent(x);
            double m = Ldexp(x, -e);
            if (m > Sqrt2)
            {
                m *= 0.5;
                e++;
            }
            DoubleDouble f = new DoubleDouble(m - 1) / DoubleDouble.Sum(m, 1);
            DoubleDouble series = Polynomial(InverseOdd, 23, f * f);
            DoubleDouble lnM = (f * series).Scale(2);
            if (e == 0)
                return lnM;
            // e·Ln2A and e·Ln2B are exact: |e| < 2^11 and both parts have 42 bits.
            DoubleDouble eLn2 = new DoubleDouble(e * Ln2A) + e * Ln2B;
            eLn2 = eLn2 + DoubleDouble.Product(e, Ln2C);
            return eLn2 + lnM;
        }

        /// <summary>The cases every logarithm shares; false when x is positive and finite.</summary>
        private static bool LogSpecial(double x, out double result)
        {
            result = x;
            if (x != x || x == PositiveInfinity)
                return true;
            if (x == 0)
            {
                result = -PositiveInfinity;
                return true;
            }
            if (x < 0)
            {
                result = NaN;
                return true;
            }
            return false;
        }

        internal static double Log(double x)
        {
            if (LogSpecial(x, out double special))
                return special;
            return LogCore(x).Hi;
        }

        internal static double Log10(double x)
        {
            if (LogSpecial(x, out double special))
                return special;
            return (LogCore(x) * InvLn10).Hi;
        }

        /// <summary>The exponent is added separately, so powers of two come out exact and the rest keeps full precision.</summary>
        internal static double Log2(double x)
        {
            if (LogSpecial(x, out double special))
                return special;
            int e = Exponent(x);
            double m = Ldexp(x, -e);
            if (m > Sqrt2)
            {
                m *= 0.5;
                e++;
            }
            DoubleDouble lnM = LogCore(m);
            return (lnM * InvLn2 + (double)e).Hi;
        }

        /// <summary>
        /// Newton's iteration in double to about 2^-52 on the significand scaled into [1, 8), then one
        /// step with the residual y³ − a computed in full precision, which squares the error.
        /// </summary>
        internal static double Cbrt(double x)
        {
            if (x == 0 || x != x || System.Math.Abs(x) == PositiveInfinity)
                return x;
            double ax = System.Math.Abs(x);
            int e = Exponent(ax);
            int q = e >= 0 ? e / 3 : -((-e + 2) / 3);
            int r = e - 3 * q;
            double a = Ldexp(ax, r - e);
            double y = 1.5;
            for (int i = 0; i < 7; i++)
                y = (2 * y + a / (y * y)) / 3;
            DoubleDouble cube = DoubleDouble.Product(y, y) * y;
            DoubleDouble residual = cube - a;
            DoubleDouble root = DoubleDouble.FastSum(y, -residual.Hi / (3 * y * y));
            return CopySign(Ldexp(root.Hi, q), x);
        }
    }
}
