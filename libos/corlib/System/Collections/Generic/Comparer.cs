namespace System.Collections.Generic
{
    /// <summary>
    /// The default order: IComparable&lt;T&gt; when T implements it, else the non-generic IComparable,
    /// null before everything; as .NET's GenericComparer and ObjectComparer, chosen by type tests that
    /// the compiler resolves per T instead of by reflection.
    /// </summary>
    public abstract class Comparer<T> : IComparer<T>
    {
        private static Comparer<T> s_default;

        protected Comparer() { }

        public static Comparer<T> Default => s_default ??= new DefaultComparer<T>();

        public abstract int Compare(T x, T y);

        public static Comparer<T> Create(Comparison<T> comparison)
        {
            if (comparison == null)
                throw new ArgumentNullException(nameof(comparison));
            return new ComparisonComparer<T>(comparison);
        }
    }

    internal sealed class DefaultComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is IComparable<T> generic) return generic.CompareTo(y);
            if (x is IComparable comparable) return comparable.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;

        public ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }

        public override int Compare(T x, T y) => _comparison(x, y);
    }
}
