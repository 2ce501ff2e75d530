using System.Runtime;

namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// Marking: an explicit stack of objects marked but not yet scanned, so a long linked list costs
    /// stack entries, never native stack frames. When the stack is full the object stays marked and
    /// the overflow is remembered; <see cref="GcHeap"/> then rescans the marked objects.
    /// </summary>
    public static unsafe class GcMarker
    {
        private static void** s_stack;
        private static nuint s_capacity;
        private static nuint s_top;
        private static bool s_overflowed;
        private static nuint s_overflows;

        public static void Initialize(void** stack, nuint capacity)
        {
            s_stack = stack;
            s_capacity = capacity;
            s_top = 0;
            s_overflowed = false;
            s_overflows = 0;
        }

        /// <summary>How often the mark stack overflowed, over all collections.</summary>
        public static nuint Overflows => s_overflows;

        public static void BeginCollection()
        {
            s_top = 0;
            s_overflowed = false;
        }

        /// <summary>A word that may or may not be a reference (a stack slot, a saved register).</summary>
        public static void MarkConservative(nuint word) => Push(GcHeap.MarkAddress(word));

        /// <summary>A reference slot: null, an object in the heap, or an object outside it (a string literal).</summary>
        public static void MarkReference(void* reference) => Push(GcHeap.MarkAddress((nuint)reference));

        private static void Push(byte* obj)
        {
            if (obj == null)
                return;
            if (s_top == s_capacity)
            {
                s_overflowed = true;
                s_overflows++;
                return;
            }
            s_stack[s_top++] = obj;
        }

        public static void Drain()
        {
            while (s_top > 0)
                ScanObject((byte*)s_stack[--s_top]);
        }

        /// <summary>True once per overflow since the last call.</summary>
        public static bool TakeOverflow()
        {
            bool overflowed = s_overflowed;
            s_overflowed = false;
            return overflowed;
        }

        /// <summary>Marks and queues every object <paramref name="obj"/> refers to, as its descriptor lays them out.</summary>
        public static void ScanObject(byte* obj)
        {
            TypeDescriptor* type = *(TypeDescriptor**)obj;
            // A cell is allocated before the compiler writes its header; a collection cannot happen in
            // between, but a conservative word may still find a cell whose header is not there yet.
            if (type == null)
                return;
            uint flags = type->Flags;
            if ((flags & TypeDescriptor.ElementsAreReferences) != 0)
            {
                nuint length = (nuint)(uint)*(int*)(obj + 8);
                // Elements start at the base size: 16, or after the lengths of a multi-dimensional array.
                void** elements = (void**)(obj + type->BaseSize);
                for (nuint i = 0; i < length; i++)
                    MarkReference(elements[i]);
                return;
            }
            if ((flags & TypeDescriptor.HasReferenceMap) == 0)
                return;
            int* map = type->ReferenceMap;
            if (map == null)
                return;
            int count = map[0];
            if ((flags & TypeDescriptor.IsArray) == 0)
            {
                for (int k = 0; k < count; k++)
                    MarkReference(*(void**)(obj + map[1 + k]));
                return;
            }
            nuint elementsLength = (nuint)(uint)*(int*)(obj + 8);
            nuint stride = type->ComponentSize;
            byte* element = obj + type->BaseSize;
            for (nuint i = 0; i < elementsLength; i++, element += stride)
                for (int k = 0; k < count; k++)
                    MarkReference(*(void**)(element + map[1 + k]));
        }

        /// <summary>
        /// The references of <paramref name="obj"/> inside [<paramref name="low"/>, <paramref name="high"/>):
        /// a minor collection's scan of one dirty card of a large array. Any other object is scanned whole;
        /// then the result is false, and the caller's other cards of the object need no scan.
        /// </summary>
        public static bool ScanObjectRange(byte* obj, byte* low, byte* high)
        {
            TypeDescriptor* type = *(TypeDescriptor**)obj;
            if (type == null)
                return false;
            uint flags = type->Flags;
            if ((flags & TypeDescriptor.IsArray) == 0 || (flags & (TypeDescriptor.ElementsAreReferences | TypeDescriptor.HasReferenceMap)) == 0)
            {
                ScanObject(obj);
                return false;
            }
            nuint length = (nuint)(uint)*(int*)(obj + 8);
            byte* elements = obj + type->BaseSize;
            nuint stride = (flags & TypeDescriptor.ElementsAreReferences) != 0 ? (nuint)sizeof(void*) : type->ComponentSize;
            if (stride == 0 || high <= elements)
                return true;
            nuint first = low <= elements ? 0 : (nuint)(low - elements) / stride;
            nuint end = ((nuint)(high - elements) + stride - 1) / stride;
            if (end > length)
                end = length;
            if ((flags & TypeDescriptor.ElementsAreReferences) != 0)
            {
                void** references = (void**)elements;
                for (nuint i = first; i < end; i++)
                    MarkReference(references[i]);
                return true;
            }
            int* map = type->ReferenceMap;
            if (map == null)
                return true;
            int count = map[0];
            for (nuint i = first; i < end; i++)
                for (int k = 0; k < count; k++)
                    MarkReference(*(void**)(elements + i * stride + map[1 + k]));
            return true;
        }

        /// <summary>Whether the object's type has reference fields or elements (an object whose header is not written yet: no).</summary>
        public static bool MayHoldReferences(byte* obj)
        {
            TypeDescriptor* type = *(TypeDescriptor**)obj;
            return type != null && (type->Flags & (TypeDescriptor.ElementsAreReferences | TypeDescriptor.HasReferenceMap)) != 0;
        }

        /// <summary>Reports every reference of <paramref name="obj"/> to an allocated but unmarked object (barrier verification).</summary>
        public static void VerifyObject(byte* obj)
        {
            TypeDescriptor* type = *(TypeDescriptor**)obj;
            if (type == null)
                return;
            uint flags = type->Flags;
            if ((flags & TypeDescriptor.ElementsAreReferences) != 0)
            {
                nuint length = (nuint)(uint)*(int*)(obj + 8);
                for (nuint i = 0; i < length; i++)
                    VerifySlot(obj, type->BaseSize + i * (nuint)sizeof(void*));
                return;
            }
            if ((flags & TypeDescriptor.HasReferenceMap) == 0 || type->ReferenceMap == null)
                return;
            int* map = type->ReferenceMap;
            int count = map[0];
            if ((flags & TypeDescriptor.IsArray) == 0)
            {
                for (int k = 0; k < count; k++)
                    VerifySlot(obj, (nuint)map[1 + k]);
                return;
            }
            nuint elementsLength = (nuint)(uint)*(int*)(obj + 8);
            for (nuint i = 0; i < elementsLength; i++)
                for (int k = 0; k < count; k++)
                    VerifySlot(obj, type->BaseSize + i * type->ComponentSize + (nuint)map[1 + k]);
        }

        private static void VerifySlot(byte* obj, nuint offset)
        {
            nuint reference = *(nuint*)(obj + offset);
            if (reference != 0 && GcHeap.IsUnmarkedObject(reference))
                GcHeap.ReportMissedBarrier(obj, offset, reference);
        }

        /// <summary>An object's size from its descriptor and length, rounded up to 8 as allocation does.</summary>
        public static nuint ObjectSize(byte* obj)
        {
            TypeDescriptor* type = *(TypeDescriptor**)obj;
            if (type == null)
                return 0;
            nuint size = type->BaseSize;
            uint flags = type->Flags;
            if ((flags & TypeDescriptor.IsString) != 0)
                size += 2 * ((nuint)(uint)*(int*)(obj + 8) + 1);
            else if ((flags & TypeDescriptor.IsArray) != 0)
                size += (nuint)(uint)*(int*)(obj + 8) * type->ComponentSize;
            return (size + 7) & ~(nuint)7;
        }
    }
}
