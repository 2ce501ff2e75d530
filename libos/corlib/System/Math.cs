using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// .NET's Math for the operations programs here use. Rounding and square root are hardware
    /// instructions the frontend maps to LLVM intrinsics (the extern methods); the rest is plain C#
    /// with .NET's edge cases (NaN, signed zero, the minimum two's complement value).
    /// </summary>
    public static partial class Math
    {
        public const double E = 2.7182818284590452354;
        public const double PI = 3.14159265358979323846;
        public const double Tau = 6.283185307179586476925;

        private const string NegateMinValueMessage = "Negating the minimum value of a twos complement number is invalid.";

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sqrt(double d);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Floor(double d);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Ceiling(double a);

        /// <summary>Round half to even, .NET's default MidpointRounding.ToEven (LLVM's roundeven).</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Round(double a);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Truncate(double d);

        public static int Abs(int value)
        {
            if (value == int.MinValue)
                ThrowHelpers.ThrowOverflow(NegateMinValueMessage);
            return value < 0 ? -value : value;
        }

        public static long Abs(long value)
        {
            if (value == long.MinValue)
                ThrowHelpers.ThrowOverflow(NegateMinValueMessage);
            return value < 0 ? -value : value;
        }

        /// <summary>Clears the sign bit, so Abs(-0.0) is +0.0 and NaN stays NaN, as in .NET.</summary>
        public static unsafe double Abs(double value)
        {
            ulong bits = *(ulong*)&value & 0x7FFF_FFFF_FFFF_FFFF;
            return *(double*)&bits;
        }

        public static unsafe float Abs(float value)
        {
            uint bits = *(uint*)&value & 0x7FFF_FFFF;
            return *(float*)&bits;
        }

        public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;

        public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;

        public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;

        public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;

        public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;

        public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;

        public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;

        public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;

        /// <summary>NaN if either is NaN; +0 is greater than -0 (IEEE 754-2019 maximum, as .NET Core 3.0+).</summary>
        public static double Max(double val1, double val2)
        {
            if (val1 != val2)
                return double.IsNaN(val1) ? val1 : (val2 < val1 ? val1 : val2);
            return double.IsNegative(val2) ? val1 : val2;
        }

        /// <summary>NaN if either is NaN; -0 is less than +0.</summary>
        public static double Min(double val1, double val2)
        {
            if (val1 != val2)
                return double.IsNaN(val1) ? val1 : (val2 < val1 ? val2 : val1);
            return double.IsNegative(val1) ? val1 : val2;
        }

        public static int Sign(int value) => (value >> 31) | (int)((uint)-value >> 31);

        public static int Sign(long value) => (int)(value >> 63) | (int)((ulong)-value >> 63);

        public static short Abs(short value)
        {
            if (value == short.MinValue) ThrowHelpers.ThrowOverflow("Negating the minimum value of a twos complement number is invalid.");
            return value < 0 ? (short)-value : value;
        }

        public static sbyte Abs(sbyte value)
        {
            if (value == sbyte.MinValue) ThrowHelpers.ThrowOverflow("Negating the minimum value of a twos complement number is invalid.");
            return value < 0 ? (sbyte)-value : value;
        }

        public static byte Max(byte val1, byte val2) => val1 >= val2 ? val1 : val2;
        public static byte Min(byte val1, byte val2) => val1 <= val2 ? val1 : val2;
        public static short Max(short val1, short val2) => val1 >= val2 ? val1 : val2;
        public static short Min(short val1, short val2) => val1 <= val2 ? val1 : val2;
        public static ushort Max(ushort val1, ushort val2) => val1 >= val2 ? val1 : val2;
        public static ushort Min(ushort val1, ushort val2) => val1 <= val2 ? val1 : val2;
        public static sbyte Max(sbyte val1, sbyte val2) => val1 >= val2 ? val1 : val2;
        public static sbyte Min(sbyte val1, sbyte val2) => val1 <= val2 ? val1 : val2;

        /// <summary>NaN wins and +0 is larger than -0, as .NET's Math.Max(float, float).</summary>
        public static float Max(float val1, float val2)
        {
            if (val1 != val2) return float.IsNaN(val1) ? val1 : val2 < val1 ? val1 : val2;
            return float.IsNegative(val2) ? val1 : val2;
        }

        public static float Min(float val1, float val2)
        {
            if (val1 != val2) return float.IsNaN(val1) ? val1 : val1 < val2 ? val1 : val2;
            return float.IsNegative(val1) ? val1 : val2;
        }

        public static int Sign(double value)
        {
            if (value < 0) return -1;
            if (value > 0) return 1;
            if (value == 0) return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        public static int Sign(float value) => Sign((double)value);

        public static int Sign(short value) => Sign((int)value);

        public static int Sign(sbyte value) => Sign((int)value);

        public static int Clamp(int value, int min, int max)
        {
            if (min > max) ThrowMinMax(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }

        public static long Clamp(long value, long min, long max)
        {
            if (min > max) ThrowMinMax(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }

        public static uint Clamp(uint value, uint min, uint max)
        {
            if (min > max) ThrowMinMax(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }

        public static ulong Clamp(ulong value, ulong min, ulong max)
        {
            if (min > max) ThrowMinMax(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }

        public static double Clamp(double value, double min, double max)
        {
            if (min > max) ThrowMinMax(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }

        private static void ThrowMinMax(string min, string max) =>
            ThrowHelpers.ThrowArgument(null, "'" + min + "' cannot be greater than " + max + ".");

        public static int DivRem(int a, int b, out int result)
        {
            int quotient = a / b;
            result = a - quotient * b;
            return quotient;
        }

        public static long DivRem(long a, long b, out long result)
        {
            long quotient = a / b;
            result = a - quotient * b;
            return quotient;
        }

        public static long BigMul(int a, int b) => (long)a * b;

        public static decimal Abs(decimal value) => decimal.Abs(value);

        public static decimal Max(decimal val1, decimal val2) => decimal.Max(val1, val2);

        public static decimal Min(decimal val1, decimal val2) => decimal.Min(val1, val2);

        public static int Sign(decimal value) => decimal.Sign(value);

        public static decimal Round(decimal d) => decimal.Round(d);

        public static decimal Round(decimal d, int decimals) => decimal.Round(d, decimals);

        public static decimal Round(decimal d, MidpointRounding mode) => decimal.Round(d, mode);

        public static decimal Round(decimal d, int decimals, MidpointRounding mode) => decimal.Round(d, decimals, mode);

        public static decimal Truncate(decimal d) => decimal.Truncate(d);

        public static decimal Floor(decimal d) => decimal.Floor(d);

        public static decimal Ceiling(decimal d) => decimal.Ceiling(d);

        public static decimal Clamp(decimal value, decimal min, decimal max)
        {
            if (min > max) ThrowMinMax(min.ToString(), max.ToString());
            return value < min ? min : value > max ? max : value;
        }
    }
}
