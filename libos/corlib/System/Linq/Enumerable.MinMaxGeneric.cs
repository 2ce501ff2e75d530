using System.Collections.Generic;

namespace System.Linq
{
    // Min, Max, MinBy, MaxBy over any type, by Comparer<T>.Default or a given comparer. For a type
    // whose default is null (classes, Nullable<T>) nulls are skipped and an empty sequence gives null;
    // for the other value types an empty sequence fails.
    public static partial class Enumerable
    {
        public static TSource Min<TSource>(this IEnumerable<TSource> source) => MinMax(source, null, -1);

        public static TSource Min<TSource>(this IEnumerable<TSource> source, IComparer<TSource> comparer) => MinMax(source, comparer, -1);

        public static TResult Min<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => MinMax(Select(source, selector), null, -1);

        public static TSource Max<TSource>(this IEnumerable<TSource> source) => MinMax(source, null, 1);

        public static TSource Max<TSource>(this IEnumerable<TSource> source, IComparer<TSource> comparer) => MinMax(source, comparer, 1);

        public static TResult Max<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => MinMax(Select(source, selector), null, 1);

        /// <summary>Min for <paramref name="sign"/> -1, Max for +1: keeps the first of equal extremes.</summary>
        private static TSource MinMax<TSource>(IEnumerable<TSource> source, IComparer<TSource> comparer, int sign)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            comparer ??= Comparer<TSource>.Default;
            using IEnumerator<TSource> e = source.GetEnumerator();
            TSource value;
            if (!TypeTraits<TSource>.IsValueType)
            {
                do
                {
                    if (!e.MoveNext()) return default;
                    value = e.Current;
                }
                while (value == null);
                while (e.MoveNext())
                {
                    TSource next = e.Current;
                    if (next != null && Sign(comparer.Compare(next, value)) == sign) value = next;
                }
                return value;
            }
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            value = e.Current;
            while (e.MoveNext())
            {
                TSource next = e.Current;
                if (Sign(comparer.Compare(next, value)) == sign) value = next;
            }
            return value;
        }

        private static int Sign(int c) => c > 0 ? 1 : c < 0 ? -1 : 0;

        public static TSource MinBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => MinMaxBy(source, keySelector, null, -1);

        public static TSource MinBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) => MinMaxBy(source, keySelector, comparer, -1);

        public static TSource MaxBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => MinMaxBy(source, keySelector, null, 1);

        public static TSource MaxBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer) => MinMaxBy(source, keySelector, comparer, 1);

        private static TSource MinMaxBy<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer, int sign)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            comparer ??= Comparer<TKey>.Default;
            using IEnumerator<TSource> e = source.GetEnumerator();
            if (!e.MoveNext())
            {
                if (!TypeTraits<TSource>.IsValueType) return default;
                throw LinqErrors.NoElements();
            }
            TSource value = e.Current;
            TKey key = keySelector(value);
            if (!TypeTraits<TKey>.IsValueType)
            {
                if (key == null)
                {
                    TSource firstValue = value;
                    do
                    {
                        if (!e.MoveNext()) return firstValue;
                        value = e.Current;
                        key = keySelector(value);
                    }
                    while (key == null);
                }
                while (e.MoveNext())
                {
                    TSource next = e.Current;
                    TKey nextKey = keySelector(next);
                    if (nextKey != null && Sign(comparer.Compare(nextKey, key)) == sign)
                    {
                        key = nextKey;
                        value = next;
                    }
                }
                return value;
            }
            while (e.MoveNext())
            {
                TSource next = e.Current;
                TKey nextKey = keySelector(next);
                if (Sign(comparer.Compare(nextKey, key)) == sign)
                {
                    key = nextKey;
                    value = next;
                }
            }
            return value;
        }
    }
}
