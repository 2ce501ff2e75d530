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

        protected StringComparer() { }

        public static StringComparer Ordinal => s_ordinal ??= new OrdinalComparer(false);

        public static StringComparer OrdinalIgnoreCase => s_ordinalIgnoreCase ??= new OrdinalComparer(true);

        public static StringComparer InvariantCulture => Ordinal;

        public static StringComparer InvariantCultureIgnoreCase => OrdinalIgnoreCase;

        public static StringComparer CurrentCulture => Ordinal;

        public static StringComparer CurrentCultureIgnoreCase => OrdinalIgnoreCase;

        public static StringComparer FromComparison(StringComparison comparisonType) =>
            ((int)comparisonType & 1) != 0 ? OrdinalIgnoreCase : Ordinal;

        public abstract int Compare(string x, string y);

        public abstract bool Equals(string x, string y);

        public abstract int GetHashCode(string obj);

        private sealed class OrdinalComparer : StringComparer
        {
            private readonly bool _ignoreCase;

            public OrdinalComparer(bool ignoreCase) { _ignoreCase = ignoreCase; }

            public override int Compare(string x, string y) =>
                string.Compare(x, y, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

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
