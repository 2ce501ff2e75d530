namespace System.Collections.Generic
{
    /// <summary>
    /// .NET picks the default comparer by reflection (IEquatable&lt;T&gt; or not, Nullable, enum). Here
    /// one class does it with type tests that the monomorphising compiler compiles per T: a T that
    /// implements IEquatable&lt;T&gt; is compared through it, anything else through Equals(object),
    /// which is what .NET's GenericEqualityComparer and ObjectEqualityComparer do.
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer<T>
    {
        private static EqualityComparer<T> s_default;

        protected EqualityComparer() { }

        public static EqualityComparer<T> Default => s_default ??= new DefaultEqualityComparer<T>();

        public abstract bool Equals(T x, T y);

        public abstract int GetHashCode(T obj);

        public static EqualityComparer<T> Create(Func<T, T, bool> equals, Func<T, int> getHashCode = null)
        {
            if (equals == null)
                throw new ArgumentNullException(nameof(equals));
            return new DelegateEqualityComparer<T>(equals, getHashCode);
        }
    }

    internal sealed class DefaultEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (!TypeTraits<T>.IsValueType)
            {
                if (x == null) return y == null;
                if (y == null) return false;
            }
            if (x is IEquatable<T> equatable) return equatable.Equals(y);
            return x.Equals(y);
        }

        public override int GetHashCode(T obj) => !TypeTraits<T>.IsValueType && obj == null ? 0 : obj.GetHashCode();

        public override bool Equals(object obj) => obj is DefaultEqualityComparer<T>;

        public override int GetHashCode() => 0x3A1F5C2E;
    }

    internal sealed class DelegateEqualityComparer<T> : EqualityComparer<T>
    {
        private readonly Func<T, T, bool> _equals;
        private readonly Func<T, int> _getHashCode;

        public DelegateEqualityComparer(Func<T, T, bool> equals, Func<T, int> getHashCode)
        {
            _equals = equals;
            _getHashCode = getHashCode;
        }

        public override bool Equals(T x, T y) => _equals(x, y);

        public override int GetHashCode(T obj)
        {
            if (_getHashCode == null)
                throw new NotSupportedException("Specified method is not supported.");
            return _getHashCode(obj);
        }
    }
}
