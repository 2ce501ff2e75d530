namespace System.Runtime
{
    /// <summary>
    /// What the compiler's field-by-field Equals and GetHashCode of structs (frontend/ValueTypeEquality.cs)
    /// call for the fields it does not compare inline: references and floating point, with .NET's
    /// semantics (object.Equals; NaN equals NaN, and 0.0 equals -0.0).
    /// </summary>
    internal static class ValueTypeEquality
    {
        internal static bool ReferenceFieldsEqual(object a, object b) => object.Equals(a, b);

        internal static int ReferenceFieldHash(object o) => o == null ? 0 : o.GetHashCode();

        internal static bool DoubleFieldsEqual(double a, double b) => a == b || (a != a && b != b);

        internal static bool SingleFieldsEqual(float a, float b) => a == b || (a != a && b != b);

        internal static unsafe int DoubleFieldHash(double d)
        {
            if (d == 0) d = 0;
            if (d != d) d = double.NaN;
            long bits = *(long*)&d;
            return (int)bits ^ (int)(bits >> 32);
        }
    }
}
