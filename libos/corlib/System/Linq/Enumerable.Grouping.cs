using System.Collections.Generic;

namespace System.Linq
{
    // GroupBy, ToLookup, Join, GroupJoin, over Lookup.
    public static partial class Enumerable
    {
        public static IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => GroupBy(source, keySelector, (IEqualityComparer<TKey>)null);

        public static IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            return GroupByIterator(source, keySelector, Identity<TSource>.Func, comparer);
        }

        public static IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
            => GroupBy(source, keySelector, elementSelector, (IEqualityComparer<TKey>)null);

        public static IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            if (elementSelector == null) throw LinqErrors.ArgumentNull("elementSelector");
            return GroupByIterator(source, keySelector, elementSelector, comparer);
        }

        private static IEnumerable<IGrouping<TKey, TElement>> GroupByIterator<TSource, TKey, TElement>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            foreach (IGrouping<TKey, TElement> grouping in Lookup<TKey, TElement>.Create(source, keySelector, elementSelector, comparer))
                yield return grouping;
        }

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TKey, IEnumerable<TSource>, TResult> resultSelector)
            => GroupBy(source, keySelector, resultSelector, null);

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TKey, IEnumerable<TSource>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            if (resultSelector == null) throw LinqErrors.ArgumentNull("resultSelector");
            return GroupByResultIterator(source, keySelector, Identity<TSource>.Func, resultSelector, comparer);
        }

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TElement, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector)
            => GroupBy(source, keySelector, elementSelector, resultSelector, null);

        public static IEnumerable<TResult> GroupBy<TSource, TKey, TElement, TResult>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            if (elementSelector == null) throw LinqErrors.ArgumentNull("elementSelector");
            if (resultSelector == null) throw LinqErrors.ArgumentNull("resultSelector");
            return GroupByResultIterator(source, keySelector, elementSelector, resultSelector, comparer);
        }

        private static IEnumerable<TResult> GroupByResultIterator<TSource, TKey, TElement, TResult>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            foreach (TResult result in Lookup<TKey, TElement>.Create(source, keySelector, elementSelector, comparer).ApplyResultSelector(resultSelector))
                yield return result;
        }

        public static ILookup<TKey, TSource> ToLookup<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => ToLookup(source, keySelector, (IEqualityComparer<TKey>)null);

        public static ILookup<TKey, TSource> ToLookup<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            return Lookup<TKey, TSource>.Create(source, keySelector, Identity<TSource>.Func, comparer);
        }

        public static ILookup<TKey, TElement> ToLookup<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
            => ToLookup(source, keySelector, elementSelector, null);

        public static ILookup<TKey, TElement> ToLookup<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            if (elementSelector == null) throw LinqErrors.ArgumentNull("elementSelector");
            return Lookup<TKey, TElement>.Create(source, keySelector, elementSelector, comparer);
        }

        public static IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector)
            => Join(outer, inner, outerKeySelector, innerKeySelector, resultSelector, null);

        public static IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            if (outer == null) throw LinqErrors.ArgumentNull("outer");
            if (inner == null) throw LinqErrors.ArgumentNull("inner");
            if (outerKeySelector == null) throw LinqErrors.ArgumentNull("outerKeySelector");
            if (innerKeySelector == null) throw LinqErrors.ArgumentNull("innerKeySelector");
            if (resultSelector == null) throw LinqErrors.ArgumentNull("resultSelector");
            return JoinIterator(outer, inner, outerKeySelector, innerKeySelector, resultSelector, comparer);
        }

        private static IEnumerable<TResult> JoinIterator<TOuter, TInner, TKey, TResult>(IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            using IEnumerator<TOuter> e = outer.GetEnumerator();
            if (!e.MoveNext()) yield break;
            Lookup<TKey, TInner> lookup = Lookup<TKey, TInner>.CreateForJoin(inner, innerKeySelector, comparer);
            if (lookup.Count == 0) yield break;
            do
            {
                TOuter item = e.Current;
                Grouping<TKey, TInner> matches = lookup.GetGrouping(outerKeySelector(item), false);
                if (matches != null)
                {
                    int count = matches.Count;
                    for (int i = 0; i < count; i++)
                        yield return resultSelector(item, matches[i]);
                }
            }
            while (e.MoveNext());
        }

        public static IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector)
            => GroupJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector, null);

        public static IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            if (outer == null) throw LinqErrors.ArgumentNull("outer");
            if (inner == null) throw LinqErrors.ArgumentNull("inner");
            if (outerKeySelector == null) throw LinqErrors.ArgumentNull("outerKeySelector");
            if (innerKeySelector == null) throw LinqErrors.ArgumentNull("innerKeySelector");
            if (resultSelector == null) throw LinqErrors.ArgumentNull("resultSelector");
            return GroupJoinIterator(outer, inner, outerKeySelector, innerKeySelector, resultSelector, comparer);
        }

        private static IEnumerable<TResult> GroupJoinIterator<TOuter, TInner, TKey, TResult>(IEnumerable<TOuter> outer, IEnumerable<TInner> inner,
            Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            using IEnumerator<TOuter> e = outer.GetEnumerator();
            if (!e.MoveNext()) yield break;
            Lookup<TKey, TInner> lookup = Lookup<TKey, TInner>.CreateForJoin(inner, innerKeySelector, comparer);
            do
            {
                TOuter item = e.Current;
                yield return resultSelector(item, lookup[outerKeySelector(item)]);
            }
            while (e.MoveNext());
        }
    }
}
