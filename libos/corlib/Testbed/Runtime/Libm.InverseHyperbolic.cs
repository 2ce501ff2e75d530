namespace Testbed.Runtime
{
    /// <summary>asinh, acosh, atanh: logarithms of double-double arguments that keep their accuracy near 1.</summary>
    internal static partial class Libm
    {
        // Beyond it x² + 1 and x² − 1 are x² to far more bits than a double keeps; below its inverse
        // the odd series' second term is under half an ulp of the first.
        private const double TwoTo28 = 268435456.0;

        /// <summary>ln of a positive double-double: ln hi + ln(1 + lo/hi), the second term being lo/hi to 2^-106.</summary>
        private static DoubleDouble LogCore(DoubleDouble a) => LogCore(a.Hi) + a.Lo / a.Hi;

        internal static double Asinh(double x)
        {
            double ax = System.Math.Abs(x);
            if (x != x || ax == PositiveInfinity || ax < TwoToMinus28)
                return x;
            DoubleDouble r;
            if (ax > TwoTo28)
            {
                // ln(2x) + 1/(4x²) − …; the correction only matters while x² stays finite.
                r = LogCore(ax) + Ln2;
                if (ax < 1e150)
                    r = r + 0.25 / (ax * ax);
            }
            else
            {
                DoubleDouble root = DoubleDouble.Sqrt(DoubleDouble.Product(ax, ax) + 1.0);
                r = LogCore(root + ax);
            }
            return CopySign(r.Hi, x);
        }

        internal static double Acosh(double x)
        {
            if (x != x || x < 1)
                return x != x ? x : NaN;
            if (x == PositiveInfinity)
                return x;
            DoubleDouble r;
            if (x > TwoTo28)
            {
                r = LogCore(x) + Ln2;
                if (x < 1e150)
                    r = r - 0.25 / (x * x);
            }
            else
            {
                // x² − 1 is exact in double-double: the product is, and subtracting 1 from its high part is.
                DoubleDouble root = DoubleDouble.Sqrt(DoubleDouble.Product(x, x) - 1.0);
                r = LogCore(root + x);
            }
            return r.Hi;
        }

        internal static double Atanh(double x)
        {
            double ax = System.Math.Abs(x);
            if (x != x || ax < TwoToMinus28)
                return x;
            if (ax > 1)
                return NaN;
            if (ax == 1)
                return CopySign(PositiveInfinity, x);
            // ½ ln((1 + x)/(1 − x)); both sums are exact in double-double.
            DoubleDouble quotient = DoubleDouble.Sum(1, ax) / DoubleDouble.Sum(1, -ax);
            return CopySign(LogCore(quotient).Hi * 0.5, x);
        }

        /// <summary>x · 2^n rounded once: overflow to ±∞, gradual underflow through the subnormals.</summary>
        internal static double ScaleB(double x, int n)
        {
            if (x != x || x == 0 || System.Math.Abs(x) == PositiveInfinity)
                return x;
            // Any scale beyond ±2200 takes every finite double past the ends of the range.
            if (n > 2200) n = 2200;
            if (n < -2200) n = -2200;
            return RoundScaled(new DoubleDouble(x), n);
        }

        /// <summary>The unbiased binary exponent; .NET's values for zero (int.MinValue), NaN and infinity (int.MaxValue).</summary>
        internal static int ILogB(double x)
        {
            if (x != x || System.Math.Abs(x) == PositiveInfinity)
                return int.MaxValue;
            if (x == 0)
                return int.MinValue;
            return Exponent(x);
        }
    }
}
