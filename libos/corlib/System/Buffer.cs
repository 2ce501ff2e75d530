using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Byte-level copies between arrays of primitive types (.NET's Buffer). An array counts as
    /// primitive when its element type is one of .NET's primitives (bool, char, the integer types,
    /// nint/nuint, float, double); the descriptor of a value-type array records no element descriptor,
    /// so the test reads the array type's name, which the compiler spells as .NET does ("System.Int32[]").
    /// </summary>
    public static unsafe class Buffer
    {
        // Runtime contract, "Object layout": an array's elements start 16 bytes into the object.
        private const int ElementsOffset = 16;

        private const string NotPrimitiveMessage = "Object must be an array of primitives.";

        public static void BlockCopy(Array src, int srcOffset, Array dst, int dstOffset, int count)
        {
            if (src == null) ThrowHelpers.ThrowArgumentNull(nameof(src));
            if (dst == null) ThrowHelpers.ThrowArgumentNull(nameof(dst));
            nuint srcLength = ByteLengthOf(src, nameof(src));
            nuint dstLength = ByteLengthOf(dst, nameof(dst));
            if (srcOffset < 0) ThrowHelpers.ThrowNegativeArgument(nameof(srcOffset), srcOffset);
            if (dstOffset < 0) ThrowHelpers.ThrowNegativeArgument(nameof(dstOffset), dstOffset);
            if (count < 0) ThrowHelpers.ThrowNegativeArgument(nameof(count), count);
            // Offsets and count are non-negative ints, so their sums cannot wrap in nuint.
            if ((nuint)srcOffset + (nuint)count > srcLength || (nuint)dstOffset + (nuint)count > dstLength)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Memory.Move(Elements(dst) + dstOffset, Elements(src) + srcOffset, (nuint)count);
        }

        public static int ByteLength(Array array)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            return (int)ByteLengthOf(array, nameof(array));
        }

        private static byte* Elements(Array array) => (byte*)RuntimeHelpers.GetObjectAddress(array) + ElementsOffset;

        private static nuint ByteLengthOf(Array array, string paramName)
        {
            TypeDescriptor* type = TypeDescriptor.Of((void*)RuntimeHelpers.GetObjectAddress(array));
            if ((type->Flags & (TypeDescriptor.ElementsAreReferences | TypeDescriptor.HasReferenceMap)) != 0 || type->Rank != 0 || !IsPrimitiveArrayName(type->Name))
                ThrowHelpers.ThrowArgument(paramName, NotPrimitiveMessage);
            return (nuint)array.Length * type->ComponentSize;
        }

        private static readonly string[] PrimitiveArrayNames =
        {
            "System.Boolean[]", "System.Char[]", "System.SByte[]", "System.Byte[]", "System.Int16[]", "System.UInt16[]",
            "System.Int32[]", "System.UInt32[]", "System.Int64[]", "System.UInt64[]", "System.IntPtr[]", "System.UIntPtr[]",
            "System.Single[]", "System.Double[]",
        };

        private static bool IsPrimitiveArrayName(byte* name)
        {
            foreach (string candidate in PrimitiveArrayNames)
            {
                int i = 0;
                while (i < candidate.Length && name[i] == candidate[i]) i++;
                if (i == candidate.Length && name[i] == 0) return true;
            }
            return false;
        }
    }
}
