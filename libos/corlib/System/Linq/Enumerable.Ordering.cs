using System.Collections.Generic;

namespace System.Linq
{
    // OrderBy, OrderByDescending, ThenBy, ThenByDescending, Order, OrderDescending, Reverse.
    public static partial class Enumerable
    {
        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => OrderBy(source, keySelector, null);

        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            return new OrderedEnumerable<TSource, TKey>(source, keySelector, comparer, false, null);
        }

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => OrderByDescending(source, keySelector, null);

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            return new OrderedEnumerable<TSource, TKey>(source, keySelector, comparer, true, null);
        }

        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => ThenBy(source, keySelector, null);

        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            return source.CreateOrderedEnumerable(keySelector, comparer, false);
        }

        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => ThenByDescending(source, keySelector, null);

        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            return source.CreateOrderedEnumerable(keySelector, comparer, true);
        }

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source) => Order(source, null);

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source, IComparer<T> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return new OrderedEnumerable<T, T>(source, Identity<T>.Func, comparer, false, null);
        }

        public static IOrderedEnumerable<T> OrderDescending<T>(this IEnumerable<T> source) => OrderDescending(source, null);

        public static IOrderedEnumerable<T> OrderDescending<T>(this IEnumerable<T> source, IComparer<T> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return new OrderedEnumerable<T, T>(source, Identity<T>.Func, comparer, true, null);
        }

        public static IEnumerable<TSource> Reverse<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return new ReverseEnumerable<TSource>(source);
        }

        /// <summary>.NET 10's overload for arrays, which C# 14 would otherwise bind to the in-place span Reverse.</summary>
        public static IEnumerable<TSource> Reverse<TSource>(this TSource[] array)
        {
            if (array == null) throw LinqErrors.ArgumentNull("array");
            return array.Length == 0 ? Empty<TSource>() : new ReverseEnumerable<TSource>(array);
        }
    }
}
