using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Base of all structs. .NET compares fields by reflection (or bits when the struct holds no
    /// references); here the boxed value is compared from its type descriptor: reference fields with
    /// Equals, everything else bit for bit. Boxes start zeroed and only fields are stored, so padding
    /// compares equal. One difference from .NET: float and double fields compare by bits (0.0 is not
    /// -0.0, a NaN equals the same NaN bits), where .NET calls their Equals.
    /// </summary>
    public abstract unsafe class ValueType
    {
        private const int ValueOffset = 8;

        protected ValueType() { }

        public override bool Equals(object obj)
        {
            if (obj == null) return false;
            TypeDescriptor* type = TypeDescriptor.Of((void*)RuntimeHelpers.GetObjectAddress(this));
            if (TypeDescriptor.Of((void*)RuntimeHelpers.GetObjectAddress(obj)) != type) return false;
            byte* a = (byte*)RuntimeHelpers.GetObjectAddress(this);
            byte* b = (byte*)RuntimeHelpers.GetObjectAddress(obj);
            int* map = (type->Flags & TypeDescriptor.HasReferenceMap) != 0 ? type->ReferenceMap : null;
            int offset = ValueOffset;
            int count = map == null ? 0 : map[0];
            for (int k = 0; k <= count; k++)
            {
                int end = k < count ? map[k + 1] : (int)type->BaseSize;
                if (end > offset && Memory.Compare(a + offset, b + offset, (nuint)(end - offset)) != 0) return false;
                if (k == count) break;
                object x = *(object*)(a + end);
                object y = *(object*)(b + end);
                if (x == null ? y != null : !x.Equals(y)) return false;
                offset = end + sizeof(nint);
            }
            return true;
        }

        public override int GetHashCode()
        {
            TypeDescriptor* type = TypeDescriptor.Of((void*)RuntimeHelpers.GetObjectAddress(this));
            byte* a = (byte*)RuntimeHelpers.GetObjectAddress(this);
            int* map = (type->Flags & TypeDescriptor.HasReferenceMap) != 0 ? type->ReferenceMap : null;
            int count = map == null ? 0 : map[0];
            uint hash = 2166136261;
            int offset = ValueOffset;
            for (int k = 0; k <= count; k++)
            {
                int end = k < count ? map[k + 1] : (int)type->BaseSize;
                for (int i = offset; i < end; i++) hash = (hash ^ a[i]) * 16777619;
                if (k == count) break;
                object x = *(object*)(a + end);
                hash = (hash ^ (uint)(x == null ? 0 : x.GetHashCode())) * 16777619;
                offset = end + sizeof(nint);
            }
            return (int)hash;
        }
    }
}
