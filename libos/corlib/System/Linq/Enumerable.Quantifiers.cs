using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // Any, All, Count, LongCount, TryGetNonEnumeratedCount, Contains, SequenceEqual, Aggregate.
    public static partial class Enumerable
    {
        /// <summary>The count if it is known without enumerating (and without running selectors), else -1.</summary>
        internal static int CheapCount<TSource>(IEnumerable<TSource> source)
        {
            if (source is ICollection<TSource> collection) return collection.Count;
            if (source is IndexedView<TSource> view) return view.ViewCount;
            if (source is OrderedEnumerable<TSource> ordered) return CheapCount(ordered._source);
            if (source is LinqIterator<TSource> iterator) return iterator.CheapCount;
            return -1;
        }

        public static bool TryGetNonEnumeratedCount<TSource>(this IEnumerable<TSource> source, out int count)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            count = CheapCount(source);
            if (count >= 0) return true;
            count = 0;
            return false;
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            int count = CheapCount(source);
            if (count >= 0) return count != 0;
            using IEnumerator<TSource> e = source.GetEnumerator();
            return e.MoveNext();
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            foreach (TSource item in source)
                if (predicate(item)) return true;
            return false;
        }

        public static bool All<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            foreach (TSource item in source)
                if (!predicate(item)) return false;
            return true;
        }

        public static int Count<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (source is ICollection<TSource> collection) return collection.Count;
            if (source is IndexedView<TSource> view) return view.CountRunningSelector();
            if (source is OrderedEnumerable<TSource> ordered) return ordered._source.Count();
            if (source is LinqIterator<TSource> iterator) return iterator.CountAll();
            return CountByEnumerating(source);
        }

        internal static int CountByEnumerating<TSource>(IEnumerable<TSource> source)
        {
            int count = 0;
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                while (e.MoveNext()) checked { count++; }
            }
            return count;
        }

        public static int Count<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            int count = 0;
            foreach (TSource item in source)
                if (predicate(item)) checked { count++; }
            return count;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            int known = CheapCount(source);
            if (known >= 0) return known;
            long count = 0;
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                while (e.MoveNext()) checked { count++; }
            }
            return count;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            long count = 0;
            foreach (TSource item in source)
                if (predicate(item)) checked { count++; }
            return count;
        }

        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value)
        {
            if (source is ICollection<TSource> collection) return collection.Contains(value);
            return Contains(source, value, null);
        }

        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value, IEqualityComparer<TSource> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            comparer ??= EqualityComparer<TSource>.Default;
            foreach (TSource item in source)
                if (comparer.Equals(item, value)) return true;
            return false;
        }

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second) => SequenceEqual(first, second, null);

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            if (first == null) throw LinqErrors.ArgumentNull("first");
            if (second == null) throw LinqErrors.ArgumentNull("second");
            comparer ??= EqualityComparer<TSource>.Default;
            if (first is ICollection<TSource> firstCollection && second is ICollection<TSource> secondCollection)
            {
                if (firstCollection.Count != secondCollection.Count) return false;
                if (first is IList<TSource> firstList && second is IList<TSource> secondList)
                {
                    int count = firstList.Count;
                    for (int i = 0; i < count; i++)
                        if (!comparer.Equals(firstList[i], secondList[i])) return false;
                    return true;
                }
            }
            using IEnumerator<TSource> e1 = first.GetEnumerator();
            using IEnumerator<TSource> e2 = second.GetEnumerator();
            while (e1.MoveNext())
                if (!(e2.MoveNext() && comparer.Equals(e1.Current, e2.Current))) return false;
            return !e2.MoveNext();
        }

        public static TSource Aggregate<TSource>(this IEnumerable<TSource> source, Func<TSource, TSource, TSource> func)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (func == null) throw LinqErrors.ArgumentNull("func");
            using IEnumerator<TSource> e = source.GetEnumerator();
            if (!e.MoveNext()) throw LinqErrors.NoElements();
            TSource result = e.Current;
            while (e.MoveNext()) result = func(result, e.Current);
            return result;
        }

        public static TAccumulate Aggregate<TSource, TAccumulate>(this IEnumerable<TSource> source, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (func == null) throw LinqErrors.ArgumentNull("func");
            TAccumulate result = seed;
            foreach (TSource item in source) result = func(result, item);
            return result;
        }

        public static TResult Aggregate<TSource, TAccumulate, TResult>(this IEnumerable<TSource> source, TAccumulate seed,
            Func<TAccumulate, TSource, TAccumulate> func, Func<TAccumulate, TResult> resultSelector)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (func == null) throw LinqErrors.ArgumentNull("func");
            if (resultSelector == null) throw LinqErrors.ArgumentNull("resultSelector");
            TAccumulate result = seed;
            foreach (TSource item in source) result = func(result, item);
            return resultSelector(result);
        }
    }
}
