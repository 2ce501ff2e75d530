namespace Testbed.Runtime
{
    /// <summary>
    /// An unevaluated sum hi + lo of two doubles with |lo| ≤ ulp(hi)/2: about 106 significant bits,
    /// the working precision of <see cref="Libm"/>. Because hi is always the sum rounded to nearest,
    /// a result's hi is its correctly rounded double unless the exact value lies within the
    /// accumulated error (≈2^-100 relative) of a midpoint.
    /// </summary>
    /// <remarks>
    /// Products use Dekker's splitting rather than a fused multiply-add, so the code is exact on any
    /// target; the price is that operands must stay below 2^996 in magnitude (the split multiplies
    /// by 2^27 + 1). Callers keep exponents apart from significands to respect that.
    /// </remarks>
    internal readonly struct DoubleDouble
    {
        public readonly double Hi;
        public readonly double Lo;

        public DoubleDouble(double hi, double lo)
        {
            Hi = hi;
            Lo = lo;
        }

        public DoubleDouble(double value)
        {
            Hi = value;
            Lo = 0;
        }

        /// <summary>Normalises a + b when |a| ≥ |b| (or a is zero), exactly.</summary>
        public static DoubleDouble FastSum(double a, double b)
        {
            double s = a + b;
            return new DoubleDouble(s, b - (s - a));
        }

        /// <summary>a + b exactly, whatever their magnitudes (Knuth's TwoSum).</summary>
        public static DoubleDouble Sum(double a, double b)
        {
            double s = a + b;
            double bb = s - a;
            return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
        }

        /// <summary>a · b exactly (Dekker), for |a|, |b| below 2^996 and a product that does not underflow.</summary>
        public static DoubleDouble Product(double a, double b)
        {
            double p = a * b;
            Split(a, out double ah, out double al);
            Split(b, out double bh, out double bl);
            return new DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl);
        }

        /// <summary>Splits a into a 26-bit high part and the rest, so that products of parts are exact.</summary>
        private static void Split(double a, out double hi, out double lo)
        {
            double t = 134217729.0 * a;
            hi = t - (t - a);
            lo = a - hi;
        }

        public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
        {
            // Both the high and the low parts are summed exactly, so cancellation between a and b
            // costs no accuracy (the "accurate" addition, not the sloppy one).
            DoubleDouble s = Sum(a.Hi, b.Hi);
            DoubleDouble t = Sum(a.Lo, b.Lo);
            s = FastSum(s.Hi, s.Lo + t.Hi);
            return FastSum(s.Hi, s.Lo + t.Lo);
        }

        public static DoubleDouble operator +(DoubleDouble a, double b)
        {
            DoubleDouble s = Sum(a.Hi, b);
            return FastSum(s.Hi, s.Lo + a.Lo);
        }

        public static DoubleDouble operator -(DoubleDouble a) => new DoubleDouble(-a.Hi, -a.Lo);

        public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

        public static DoubleDouble operator -(DoubleDouble a, double b) => a + (-b);

        public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
        {
            DoubleDouble p = Product(a.Hi, b.Hi);
            return FastSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
        }

        public static DoubleDouble operator *(DoubleDouble a, double b)
        {
            DoubleDouble p = Product(a.Hi, b);
            return FastSum(p.Hi, p.Lo + a.Lo * b);
        }

        /// <summary>Long division with three partial quotients: the remainder is computed exactly each time.</summary>
        public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
        {
            double q1 = a.Hi / b.Hi;
            DoubleDouble r = a - b * q1;
            double q2 = r.Hi / b.Hi;
            r = r - b * q2;
            double q3 = r.Hi / b.Hi;
            DoubleDouble q = FastSum(q1, q2);
            return q + q3;
        }

        /// <summary>Multiplication by a power of two: exact while nothing overflows or underflows.</summary>
        public DoubleDouble Scale(double powerOfTwo) => new DoubleDouble(Hi * powerOfTwo, Lo * powerOfTwo);

        /// <summary>Square root by one Newton correction of the hardware's, with the residual computed exactly.</summary>
        public static DoubleDouble Sqrt(DoubleDouble a)
        {
            if (a.Hi <= 0)
                return new DoubleDouble(0);
            double s = System.Math.Sqrt(a.Hi);
            DoubleDouble residual = a - Product(s, s);
            DoubleDouble root = FastSum(s, residual.Hi / (2 * s));
            // The first correction is computed in double and leaves ~2^-100; a second one, in full
            // precision, brings the error down to the working precision.
            DoubleDouble r2 = a - root * root;
            return root + r2.Hi / (2 * root.Hi);
        }
    }
}
