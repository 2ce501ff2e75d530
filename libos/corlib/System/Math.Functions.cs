using System.Runtime;
using Testbed.Runtime;

namespace System
{
    /// <summary>
    /// Exponentials, logarithms, powers and trigonometry. CoreCLR calls the C library for these; here
    /// they are Testbed.Runtime.Libm's correctly rounded results, which agree with glibc wherever
    /// glibc is itself correctly rounded (docs/corlib.md gives the measured rates).
    /// </summary>
    public static partial class Math
    {
        public static double Exp(double d) => Libm.Exp(d);

        public static double Log(double d) => Libm.Log(d);

        public static double Log10(double d) => Libm.Log10(d);

        public static double Log2(double x) => Libm.Log2(x);

        /// <summary>Two rounded logarithms divided, exactly as .NET computes it, after its own special cases.</summary>
        public static double Log(double a, double newBase)
        {
            if (double.IsNaN(a))
                return a;
            if (double.IsNaN(newBase))
                return newBase;
            if (newBase == 1)
                return double.NaN;
            if (a != 1 && (newBase == 0 || double.IsPositiveInfinity(newBase)))
                return double.NaN;
            return Log(a) / Log(newBase);
        }

        public static double Pow(double x, double y) => Libm.Pow(x, y);

        public static double Cbrt(double d) => Libm.Cbrt(d);

        public static double Sin(double a) => Libm.Sin(a);

        public static double Cos(double d) => Libm.Cos(d);

        public static double Tan(double a) => Libm.Tan(a);

        public static double Asin(double d) => Libm.Asin(d);

        public static double Acos(double d) => Libm.Acos(d);

        public static double Atan(double d) => Libm.Atan(d);

        public static double Atan2(double y, double x) => Libm.Atan2(y, x);

        public static double Sinh(double value) => Libm.Sinh(value);

        public static double Cosh(double value) => Libm.Cosh(value);

        public static double Tanh(double value) => Libm.Tanh(value);

        public static double Asinh(double x) => Libm.Asinh(x);

        public static double Acosh(double x) => Libm.Acosh(x);

        public static double Atanh(double x) => Libm.Atanh(x);

        public static double ScaleB(double x, int n) => Libm.ScaleB(x, n);

        public static int ILogB(double x) => Libm.ILogB(x);

        public static double CopySign(double x, double y) => Libm.CopySign(x, y);

        /// <summary>The next double towards +∞ (−0 steps to the smallest subnormal, −∞ to MinValue; NaN and +∞ stay).</summary>
        public static double BitIncrement(double x)
        {
            long bits = (long)Libm.Bits(x);
            if (x != x || x == double.PositiveInfinity) return x;
            if (x == double.NegativeInfinity) return double.MinValue;
            if (bits == long.MinValue) return double.Epsilon;
            return Libm.FromBits((ulong)(bits < 0 ? bits - 1 : bits + 1));
        }

        /// <summary>The next double towards −∞ (+0 steps to the smallest negative subnormal, +∞ to MaxValue; NaN and −∞ stay).</summary>
        public static double BitDecrement(double x)
        {
            long bits = (long)Libm.Bits(x);
            if (x != x || x == double.NegativeInfinity) return x;
            if (x == double.PositiveInfinity) return double.MaxValue;
            if (bits == 0) return -double.Epsilon;
            return Libm.FromBits((ulong)(bits < 0 ? bits + 1 : bits - 1));
        }

        public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);

        public static double Round(double value, MidpointRounding mode) => Round(value, 0, mode);

        /// <summary>
        /// .NET's algorithm: scale by 10^digits, round to an integer, scale back; values of 1e16 and
        /// above have no fraction digits and come back unchanged. AwayFromZero adds the double just
        /// below one half and truncates, so 0.49999999999999994 does not round up.
        /// </summary>
        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 15)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(digits), "Rounding digits must be between 0 and 15, inclusive.");
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity)
                ThrowHelpers.ThrowArgument(nameof(mode), "The value '" + ((int)mode).ToString() + "' is not valid for this usage of the type MidpointRounding.");
            if (Abs(value) < 1e16)
            {
                double power = 1;
                for (int i = 0; i < digits; i++)
                    power *= 10;
                value *= power;
                switch (mode)
                {
                    case MidpointRounding.ToEven: value = Round(value); break;
                    case MidpointRounding.AwayFromZero: value = Truncate(value + Libm.CopySign(0.49999999999999994, value)); break;
                    case MidpointRounding.ToZero: value = Truncate(value); break;
                    case MidpointRounding.ToNegativeInfinity: value = Floor(value); break;
                    default: value = Ceiling(value); break;
                }
                value /= power;
            }
            return value;
        }
    }
}
