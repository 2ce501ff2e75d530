using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>
    /// 16-byte comparisons for the core library's searches (docs/corlib.md, "Vectorised searches").
    /// Each reads exactly 16 bytes at its pointers, unaligned, and returns one bit per lane: bit k
    /// is set when lane k compares equal. The frontend turns each call into one IR intrinsic, which
    /// LLVM compiles to SSE2's pcmpeqb/pcmpeqw and pmovmskb: the x86-64 baseline, so both targets.
    /// Callers must own all 16 bytes: nothing here checks a length.
    /// </summary>
    internal static unsafe class Simd
    {
        /// <summary>Bits 0..15: which of the 16 bytes at <paramref name="at"/> equal <paramref name="value"/>.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int MatchBytes16(byte* at, byte value);

        /// <summary>Bits 0..7: which of the 8 chars at <paramref name="at"/> equal <paramref name="value"/>.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int MatchChars8(char* at, char value);

        /// <summary>Bits 0..15: which of the 16 bytes at <paramref name="a"/> equal those at <paramref name="b"/>.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int EqualBytes16(byte* a, byte* b);
    }
}
