namespace System
{
    /// <summary>
    /// Base of all enums. The image carries no metadata, so the compiler gives each boxed enum type a
    /// ToString of its own (frontend/EnumFormatting.cs), built from the enum's constants; it calls
    /// the helpers here for what the names alone do not settle.
    /// </summary>
    public abstract class Enum : ValueType
    {
        protected Enum() { }

        /// <summary>Whether every bit of <paramref name="flag"/> is set in this value (both are boxes of the same enum).</summary>
        public unsafe bool HasFlag(Enum flag)
        {
            if (flag == null) throw new ArgumentNullException(nameof(flag));
            if (Runtime.CompilerServices.RuntimeHelpers.GetTypeDescriptor(this) != Runtime.CompilerServices.RuntimeHelpers.GetTypeDescriptor(flag))
                throw new ArgumentException("The argument type, '" + flag.ToString() + "', is not the same as the enum type '" + ToString() + "'.");
            ulong bits = BoxedValue(flag);
            return (BoxedValue(this) & bits) == bits;
        }

        /// <summary>Same enum type and the same value, as .NET compares boxed enums.</summary>
        public override unsafe bool Equals(object obj) =>
            obj != null && Runtime.CompilerServices.RuntimeHelpers.GetTypeDescriptor(this) == Runtime.CompilerServices.RuntimeHelpers.GetTypeDescriptor(obj)
            && BoxedValue(this) == BoxedValue(obj);

        public override int GetHashCode()
        {
            ulong value = BoxedValue(this);
            return (int)value ^ (int)(value >> 32);
        }

        /// <summary>The value of a boxed enum, zero-extended: its size is the box's size minus the header.</summary>
        private static unsafe ulong BoxedValue(object box)
        {
            byte* value = (byte*)Runtime.CompilerServices.RuntimeHelpers.GetObjectAddress(box) + 8;
            var type = (Runtime.TypeDescriptor*)Runtime.CompilerServices.RuntimeHelpers.GetTypeDescriptor(box);
            switch (type->BaseSize - 8)
            {
                case 1: return *value;
                case 2: return *(ushort*)value;
                case 4: return *(uint*)value;
                default: return *(ulong*)value;
            }
        }

        /// <summary>A value no constant names: its number, as .NET prints it.</summary>
        internal static string FormatNumber(long value, bool unsigned) =>
            unsigned ? Number.UInt64ToString((ulong)value) : Number.Int64ToString(value);

        /// <summary>
        /// A [Flags] enum's value as .NET formats it: the names of the flags it is made of, in
        /// ascending order of value, joined by ", "; the number if no combination of names makes it.
        /// <paramref name="values"/> is sorted ascending, <paramref name="names"/> in the same order.
        /// </summary>
        internal static string FormatFlags(long value, bool unsigned, long[] values, string[] names)
        {
            ulong remaining = (ulong)value;
            if (remaining == 0)
            {
                for (int i = 0; i < values.Length; i++)
                    if (values[i] == 0) return names[i];
                return "0";
            }
            var used = new bool[values.Length];
            for (int i = values.Length - 1; i >= 0; i--)
            {
                ulong flag = (ulong)values[i];
                if (flag == 0 || (remaining & flag) != flag) continue;
                remaining &= ~flag;
                used[i] = true;
                if (remaining == 0) break;
            }
            if (remaining != 0) return FormatNumber(value, unsigned);
            string result = null;
            for (int i = 0; i < values.Length; i++)
                if (used[i]) result = result == null ? names[i] : result + ", " + names[i];
            return result;
        }
    }
}
