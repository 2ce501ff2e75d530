namespace System.Runtime.CompilerServices
{
    public static unsafe class RuntimeHelpers
    {
        /// <summary>
        /// Copies a field's RVA data into an array: what C# emits for array initialisers. The frontend
        /// expands it (runtime contract, "Intrinsics").
        /// </summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);

        /// <summary>
        /// A span over a field's RVA data, in place: what C# emits for <c>ReadOnlySpan&lt;int&gt; s = [1, 2, 3]</c>.
        /// The frontend expands it (the length is the data's size over the element's).
        /// </summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle);

        /// <summary>
        /// Whether T's Equals is exactly equality of its bytes (integers, char, bool, enums of
        /// them; not floats: NaN and -0.0): a constant per instantiation, which the frontend
        /// supplies, so the searches in MemoryExtensions pick their vectorised path at compile time.
        /// </summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern bool IsBitwiseEquatable<T>();

        /// <summary>
        /// Whether a T can hold an object reference (a class, or a struct with one inside): a constant per
        /// instantiation, which the frontend supplies. Span copies mark the collector's cards only if so.
        /// </summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool IsReferenceOrContainsReferences<T>();

        /// <summary>
        /// <c>array[range]</c>: a copy of the range. The copy is a <typeparamref name="T"/>[] even when
        /// the array is of a type derived from T (covariance), where .NET keeps the array's own type.
        /// </summary>
        public static T[] GetSubArray<T>(T[] array, Range range)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            (int offset, int length) = range.GetOffsetAndLength(array.Length);
            if (length == 0)
                return Array.Empty<T>();
            T[] copy = new T[length];
            Array.Copy(array, offset, copy, 0, length);
            return copy;
        }

        /// <summary>Byte offset of a string's first character from the object's start (runtime contract, "Object layout").</summary>
        public static int OffsetToStringData => 12;

        /// <summary>
        /// Identity hash. Objects never move (the heap is a bump allocator), so the address is stable;
        /// the low three bits are always zero and are shifted out.
        /// </summary>
        public static int GetHashCode(object o)
        {
            ulong address = (ulong)GetObjectAddress(o);
            return (int)(address >> 3) ^ (int)(address >> 35);
        }

        /// <summary>The address of the object <paramref name="o"/> refers to (null gives 0).</summary>
        internal static nint GetObjectAddress(object o) => *(nint*)AsPointer(ref o);

        /// <summary>The type descriptor pointer every object starts with (runtime contract, "Object layout").</summary>
        internal static nint GetTypeDescriptor(object o) => *(nint*)GetObjectAddress(o);

        // Kept separate so that the single use of taking a reference's own address is easy to find.
        private static void* AsPointer(ref object o) => Unsafe.AsPointer(ref o);
    }
}
