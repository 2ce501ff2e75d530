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
