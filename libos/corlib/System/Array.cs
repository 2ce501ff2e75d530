using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Base of all arrays. C# reads an array's length with the ldlen instruction; this is the library
    /// view of it, plus .NET's static helpers. The generic helpers are the ones C# picks for typed
    /// arrays; the non-generic Copy and Clear work on any one-dimensional array through its descriptor.
    /// </summary>
    public abstract unsafe partial class Array
    {
        // Runtime contract, "Object layout": the length is an int 8 bytes into the object, elements from 16.
        private const int LengthOffset = 8;
        private const int ElementsOffset = 16;

        public int Length => *(int*)(RuntimeHelpers.GetObjectAddress(this) + LengthOffset);

        public long LongLength => Length;

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        public static void Copy(Array sourceArray, Array destinationArray, int length)
        {
            if (sourceArray == null) ThrowHelpers.ThrowArgumentNull(nameof(sourceArray));
            if (destinationArray == null) ThrowHelpers.ThrowArgumentNull(nameof(destinationArray));
            Copy(sourceArray, 0, destinationArray, 0, length);
        }

        /// <summary>memmove semantics, as .NET: overlapping ranges of the same array copy correctly.</summary>
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null) ThrowHelpers.ThrowArgumentNull(nameof(sourceArray));
            if (destinationArray == null) ThrowHelpers.ThrowArgumentNull(nameof(destinationArray));
            if (length < 0) ThrowHelpers.ThrowNegativeArgument(nameof(length), length);
            if (sourceIndex < 0) ThrowLessThanZero(nameof(sourceIndex), sourceIndex);
            if (destinationIndex < 0) ThrowLessThanZero(nameof(destinationIndex), destinationIndex);
            if (length > sourceArray.Length - sourceIndex)
                ThrowHelpers.ThrowArgument(nameof(sourceArray), "Source array was not long enough. Check the source index, length, and the array's lower bounds.");
            if (length > destinationArray.Length - destinationIndex)
                ThrowHelpers.ThrowArgument(nameof(destinationArray), "Destination array was not long enough. Check the destination index, length, and the array's lower bounds.");
            TypeDescriptor* source = TypeDescriptor.Of((void*)RuntimeHelpers.GetObjectAddress(sourceArray));
            TypeDescriptor* destination = TypeDescriptor.Of((void*)RuntimeHelpers.GetObjectAddress(destinationArray));
            // Same type, or both reference arrays (covariance is not checked element by element:
            // ArrayTypeMismatchException on covariant stores is not implemented, docs/language-support.md).
            bool references = (source->Flags & TypeDescriptor.ElementsAreReferences) != 0;
            if (source != destination && !(references && (destination->Flags & TypeDescriptor.ElementsAreReferences) != 0))
                throw new ArrayTypeMismatchException("Source array type cannot be assigned to destination array type.");
            nuint size = source->ComponentSize;
            void* target = destinationArray.ElementAddress(destinationIndex, size);
            Memory.Move(target, sourceArray.ElementAddress(sourceIndex, size), (nuint)length * size);
            if (references || (destination->Flags & TypeDescriptor.HasReferenceMap) != 0)
                Memory.WriteBarrierRange(target, (nuint)length * size);
        }

        private static void ThrowLessThanZero(string paramName, int value) =>
            throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + Number.Int64ToString(value) + "') must be greater than or equal to '0'.");

        public static void Clear(Array array)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            Clear(array, 0, array.Length);
        }

        public static void Clear(Array array, int index, int length)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (index < 0 || length < 0 || index > array.Length - length)
                throw new IndexOutOfRangeException();
            nuint size = TypeDescriptor.Of((void*)RuntimeHelpers.GetObjectAddress(array))->ComponentSize;
            Memory.Set(array.ElementAddress(index, size), 0, (nuint)length * size);
        }

        private void* ElementAddress(int index, nuint elementSize) =>
            (byte*)RuntimeHelpers.GetObjectAddress(this) + ElementsOffset + (nuint)index * elementSize;

        public static void Fill<T>(T[] array, T value)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            for (int i = 0; i < array.Length; i++) array[i] = value;
        }

        public static void Fill<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if ((uint)startIndex > (uint)array.Length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if ((uint)count > (uint)(array.Length - startIndex)) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            for (int i = startIndex; i < startIndex + count; i++) array[i] = value;
        }

        public static int IndexOf<T>(T[] array, T value)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            return IndexOfCore(array, value, 0, array.Length);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if ((uint)startIndex > (uint)array.Length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            return IndexOfCore(array, value, startIndex, array.Length - startIndex);
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if ((uint)startIndex > (uint)array.Length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if ((uint)count > (uint)(array.Length - startIndex)) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            return IndexOfCore(array, value, startIndex, count);
        }

        internal static int IndexOfCore<T>(T[] array, T value, int startIndex, int count)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = startIndex; i < startIndex + count; i++)
            {
                if (comparer.Equals(array[i], value)) return i;
            }
            return -1;
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            return LastIndexOfCore(array, value, 0, array.Length);
        }

        internal static int LastIndexOfCore<T>(T[] array, T value, int startIndex, int count)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = startIndex + count - 1; i >= startIndex; i--)
            {
                if (comparer.Equals(array[i], value)) return i;
            }
            return -1;
        }

        public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) >= 0;

        public static int FindIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            for (int i = 0; i < array.Length; i++)
            {
                if (match(array[i])) return i;
            }
            return -1;
        }

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            int i = FindIndex(array, match);
            return i < 0 ? default : array[i];
        }

        public static bool TrueForAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            for (int i = 0; i < array.Length; i++)
            {
                if (!match(array[i])) return false;
            }
            return true;
        }

        public static void Reverse<T>(T[] array)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            ReverseCore(array, 0, array.Length);
        }

        public static void Reverse<T>(T[] array, int index, int length)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Non-negative number required.");
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Non-negative number required.");
            if (array.Length - index < length) ThrowHelpers.ThrowArgument(null, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            ReverseCore(array, index, length);
        }

        internal static void ReverseCore<T>(T[] array, int index, int length)
        {
            for (int i = index, j = index + length - 1; i < j; i++, j--)
            {
                T t = array[i];
                array[i] = array[j];
                array[j] = t;
            }
        }

        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(newSize), "Non-negative number required.");
            T[] old = array;
            if (old == null)
            {
                array = new T[newSize];
                return;
            }
            if (old.Length == newSize) return;
            T[] resized = new T[newSize];
            int count = old.Length < newSize ? old.Length : newSize;
            for (int i = 0; i < count; i++) resized[i] = old[i];
            array = resized;
        }

        public static TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Converter<TInput, TOutput> converter)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (converter == null) ThrowHelpers.ThrowArgumentNull(nameof(converter));
            var result = new TOutput[array.Length];
            for (int i = 0; i < array.Length; i++) result[i] = converter(array[i]);
            return result;
        }
    }

    /// <summary>One empty array per element type, as .NET's Array.Empty caches it.</summary>
    internal static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }

    public delegate TOutput Converter<in TInput, out TOutput>(TInput input);

    public class ArrayTypeMismatchException : SystemException
    {
        public ArrayTypeMismatchException() : base("Attempted to access an element as a type incompatible with the array.") { }
        public ArrayTypeMismatchException(string message) : base(message) { }
    }
}
