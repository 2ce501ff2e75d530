using System.Runtime;
using Testbed.Runtime;

namespace System
{
    /// <summary>
    /// The single-precision functions, each evaluated in double (correctly rounded there) and
    /// rounded once more to float. The second rounding can differ from rounding the exact value only
    /// when the double lands exactly on a midpoint between floats, about once in 2^29 inputs.
    /// </summary>
    public static partial class MathF
    {
        public static float Exp(float x) => (float)Libm.Exp(x);

        public static float Log(float x) => (float)Libm.Log(x);

        public static float Log10(float x) => (float)Libm.Log10(x);

        public static float Log2(float x) => (float)Libm.Log2(x);

        public static float Log(float x, float y)
        {
            if (float.IsNaN(x))
                return x;
            if (float.IsNaN(y))
                return y;
            if (y == 1)
                return float.NaN;
            if (x != 1 && (y == 0 || float.IsPositiveInfinity(y)))
                return float.NaN;
            return Log(x) / Log(y);
        }

        public static float Pow(float x, float y) => (float)Libm.Pow(x, y);

        public static float Cbrt(float x) => (float)Libm.Cbrt(x);

        public static float Sin(float x) => (float)Libm.Sin(x);

        public static float Cos(float x) => (float)Libm.Cos(x);

        public static float Tan(float x) => (float)Libm.Tan(x);

        public static float Asin(float x) => (float)Libm.Asin(x);

        public static float Acos(float x) => (float)Libm.Acos(x);

        public static float Atan(float x) => (float)Libm.Atan(x);

        public static float Atan2(float y, float x) => (float)Libm.Atan2(y, x);

        public static float Sinh(float x) => (float)Libm.Sinh(x);

        public static float Cosh(float x) => (float)Libm.Cosh(x);

        public static float Tanh(float x) => (float)Libm.Tanh(x);

        public static float Asinh(float x) => (float)Libm.Asinh(x);

        public static float Acosh(float x) => (float)Libm.Acosh(x);

        public static float Atanh(float x) => (float)Libm.Atanh(x);

        public static float ScaleB(float x, int n) => (float)Libm.ScaleB(x, n < -400 ? -400 : n > 400 ? 400 : n);

        public static int ILogB(float x) => Libm.ILogB(x);

        public static float CopySign(float x, float y) => (float)Libm.CopySign(x, y);

        public static float Round(float x, int digits) => Round(x, digits, MidpointRounding.ToEven);

        public static float Round(float x, MidpointRounding mode) => Round(x, 0, mode);

        /// <summary>As <see cref="Math.Round(double, int, MidpointRounding)"/> in float: up to 6 digits, values of 1e8 and above unchanged.</summary>
        public static float Round(float x, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 6)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(digits), "Rounding digits must be between 0 and 6, inclusive.");
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity)
                ThrowHelpers.ThrowArgument(nameof(mode), "The value '" + ((int)mode).ToString() + "' is not valid for this usage of the type MidpointRounding.");
            if (Abs(x) < 1e8f)
            {
                float power = 1;
                for (int i = 0; i < digits; i++)
                    power *= 10;
                x *= power;
                switch (mode)
                {
                    case MidpointRounding.ToEven: x = Round(x); break;
                    case MidpointRounding.AwayFromZero: x = Truncate(x + (x < 0 || (x == 0 && float.IsNegative(x)) ? -0.49999997f : 0.49999997f)); break;
                    case MidpointRounding.ToZero: x = Truncate(x); break;
                    case MidpointRounding.ToNegativeInfinity: x = Floor(x); break;
                    default: x = Ceiling(x); break;
                }
                x /= power;
            }
            return x;
        }
    }
}
