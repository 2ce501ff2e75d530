using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>The root of the type hierarchy.</summary>
    public class Object
    {
        public Object() { }

        /// <summary>Reference equality, as in .NET; types with value semantics override it.</summary>
        public virtual bool Equals(object obj) => this == obj;

        public static bool ReferenceEquals(object objA, object objB) => objA == objB;

        public static bool Equals(object objA, object objB)
        {
            if (objA == objB) return true;
            if (objA == null || objB == null) return false;
            return objA.Equals(objB);
        }

        /// <summary>
        /// An identity hash derived from the object's address. The heap never moves objects (it is a
        /// bump allocator), so the address is stable for the object's lifetime, which is all .NET promises.
        /// </summary>
        public virtual int GetHashCode() => RuntimeHelpers.GetHashCode(this);

        /// <summary>The object's type: one Type per type descriptor (see Type).</summary>
        public Type GetType() => RuntimeType.Of(RuntimeHelpers.GetTypeDescriptor(this));

        /// <summary>A shallow copy: same type, same field values (arrays and strings included).</summary>
        protected unsafe object MemberwiseClone()
        {
            byte* source = (byte*)RuntimeHelpers.GetObjectAddress(this);
            var type = (System.Runtime.TypeDescriptor*)RuntimeHelpers.GetTypeDescriptor(this);
            nuint size = type->BaseSize;
            if (type->ComponentSize != 0)
            {
                nuint count = *(uint*)(source + 8);
                if ((type->Flags & System.Runtime.TypeDescriptor.IsString) != 0) count++;
                size += count * type->ComponentSize;
            }
            size = (size + 7) & ~(nuint)7;
            byte* copy = (byte*)AllocateObjectMemory(size);
            if (copy == null) return null;
            System.Runtime.Memory.Copy(copy, source, size);
            return Unsafe.ReadUnaligned<object>(&copy);
        }

        // The heap's allocation entry point: zeroed memory, or null with OutOfMemoryException pending.
        [System.Runtime.RuntimeImport("tb_alloc")]
        private static extern unsafe void* AllocateObjectMemory(nuint size);

        /// <summary>.NET's name of the runtime type, read from the object's type descriptor.</summary>
        public virtual unsafe string ToString() =>
            string.FromUtf8Ascii(((System.Runtime.TypeDescriptor*)RuntimeHelpers.GetTypeDescriptor(this))->Name);
    }
}
