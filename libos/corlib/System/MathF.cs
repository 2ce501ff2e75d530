using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>.NET's MathF for the operations provided by <see cref="Math"/>, in single precision.</summary>
    public static partial class MathF
    {
        public const float E = 2.71828183f;
        public const float PI = 3.14159265f;
        public const float Tau = 6.283185307f;

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Sqrt(float x);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Floor(float x);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Ceiling(float x);

        /// <summary>Round half to even, as <see cref="Math.Round(double)"/>.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Round(float x);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern float Truncate(float x);

        public static float Abs(float x) => Math.Abs(x);

        /// <summary>NaN if either is NaN; +0 is greater than -0.</summary>
        public static float Max(float x, float y)
        {
            if (x != y)
                return float.IsNaN(x) ? x : (y < x ? x : y);
            return float.IsNegative(y) ? x : y;
        }

        /// <summary>NaN if either is NaN; -0 is less than +0.</summary>
        public static float Min(float x, float y)
        {
            if (x != y)
                return float.IsNaN(x) ? x : (y < x ? y : x);
            return float.IsNegative(x) ? x : y;
        }
    }
}
