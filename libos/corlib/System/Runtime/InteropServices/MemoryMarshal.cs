using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    /// <summary>Unchecked span construction; also what Roslyn uses to index <see cref="InlineArrayAttribute"/> structs.</summary>
    public static unsafe class MemoryMarshal
    {
        /// <summary>
        /// The caller vouches for the lifetime of <paramref name="reference"/> (it is <c>scoped</c>, as in
        /// .NET); the round trip through a pointer is how the reference leaves the ref-safety analysis.
        /// </summary>
        public static Span<T> CreateSpan<T>(scoped ref T reference, int length) =>
            new Span<T>(ref Unsafe.AsRef<T>(Unsafe.AsPointer(ref reference)), length);

        public static ReadOnlySpan<T> CreateReadOnlySpan<T>(scoped ref readonly T reference, int length) =>
            new ReadOnlySpan<T>(ref Unsafe.AsRef<T>(Unsafe.AsPointer(ref Unsafe.AsRef(in reference))), length);

        public static ref T GetReference<T>(Span<T> span) => ref span._reference;

        public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;
    }
}
