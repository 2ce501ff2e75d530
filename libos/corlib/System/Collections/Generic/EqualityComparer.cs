using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// .NET picks the default comparer by reflection at run time (IEquatable&lt;T&gt; or not). Here the
    /// compiler picks it while compiling T (RuntimeIntrinsics.CreateDefaultEqualityComparer): a T that
    /// implements IEquatable&lt;T&gt; gets <see cref="GenericEqualityComparer{T}"/>, anything else
    /// <see cref="ObjectEqualityComparer{T}"/>, which is what .NET's two comparers of those names do.
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer<T>
    {
        private static EqualityComparer<T> s_default;

        protected EqualityComparer() { }

        public static EqualityComparer<T> Default => s_default ??= RuntimeIntrinsics.CreateDefaultEqualityComparer<T>();

        public abstract bool Equals(T x, T y);

        public abstract int GetHashCode(T obj);

        public static EqualityComparer<T> Create(Func<T, T, bool> equals, Func<T, int> getHashCode = null)
        {
            if (equals == null)
                throw new ArgumentNullException(nameof(equals));
            return new DelegateEqualityComparer<T>(equals, getHashCode);
        }
    }

    /// <summary>
    /// T's own Equals(T) and GetHashCode through constrained calls: for a value type or a sealed class
    /// the compiler calls them directly, with no box and no type test, so a dictionary probe costs a
    /// hash and a comparison. The null tests are left out for value types, where they would box.
    /// </summary>
    internal sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
    {
        public override bool Equals(T x, T y)
        {
            if (!TypeTraits<T>.IsValueType)
            {
                if (x == null) return y == null;
                if (y == null) return false;
            }
            return x.Equals(y);
        }

        public override int GetHashCode(T obj) => !TypeTraits<T>.IsValueType && obj == null ? 0 : obj.GetHashCode();

        public override bool Equals(object obj) => obj is GenericEqualityComparer<T>;

        public override int GetHashCode() => 0x3A1F5C2E;
    }

    /// <summary>
    /// For a T without IEquatable&lt;T&gt;: Equals(object), as .NET's ObjectEqualityComparer. The same text
    /// as GenericEqualityComparer's, but without the constraint <c>x.Equals(y)</c> binds to
    /// Equals(object) and boxes y, so the two cannot share it.
    /// </summary>
    internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (!TypeTraits<T>.IsValueType)
            {
                if (x == null) return y == null;
                if (y == null) return false;
            }
            return x.Equals(y);
        }

        public override int GetHashCode(T obj) => !TypeTraits<T>.IsValueType && obj == null ? 0 : obj.GetHashCode();

        public override bool Equals(object obj) => obj is ObjectEqualityComparer<T>;

        public override int GetHashCode() => 0x2B6E4D19;
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
