using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>
    /// Bit counts as single machine instructions: the frontend turns each call into one IR intrinsic
    /// (counttrailingzeros, countleadingzeros, popcount), which LLVM compiles to bsf/bsr (tzcnt/lzcnt
    /// where the CPU has them) and a cmov for zero, and popcnt or its SSE2-baseline expansion. A zero
    /// operand counts the width, as <see cref="System.Numerics.BitOperations"/> does. Portable C# loops
    /// for these were a binary search of six compares that LLVM does not recognise, in every search's
    /// "which lane matched".
    /// </summary>
    internal static class BitCounts
    {
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int TrailingZeroCount(uint value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int TrailingZeroCount(ulong value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int LeadingZeroCount(uint value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int LeadingZeroCount(ulong value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int PopCount(uint value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int PopCount(ulong value);
    }
}
