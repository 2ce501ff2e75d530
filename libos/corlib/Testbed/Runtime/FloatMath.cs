namespace Testbed.Runtime
{
    /// <summary>
    /// Rounding and remainder on the bits of IEEE doubles and floats: what LLVM calls as <c>floor</c>,
    /// <c>ceil</c>, <c>trunc</c>, <c>roundeven</c> and <c>fmod</c> (see System.Runtime.MathLibcalls)
    /// when the target lacks SSE4.1's round instructions, and for every <c>%</c> on floating-point values.
    /// </summary>
    /// <remarks>
    /// Integer operations only: a floating-point rounding here could be lowered back into a call of
    /// the very function being defined. Depends on nothing but primitives, so the unit tests compile
    /// it into an ordinary .NET test and compare it with the runtime's Math.
    /// </remarks>
    internal static unsafe class FloatMath
    {
        private const ulong DoubleSign = 0x8000_0000_0000_0000;
        private const ulong DoubleFraction = 0x000F_FFFF_FFFF_FFFF;
        private const ulong DoubleOne = 0x3FF0_0000_0000_0000;
        private const int DoubleBias = 1023;
        private const int DoubleFractionBits = 52;

        private const uint SingleSign = 0x8000_0000;
        private const uint SingleFraction = 0x007F_FFFF;
        private const uint SingleOne = 0x3F80_0000;
        private const int SingleBias = 127;
        private const int SingleFractionBits = 23;

        internal enum Rounding
        {
            TowardZero,
            Down,
            Up,
            ToEven,
        }

        /// <summary>
        /// Rounds to an integral value. The unbiased exponent tells how many fraction bits are integer
        /// bits; the rest are cleared, and the magnitude is bumped by one unit when the direction asks
        /// for it (the carry may ripple into the exponent, which is exactly right).
        /// </summary>
        internal static double Round(double value, Rounding mode)
        {
            ulong bits = *(ulong*)&value;
            ulong sign = bits & DoubleSign;
            int exponent = (int)((bits >> DoubleFractionBits) & 0x7FF) - DoubleBias;

            // Already integral: large values, infinities and NaN.
            if (exponent >= DoubleFractionBits)
                return value;

            ulong result;
            if (exponent < 0)
            {
                // |value| < 1: the result is ±0 or ±1.
                bool nonZero = (bits << 1) != 0;
                bool awayFromZero = mode switch
                {
                    Rounding.Down => sign != 0 && nonZero,
                    Rounding.Up => sign == 0 && nonZero,
                    // Above one half; exactly one half rounds to the even 0.
                    Rounding.ToEven => exponent == -1 && (bits & DoubleFraction) != 0,
                    _ => false,
                };
                result = sign | (awayFromZero ? DoubleOne : 0);
                return *(double*)&result;
            }

            ulong fractionMask = DoubleFraction >> exponent;
            ulong fraction = bits & fractionMask;
            if (fraction == 0)
                return value;
            ulong unit = fractionMask + 1;
            result = bits & ~fractionMask;
            if (BumpMagnitude(mode, sign != 0, fraction, unit >> 1, (result & unit) != 0))
                result += unit;
            return *(double*)&result;
        }

        internal static float Round(float value, Rounding mode)
        {
            uint bits = *(uint*)&value;
            uint sign = bits & SingleSign;
            int exponent = (int)((bits >> SingleFractionBits) & 0xFF) - SingleBias;

            if (exponent >= SingleFractionBits)
                return value;

            uint result;
            if (exponent < 0)
            {
                bool nonZero = (bits << 1) != 0;
                bool awayFromZero = mode switch
                {
                    Rounding.Down => sign != 0 && nonZero,
                    Rounding.Up => sign == 0 && nonZero,
                    Rounding.ToEven => exponent == -1 && (bits & SingleFraction) != 0,
                    _ => false,
                };
                result = sign | (awayFromZero ? SingleOne : 0);
                return *(float*)&result;
            }

            uint fractionMask = SingleFraction >> exponent;
            uint fraction = bits & fractionMask;
            if (fraction == 0)
                return value;
            uint unit = fractionMask + 1;
            result = bits & ~fractionMask;
            if (BumpMagnitude(mode, sign != 0, fraction, (unit >> 1), (result & unit) != 0))
                result += unit;
            return *(float*)&result;
        }

        /// <summary>Whether dropping a nonzero <paramref name="fraction"/> must round the magnitude up.</summary>
        private static bool BumpMagnitude(Rounding mode, bool negative, ulong fraction, ulong half, bool integerIsOdd) =>
            mode switch
            {
                Rounding.Down => negative,
                Rounding.Up => !negative,
                Rounding.ToEven => fraction > half || (fraction == half && integerIsOdd),
                _ => false,
            };

        /// <summary>
        /// C's fmod: x − n·y with n = trunc(x / y), computed exactly (the result is always
        /// representable) by binary long division of the significands. Sign of x; NaN for y = 0,
        /// infinite x or a NaN operand.
        /// </summary>
        internal static double Remainder(double x, double y)
        {
            ulong xBits = *(ulong*)&x;
            ulong yBits = *(ulong*)&y;
            ulong sign = xBits & DoubleSign;
            ulong xMagnitude = xBits & ~DoubleSign;
            ulong yMagnitude = yBits & ~DoubleSign;
            const ulong Infinity = 0x7FF0_0000_0000_0000;

            if (yMagnitude == 0 || xMagnitude >= Infinity || yMagnitude > Infinity)
            {
                // One NaN for every invalid case; an x that is NaN comes through as itself.
                return xMagnitude > Infinity ? x : (yMagnitude > Infinity ? y : DefaultNaN());
            }
            if (xMagnitude < yMagnitude)
                return x;

            ulong xSignificand = Significand(xMagnitude, DoubleFractionBits, out int xExponent);
            ulong ySignificand = Significand(yMagnitude, DoubleFractionBits, out int yExponent);

            // Long division one bit at a time, keeping only the remainder. It stays below 2·y, so
            // one subtraction per step suffices.
            ulong remainder = xSignificand;
            for (int steps = xExponent - yExponent; ; steps--)
            {
                if (remainder >= ySignificand)
                    remainder -= ySignificand;
                if (steps == 0)
                    break;
                remainder <<= 1;
            }

            ulong result = sign | Compose(remainder, yExponent, DoubleFractionBits);
            return *(double*)&result;
        }

        internal static float Remainder(float x, float y)
        {
            uint xBits = *(uint*)&x;
            uint yBits = *(uint*)&y;
            uint sign = xBits & SingleSign;
            uint xMagnitude = xBits & ~SingleSign;
            uint yMagnitude = yBits & ~SingleSign;
            const uint Infinity = 0x7F80_0000;

            if (yMagnitude == 0 || xMagnitude >= Infinity || yMagnitude > Infinity)
                return xMagnitude > Infinity ? x : (yMagnitude > Infinity ? y : (float)DefaultNaN());
            if (xMagnitude < yMagnitude)
                return x;

            ulong xSignificand = Significand(xMagnitude, SingleFractionBits, out int xExponent);
            ulong ySignificand = Significand(yMagnitude, SingleFractionBits, out int yExponent);
            ulong remainder = xSignificand;
            for (int steps = xExponent - yExponent; ; steps--)
            {
                if (remainder >= ySignificand)
                    remainder -= ySignificand;
                if (steps == 0)
                    break;
                remainder <<= 1;
            }

            uint result = sign | (uint)Compose(remainder, yExponent, SingleFractionBits);
            return *(float*)&result;
        }

        /// <summary>
        /// The significand of a finite, nonzero magnitude with its leading 1 at bit
        /// <paramref name="fractionBits"/>; subnormals are shifted up and get an exponent below 1.
        /// </summary>
        private static ulong Significand(ulong magnitude, int fractionBits, out int biasedExponent)
        {
            ulong leading = 1UL << fractionBits;
            biasedExponent = (int)(magnitude >> fractionBits);
            ulong significand = magnitude & (leading - 1);
            if (biasedExponent != 0)
                return significand | leading;
            biasedExponent = 1;
            while (significand < leading)
            {
                significand <<= 1;
                biasedExponent--;
            }
            return significand;
        }

        /// <summary>The magnitude bits of significand × 2^(biasedExponent − bias − fractionBits), exact.</summary>
        private static ulong Compose(ulong significand, int biasedExponent, int fractionBits)
        {
            if (significand == 0)
                return 0;
            ulong leading = 1UL << fractionBits;
            while (significand < leading)
            {
                significand <<= 1;
                biasedExponent--;
            }
            if (biasedExponent >= 1)
                return ((ulong)biasedExponent << fractionBits) | (significand & (leading - 1));
            // Subnormal: the bits shifted out are zero, because x and y are both multiples of the
            // smallest subnormal and so is their remainder.
            return significand >> (1 - biasedExponent);
        }

        private static double DefaultNaN()
        {
            ulong bits = 0xFFF8_0000_0000_0000;
            return *(double*)&bits;
        }
    }
}
