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

        /// <summary>
        /// An identity hash derived from the object's address. The heap never moves objects (it is a
        /// bump allocator), so the address is stable for the object's lifetime, which is all .NET promises.
        /// </summary>
        public virtual int GetHashCode() => RuntimeHelpers.GetHashCode(this);

        /// <summary>.NET's name of the runtime type, read from the object's type descriptor.</summary>
        public virtual unsafe string ToString() =>
            string.FromUtf8Ascii(((System.Runtime.TypeDescriptor*)RuntimeHelpers.GetTypeDescriptor(this))->Name);
    }
}
