using System.Collections.Generic;

namespace System
{
    /// <summary>
    /// Ordinal comparers. The culture ones are the ordinal ones here: the only culture is the
    /// invariant one, under which .NET compares ordinally too (docs/corlib.md).
    /// </summary>
    public abstract class StringComparer : IComparer<string>, IEqualityComparer<string>
    {
        private static StringComparer s_ordinal;
        private static StringComparer s_ordinalIgnoreCase;
        private static StringComparer s_culture;
        private static StringComparer s_cultureIgnoreCase;

        protected StringComparer() { }

        public static StringComparer Ordinal => s_ordinal ??= new OrdinalComparer(StringComparison.Ordinal);

        public static StringComparer OrdinalIgnoreCase => s_ordinalIgnoreCase ??= new OrdinalComparer(StringComparison.OrdinalIgnoreCase);

        /// <summary>Culture comparers differ from the ordinal ones only in Compare's value (.NET's CompareOrdinal quirk).</summary>
        public static StringComparer InvariantCulture => s_culture ??= new OrdinalComparer(StringComparison.InvariantCulture);

        public static StringComparer InvariantCultureIgnoreCase => s_cultureIgnoreCase ??= new OrdinalComparer(StringComparison.InvariantCultureIgnoreCase);

        public static StringComparer CurrentCulture => InvariantCulture;

        public static StringComparer CurrentCultureIgnoreCase => InvariantCultureIgnoreCase;

        public static StringComparer FromComparison(StringComparison comparisonType) => comparisonType switch
        {
            StringComparison.Ordinal => Ordinal,
            StringComparison.OrdinalIgnoreCase => OrdinalIgnoreCase,
            StringComparison.CurrentCulture or StringComparison.InvariantCulture => InvariantCulture,
            StringComparison.CurrentCultureIgnoreCase or StringComparison.InvariantCultureIgnoreCase => InvariantCultureIgnoreCase,
            _ => throw new ArgumentException("The string comparison type passed in is currently not supported.", nameof(comparisonType)),
        };

        public abstract int Compare(string x, string y);

        public abstract bool Equals(string x, string y);

        public abstract int GetHashCode(string obj);

        private sealed class OrdinalComparer : StringComparer
        {
            private readonly StringComparison _comparison;
            private readonly bool _ignoreCase;

            public OrdinalComparer(StringComparison comparison)
            {
                _comparison = comparison;
                _ignoreCase = ((int)comparison & 1) != 0;
            }

            public override int Compare(string x, string y) => string.Compare(x, y, _comparison);

            public override bool Equals(string x, string y) =>
                string.Equals(x, y, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

            public override int GetHashCode(string obj)
            {
                if (obj == null) throw new ArgumentNullException(nameof(obj));
                return _ignoreCase ? obj.ToUpperInvariant().GetHashCode() : obj.GetHashCode();
            }
        }
    }
}
