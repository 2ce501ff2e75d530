using Testbed.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// The C math functions LLVM emits calls to even on bare metal: <c>fmod</c> for every
    /// floating-point <c>%</c>, and the rounding functions behind Math.Floor, Ceiling, Truncate and
    /// Round when the target lacks SSE4.1 (runtime contract, "Symbols the compiler itself references").
    /// </summary>
    public static class MathLibcalls
    {
        [RuntimeExport("floor")]
        public static double Floor(double x) => FloatMath.Round(x, FloatMath.Rounding.Down);

        [RuntimeExport("floorf")]
        public static float FloorF(float x) => FloatMath.Round(x, FloatMath.Rounding.Down);

        [RuntimeExport("ceil")]
        public static double Ceiling(double x) => FloatMath.Round(x, FloatMath.Rounding.Up);

        [RuntimeExport("ceilf")]
        public static float CeilingF(float x) => FloatMath.Round(x, FloatMath.Rounding.Up);

        [RuntimeExport("trunc")]
        public static double Truncate(double x) => FloatMath.Round(x, FloatMath.Rounding.TowardZero);

        [RuntimeExport("truncf")]
        public static float TruncateF(float x) => FloatMath.Round(x, FloatMath.Rounding.TowardZero);

        [RuntimeExport("roundeven")]
        public static double RoundEven(double x) => FloatMath.Round(x, FloatMath.Rounding.ToEven);

        [RuntimeExport("roundevenf")]
        public static float RoundEvenF(float x) => FloatMath.Round(x, FloatMath.Rounding.ToEven);

        [RuntimeExport("fmod")]
        public static double Remainder(double x, double y) => FloatMath.Remainder(x, y);

        [RuntimeExport("fmodf")]
        public static float RemainderF(float x, float y) => FloatMath.Remainder(x, y);
    }
}
