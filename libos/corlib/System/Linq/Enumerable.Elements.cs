using System.Collections.Generic;

namespace System.Linq
{
    // First, Last, Single, ElementAt and their OrDefault forms; DefaultIfEmpty.
    public static partial class Enumerable
    {
        private static TSource TryGetFirst<TSource>(IEnumerable<TSource> source, out bool found)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return TryGetFirstCore(source, out found);
        }

        internal static TSource TryGetFirstCore<TSource>(IEnumerable<TSource> source, out bool found)
        {
            if (source is IndexedView<TSource> view)
            {
                found = view.ViewCount > 0;
                return found ? view.At(0) : default;
            }
            if (source is IList<TSource> list)
            {
                found = list.Count > 0;
                return found ? list[0] : default;
            }
            if (source is OrderedEnumerable<TSource> ordered) return ordered.TryGetFirst(out found);
            if (source is LinqIterator<TSource> iterator) return iterator.TryGetFirst(out found);
            return TryGetFirstByEnumerating(source, out found);
        }

        internal static TSource TryGetFirstByEnumerating<TSource>(IEnumerable<TSource> source, out bool found)
        {
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                if (e.MoveNext())
                {
                    found = true;
                    return e.Current;
                }
            }
            found = false;
            return default;
        }

        private static TSource TryGetFirst<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            foreach (TSource item in source)
            {
                if (predicate(item))
                {
                    found = true;
                    return item;
                }
            }
            found = false;
            return default;
        }

        private static TSource TryGetLast<TSource>(IEnumerable<TSource> source, out bool found)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return TryGetLastCore(source, out found);
        }

        internal static TSource TryGetLastCore<TSource>(IEnumerable<TSource> source, out bool found)
        {
            if (source is IndexedView<TSource> view)
            {
                int n = view.ViewCount;
                found = n > 0;
                return found ? view.At(n - 1) : default;
            }
            if (source is IList<TSource> list)
            {
                int n = list.Count;
                found = n > 0;
                return found ? list[n - 1] : default;
            }
            if (source is OrderedEnumerable<TSource> ordered) return ordered.TryGetLast(out found);
            if (source is LinqIterator<TSource> iterator) return iterator.TryGetLast(out found);
            return TryGetLastByEnumerating(source, out found);
        }

        internal static TSource TryGetLastByEnumerating<TSource>(IEnumerable<TSource> source, out bool found)
        {
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                if (e.MoveNext())
                {
                    TSource result;
                    do result = e.Current; while (e.MoveNext());
                    found = true;
                    return result;
                }
            }
            found = false;
            return default;
        }

        private static TSource TryGetLast<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            if (source is IList<TSource> list)
            {
                for (int i = list.Count - 1; i >= 0; --i)
                {
                    TSource item = list[i];
                    if (predicate(item))
                    {
                        found = true;
                        return item;
                    }
                }
                found = false;
                return default;
            }
            found = false;
            TSource result = default;
            foreach (TSource item in source)
            {
                if (predicate(item))
                {
                    result = item;
                    found = true;
                }
            }
            return result;
        }

        public static TSource First<TSource>(this IEnumerable<TSource> source)
        {
            TSource first = TryGetFirst(source, out bool found);
            if (!found) throw LinqErrors.NoElements();
            return first;
        }

        public static TSource First<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            TSource first = TryGetFirst(source, predicate, out bool found);
            if (!found) throw LinqErrors.NoMatch();
            return first;
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source) => TryGetFirst(source, out _);

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            TSource first = TryGetFirst(source, out bool found);
            return found ? first : defaultValue;
        }

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => TryGetFirst(source, predicate, out _);

        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            TSource first = TryGetFirst(source, predicate, out bool found);
            return found ? first : defaultValue;
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source)
        {
            TSource last = TryGetLast(source, out bool found);
            if (!found) throw LinqErrors.NoElements();
            return last;
        }

        public static TSource Last<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            TSource last = TryGetLast(source, predicate, out bool found);
            if (!found) throw LinqErrors.NoMatch();
            return last;
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source) => TryGetLast(source, out _);

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            TSource last = TryGetLast(source, out bool found);
            return found ? last : defaultValue;
        }

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => TryGetLast(source, predicate, out _);

        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            TSource last = TryGetLast(source, predicate, out bool found);
            return found ? last : defaultValue;
        }

        // Single without a predicate: no element fails or (OrDefault) gives the default, two fail either way.
        private static TSource TryGetSingle<TSource>(IEnumerable<TSource> source, out bool found)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (source is IList<TSource> list)
            {
                switch (list.Count)
                {
                    case 0:
                        found = false;
                        return default;
                    case 1:
                        found = true;
                        return list[0];
                }
            }
            else
            {
                using IEnumerator<TSource> e = source.GetEnumerator();
                if (!e.MoveNext())
                {
                    found = false;
                    return default;
                }
                TSource result = e.Current;
                if (!e.MoveNext())
                {
                    found = true;
                    return result;
                }
            }
            throw LinqErrors.MoreThanOneElement();
        }

        private static TSource TryGetSingle<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, out bool found)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            using (IEnumerator<TSource> e = source.GetEnumerator())
            {
                while (e.MoveNext())
                {
                    TSource result = e.Current;
                    if (predicate(result))
                    {
                        while (e.MoveNext())
                            if (predicate(e.Current)) throw LinqErrors.MoreThanOneMatch();
                        found = true;
                        return result;
                    }
                }
            }
            found = false;
            return default;
        }

        public static TSource Single<TSource>(this IEnumerable<TSource> source)
        {
            TSource single = TryGetSingle(source, out bool found);
            if (!found) throw LinqErrors.NoElements();
            return single;
        }

        public static TSource Single<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            TSource single = TryGetSingle(source, predicate, out bool found);
            if (!found) throw LinqErrors.NoMatch();
            return single;
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source) => TryGetSingle(source, out _);

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            TSource single = TryGetSingle(source, out bool found);
            return found ? single : defaultValue;
        }

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => TryGetSingle(source, predicate, out _);

        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate, TSource defaultValue)
        {
            TSource single = TryGetSingle(source, predicate, out bool found);
            return found ? single : defaultValue;
        }

        internal static TSource TryGetElementAtCore<TSource>(IEnumerable<TSource> source, int index, out bool found)
        {
            if (source is IList<TSource> list)
            {
                found = index >= 0 && index < list.Count;
                return found ? list[index] : default;
            }
            if (source is IndexedView<TSource> view)
            {
                found = index >= 0 && index < view.ViewCount;
                return found ? view.At(index) : default;
            }
            if (source is OrderedEnumerable<TSource> ordered) return ordered.TryGetElementAt(index, out found);
            if (source is LinqIterator<TSource> iterator) return iterator.TryGetElementAt(index, out found);
            return TryGetElementAtByEnumerating(source, index, out found);
        }

        internal static TSource TryGetElementAtByEnumerating<TSource>(IEnumerable<TSource> source, int index, out bool found)
        {
            if (index >= 0)
            {
                using IEnumerator<TSource> e = source.GetEnumerator();
                while (e.MoveNext())
                {
                    if (index == 0)
                    {
                        found = true;
                        return e.Current;
                    }
                    index--;
                }
            }
            found = false;
            return default;
        }

        public static TSource ElementAt<TSource>(this IEnumerable<TSource> source, int index)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (source is IList<TSource> list) return list[index];
            TSource element = TryGetElementAtCore(source, index, out bool found);
            if (!found) throw LinqErrors.ArgumentOutOfRange("index");
            return element;
        }

        public static TSource ElementAtOrDefault<TSource>(this IEnumerable<TSource> source, int index)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return TryGetElementAtCore(source, index, out _);
        }

        public static IEnumerable<TSource> DefaultIfEmpty<TSource>(this IEnumerable<TSource> source) => DefaultIfEmpty(source, default);

        public static IEnumerable<TSource> DefaultIfEmpty<TSource>(this IEnumerable<TSource> source, TSource defaultValue)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return DefaultIfEmptyIterator(source, defaultValue);
        }

        private static IEnumerable<TSource> DefaultIfEmptyIterator<TSource>(IEnumerable<TSource> source, TSource defaultValue)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            if (e.MoveNext())
            {
                do yield return e.Current; while (e.MoveNext());
            }
            else
            {
                yield return defaultValue;
            }
        }
    }
}
