namespace Testbed.Runtime
{
    /// <summary>The exponential family: exp, pow and the hyperbolic functions.</summary>
    internal static partial class Libm
    {
        private const double TwoToMinus28 = 3.7252902984619141E-09;

        /// <summary>
        /// exp(a) = m · 2^k with m in about [0.7, 1.42], for |a.Hi| below about 1500. The exponent is
        /// kept apart so that callers scale (and round) once, even where exp itself would overflow.
        /// </summary>
        /// <remarks>
        /// a − k·ln 2 is exact enough because the first two parts of ln 2 have 42 bits, so k·Ln2A and
        /// k·Ln2B are exact. The rest, r, is divided by 2^8 so that a short Taylor series of expm1
        /// suffices; squaring back in the form e ← e·(e + 2) keeps the relative error of expm1, where
        /// squaring 1 + e would lose the low bits of e against the 1.
        /// </remarks>
        internal static DoubleDouble ExpCore(DoubleDouble a, out int k)
        {
            k = (int)System.Math.Round(a.Hi * InvLn2.Hi);
            DoubleDouble r = a + new DoubleDouble(-k * Ln2A);
            r = r + (-k * Ln2B);
            r = r - DoubleDouble.Product(k, Ln2C);
            r = r.Scale(1.0 / 256);
            // expm1(r) = r · Σ r^n/(n+1)!; |r| < 0.00136, so eleven terms leave less than 2^-115.
            const int Terms = 11;
            DoubleDouble acc = InverseFactorial[Terms];
            for (int n = Terms - 1; n >= 1; n--)
                acc = acc * r + InverseFactorial[n];
            DoubleDouble e = acc * r;
            for (int i = 0; i < 8; i++)
                e = e * (e + 2.0);
            return e + 1.0;
        }

        internal static double Exp(double x)
        {
            if (x != x)
                return x;
            if (x > 710)
                return PositiveInfinity;
            if (x < -746)
                return 0;
            DoubleDouble m = ExpCore(new DoubleDouble(x), out int k);
            return RoundScaled(m, k);
        }

        /// <summary>C99's pow, special cases first (Annex F.9.4.4), then exp(y · ln|x|) with the sign of an odd power.</summary>
        internal static double Pow(double x, double y)
        {
            if (y == 0 || x == 1)
                return 1;
            if (x != x || y != y)
                return x + y;
            double ax = System.Math.Abs(x);
            double ay = System.Math.Abs(y);
            if (ay == PositiveInfinity)
            {
                if (ax == 1)
                    return 1;
                return (ax > 1) == (y > 0) ? PositiveInfinity : 0;
            }
            bool isInteger = IsInteger(y, out bool odd);
            if (x == 0)
            {
                if (y < 0)
                    return odd ? CopySign(PositiveInfinity, x) : PositiveInfinity;
                return odd ? x : 0;
            }
            if (ax == PositiveInfinity)
            {
                double magnitude = y > 0 ? PositiveInfinity : 0;
                return x < 0 && odd ? -magnitude : magnitude;
            }
            bool negate = false;
            if (x < 0)
            {
                if (!isInteger)
                    return NaN;
                negate = odd;
            }
            double result;
            if (ax == 1)
                result = 1;
            else if (ay >= 18446744073709551616.0)
            {
                // |ln x| ≥ 2^-53 for x ≠ 1, so |y·ln x| ≥ 2^11: certainly out of range.
                result = (ax > 1) == (y > 0) ? PositiveInfinity : 0;
            }
            else if (isInteger && Ldexp(ax, -Exponent(ax)) == 1)
            {
                // A power of two to an integer power is a power of two: only the range can fail.
                double scale = Exponent(ax) * y;
                result = scale > 2000 ? PositiveInfinity : scale < -2000 ? 0 : RoundScaled(new DoubleDouble(1), (int)scale);
            }
            else if (isInteger && ay <= 64)
                result = IntegerPower(ax, (int)y);
            else
            {
                DoubleDouble t = LogCore(ax) * y;
                if (t.Hi > 710)
                    result = PositiveInfinity;
                else if (t.Hi < -746)
                    result = 0;
                else
                    result = RoundScaled(ExpCore(t, out int k), k);
            }
            return negate ? -result : result;
        }

        /// <summary>
        /// x^n for a small integer n by repeated squaring of the significand in double-double. An
        /// exact power (2^k, 3^34, 0.5^1075) stays exact there, so ties between doubles, which
        /// exp(n·ln x) would break at random, round to even as they must.
        /// </summary>
        private static double IntegerPower(double x, int n)
        {
            int e = Exponent(x);
            DoubleDouble m = new DoubleDouble(Ldexp(x, -e));
            int count = n < 0 ? -n : n;
            DoubleDouble power = new DoubleDouble(1);
            while (true)
            {
                if ((count & 1) != 0)
                    power = power * m;
                count >>= 1;
                if (count == 0)
                    break;
                m = m * m;
            }
            int scale = e * n;
            if (n < 0)
            {
                // 1/m^|n| lies in (2^-|n|, 1]: renormalise before the division so it stays exact at ties.
                int pe = Exponent(power.Hi);
                power = new DoubleDouble(1) / power.Scale(Pow2(-pe));
                scale -= pe;
            }
            return RoundScaled(power, scale);
        }

        internal static double Sinh(double x)
        {
            double ax = System.Math.Abs(x);
            if (!(ax >= TwoToMinus28))
                return x;
            if (ax < 1)
            {
                DoubleDouble z = DoubleDouble.Product(x, x);
                return (Polynomial(OddFactorialSeries, OddFactorialSeries.Length, z) * x).Hi;
            }
            if (ax > 711)
                return CopySign(PositiveInfinity, x);
            DoubleDouble m = ExpCore(new DoubleDouble(ax), out int k);
            double magnitude;
            if (k > 60)
            {
                // e^-|x| is below 2^-120 of e^|x|: only the rounding of e^|x| / 2 is left.
                magnitude = RoundScaled(m, k - 1);
            }
            else
            {
                DoubleDouble big = m.Scale(Pow2(k));
                magnitude = ((big - new DoubleDouble(1) / big).Scale(0.5)).Hi;
            }
            return CopySign(magnitude, x);
        }

        internal static double Cosh(double x)
        {
            double ax = System.Math.Abs(x);
            if (ax != ax)
                return ax;
            if (ax < TwoToMinus28)
                return 1;
            if (ax > 711)
                return PositiveInfinity;
            DoubleDouble m = ExpCore(new DoubleDouble(ax), out int k);
            if (k > 60)
                return RoundScaled(m, k - 1);
            DoubleDouble big = m.Scale(Pow2(k));
            return ((big + new DoubleDouble(1) / big).Scale(0.5)).Hi;
        }

        internal static double Tanh(double x)
        {
            double ax = System.Math.Abs(x);
            if (!(ax >= TwoToMinus28))
                return x;
            if (ax < 1)
            {
                DoubleDouble z = DoubleDouble.Product(x, x);
                DoubleDouble s = Polynomial(OddFactorialSeries, OddFactorialSeries.Length, z) * x;
                return (s / Polynomial(EvenFactorialSeries, EvenFactorialSeries.Length, z)).Hi;
            }
            // Beyond 40, 1 − tanh|x| < 2^-115: the result is ±1.
            if (ax >= 40)
                return CopySign(1.0, x);
            DoubleDouble m = ExpCore(new DoubleDouble(2 * ax), out int k);
            DoubleDouble e2 = m.Scale(Pow2(k));
            DoubleDouble t = new DoubleDouble(1) - new DoubleDouble(2) / (e2 + 1.0);
            return CopySign(t.Hi, x);
        }
    }
}
