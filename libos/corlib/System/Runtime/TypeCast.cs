namespace System.Runtime
{
    /// <summary>
    /// Type tests, casts, unboxing and interface dispatch, which the compiler lowers to calls of these
    /// exports (docs/runtime-contract.md). Objects arrive as raw pointers: the helpers only read headers
    /// and descriptors.
    /// </summary>
    public static unsafe class TypeCast
    {
        /// <summary>isinst: the object if it is an instance of <paramref name="target"/>, else null.</summary>
        [RuntimeExport("tb_is_instance")]
        public static void* IsInstance(void* obj, TypeDescriptor* target)
        {
            if (obj == null) return null;
            return IsAssignable(TypeDescriptor.Of(obj), target) ? obj : null;
        }

        /// <summary>castclass: the object if it is null or an instance; otherwise InvalidCastException.</summary>
        [RuntimeExport("tb_cast_class")]
        public static void* CastClass(void* obj, TypeDescriptor* target)
        {
            if (obj == null || IsAssignable(TypeDescriptor.Of(obj), target)) return obj;
            ThrowHelpers.ThrowInvalidCast(TypeDescriptor.Of(obj)->Name, target->Name);
            return null;
        }

        /// <summary>unbox: the address of the value in a box of exactly this value type (or of an enum with the same underlying type, as .NET allows).</summary>
        [RuntimeExport("tb_unbox")]
        public static void* Unbox(void* obj, TypeDescriptor* target)
        {
            if (obj == null)
            {
                ThrowHelpers.ThrowNullReference();
                return null;
            }
            TypeDescriptor* actual = TypeDescriptor.Of(obj);
            if (actual != target)
            {
                ThrowHelpers.ThrowInvalidCast(actual->Name, target->Name);
                return null;
            }
            return (byte*)obj + 8;
        }

        /// <summary>The code behind slot <paramref name="slot"/> of <paramref name="iface"/> for this object's type.</summary>
        [RuntimeExport("tb_find_interface_method")]
        public static void* FindInterfaceMethod(void* obj, TypeDescriptor* iface, int slot)
        {
            TypeDescriptor* type = TypeDescriptor.Of(obj);
            for (uint k = 0; k < type->InterfaceCount; k++)
            {
                if (type->Interfaces[k].Interface == iface)
                {
                    void* code = type->Interfaces[k].Methods[slot];
                    if (code != null) return code;
                    break;
                }
            }
            // Verified IL cannot get here except through what the compiler does not model yet (the
            // generic interfaces of arrays): stop loudly rather than call through a null pointer.
            ThrowHelpers.FailMissingInterface(type->Name, iface->Name);
            return null;
        }

        public static bool IsAssignable(TypeDescriptor* source, TypeDescriptor* target)
        {
            if (source == target) return true;
            if ((target->Flags & TypeDescriptor.IsInterface) != 0)
            {
                for (uint k = 0; k < source->InterfaceCount; k++)
                    if (source->Interfaces[k].Interface == target) return true;
                return false;
            }
            if ((target->Flags & TypeDescriptor.IsArray) != 0)
            {
                // Array covariance: string[] is an object[]; arrays of value types match only exactly.
                if ((source->Flags & TypeDescriptor.IsArray) == 0) return false;
                if (source->ElementType == null || target->ElementType == null) return false;
                return IsAssignable(source->ElementType, target->ElementType);
            }
            for (TypeDescriptor* p = source->Parent; p != null; p = p->Parent)
                if (p == target) return true;
            return false;
        }
    }
}
