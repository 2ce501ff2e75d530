using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Element-type-independent pieces of Span and ReadOnlySpan.</summary>
    internal static unsafe partial class SpanHelpers
    {
        /// <summary>
        /// A reference to <c>array[start]</c> for a range already checked against the array. An empty
        /// range gets a null reference instead of one past the end, which indexing the array would refuse.
        /// </summary>
        internal static ref T FirstElement<T>(T[] array, int start, int length)
        {
            if (length == 0)
                return ref Unsafe.NullRef<T>();
            return ref array[start];
        }

        /// <summary>memmove semantics: Span.CopyTo must work when source and destination overlap.</summary>
        internal static void Move<T>(ref T destination, ref T source, int count)
        {
            nuint bytes = (nuint)count * (nuint)Unsafe.SizeOf<T>();
            Memory.Move(Unsafe.AsPointer(ref destination), Unsafe.AsPointer(ref source), bytes);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                Memory.WriteBarrierRange(Unsafe.AsPointer(ref destination), bytes);
        }

        internal static void Clear<T>(ref T start, int count) =>
            Memory.Set(Unsafe.AsPointer(ref start), 0, (nuint)count * (nuint)Unsafe.SizeOf<T>());
    }
}
