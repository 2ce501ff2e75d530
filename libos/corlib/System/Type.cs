using System.Collections.Generic;
using System.Runtime;

namespace System
{
    /// <summary>
    /// A type, as <c>typeof</c> and <c>GetType()</c> give it: what the type descriptor knows (its
    /// name as .NET spells <c>Type.ToString()</c>, its base type, whether it is an array, an interface
    /// or a value type, its element type), with one Type object per type so that references compare
    /// like .NET's. There is no reflection metadata in the image: no members, attributes or
    /// generic arguments.
    /// </summary>
    public abstract class Type : System.Reflection.MemberInfo
    {
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => RuntimeType.Of(handle.Value);

        public abstract string FullName { get; }
        public abstract string Namespace { get; }
        public abstract Type BaseType { get; }
        public abstract bool IsArray { get; }
        public abstract bool IsInterface { get; }
        public abstract bool IsValueType { get; }
        public abstract bool IsEnum { get; }
        public abstract bool IsGenericType { get; }
        public bool IsClass => !IsInterface && !IsValueType;
        public abstract Type GetElementType();
        public abstract bool IsAssignableFrom(Type c);
        public abstract bool IsInstanceOfType(object o);
        public virtual bool IsSubclassOf(Type c)
        {
            for (Type t = BaseType; t != null; t = t.BaseType)
                if (t == c) return true;
            return false;
        }

        public static bool operator ==(Type left, Type right) => (object)left == right;
        public static bool operator !=(Type left, Type right) => (object)left != right;
        public override bool Equals(object o) => (object)this == o;
        public virtual bool Equals(Type o) => (object)this == o;
        public override int GetHashCode() => base.GetHashCode();
    }

    internal sealed unsafe class RuntimeType : Type
    {
        private static Dictionary<IntPtr, RuntimeType> s_types;
        private readonly TypeDescriptor* _descriptor;
        private string _toString;

        private RuntimeType(TypeDescriptor* descriptor) { _descriptor = descriptor; }

        internal static RuntimeType Of(IntPtr descriptor)
        {
            if (descriptor == IntPtr.Zero) return null;
            if (s_types == null) s_types = new Dictionary<IntPtr, RuntimeType>();
            if (!s_types.TryGetValue(descriptor, out RuntimeType type))
            {
                type = new RuntimeType((TypeDescriptor*)descriptor);
                s_types.Add(descriptor, type);
            }
            return type;
        }

        public override string ToString() => _toString ??= string.FromUtf8Ascii(_descriptor->Name);

        /// <summary>Where generic arguments start ("List`1[System.Int32]"), else the length; array suffixes ("[]", "[,]") are not arguments.</summary>
        private int GenericArgumentsStart()
        {
            string s = ToString();
            for (int i = 0; i + 1 < s.Length; i++)
                if (s[i] == '[' && s[i + 1] != ']' && s[i + 1] != ',' && s[i + 1] != '*')
                    return i;
            return s.Length;
        }

        /// <summary>Where the simple name starts: after the last '.' or '+' before the generic arguments.</summary>
        private int SimpleNameStart(int end)
        {
            string s = ToString();
            for (int i = end - 1; i >= 0; i--)
                if (s[i] == '.' || s[i] == '+') return i + 1;
            return 0;
        }

        public override string Name
        {
            get
            {
                string s = ToString();
                int arguments = GenericArgumentsStart();
                string name = s.Substring(SimpleNameStart(arguments), arguments - SimpleNameStart(arguments));
                if (arguments == s.Length) return name;
                // The array suffixes after the arguments belong to the name: List`1[System.Int32][] is "List`1[]".
                int depth = 0, i = arguments;
                for (; i < s.Length; i++)
                {
                    if (s[i] == '[') depth++;
                    else if (s[i] == ']' && --depth == 0) { i++; break; }
                }
                return name + s.Substring(i);
            }
        }

        public override string FullName
        {
            get
            {
                // .NET qualifies generic arguments with their assemblies' names and versions, which an image without metadata does not know.
                if (IsGenericType) throw new NotSupportedException("Type.FullName of a generic instantiation needs assembly metadata, which the image does not have; use ToString().");
                return ToString();
            }
        }

        public override string Namespace
        {
            get
            {
                string s = ToString();
                int end = GenericArgumentsStart();
                int nested = s.IndexOf('+');
                if (nested >= 0 && nested < end) end = nested;
                for (int i = end - 1; i >= 0; i--)
                    if (s[i] == '.') return s.Substring(0, i);
                return null;
            }
        }

        public override Type BaseType => IsInterface ? null : Of((IntPtr)_descriptor->Parent);
        public override bool IsArray => (_descriptor->Flags & TypeDescriptor.IsArray) != 0;
        public override bool IsInterface => (_descriptor->Flags & TypeDescriptor.IsInterface) != 0;
        public override bool IsValueType => (_descriptor->Flags & TypeDescriptor.IsBoxedValueType) != 0;
        public override bool IsEnum => IsValueType && BaseType == typeof(Enum);
        public override bool IsGenericType => !IsArray && GenericArgumentsStart() < ToString().Length;

        public override Type GetElementType()
        {
            if (!IsArray) return null;
            if (_descriptor->ElementType != null) return Of((IntPtr)_descriptor->ElementType);
            throw new NotSupportedException("Type.GetElementType of an array of value types: the descriptor does not record the element type.");
        }

        public override bool IsAssignableFrom(Type c) =>
            c is RuntimeType other && TypeCast.IsAssignable(other._descriptor, _descriptor);

        public override bool IsInstanceOfType(object o) =>
            o != null && TypeCast.IsAssignable((TypeDescriptor*)System.Runtime.CompilerServices.RuntimeHelpers.GetTypeDescriptor(o), _descriptor);
    }
}
