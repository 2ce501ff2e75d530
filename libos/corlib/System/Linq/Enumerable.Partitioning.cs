using System.Collections.Generic;

namespace System.Linq
{
    // Take, Skip, TakeLast, SkipLast, TakeWhile, SkipWhile, Chunk.
    public static partial class Enumerable
    {
        /// <summary>An IList source or a view of one, as an index-based view (null for anything else).</summary>
        private static IndexedView<TSource> AsView<TSource>(IEnumerable<TSource> source)
        {
            if (source is IndexedView<TSource> view) return view;
            if (source is IList<TSource> list) return new ListSelect<TSource, TSource>(list, Identity<TSource>.Func, 0, int.MaxValue, false);
            return null;
        }

        public static IEnumerable<TSource> Take<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (count <= 0) return Empty<TSource>();
            IndexedView<TSource> view = AsView(source);
            if (view != null) return view.TakeView(count);
            return TakeIterator(source, count);
        }

        private static IEnumerable<TSource> TakeIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            foreach (TSource item in source)
            {
                yield return item;
                if (--count == 0) yield break;
            }
        }

        public static IEnumerable<TSource> Skip<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (count <= 0 && source is IndexedView<TSource>) return source;
            IndexedView<TSource> view = AsView(source);
            if (view != null) return view.SkipView(count <= 0 ? 0 : count);
            return SkipIterator(source, count);
        }

        private static IEnumerable<TSource> SkipIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (count > 0 && e.MoveNext()) count--;
            if (count <= 0)
                while (e.MoveNext()) yield return e.Current;
        }

        public static IEnumerable<TSource> TakeLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (count <= 0) return Empty<TSource>();
            return TakeLastIterator(source, count);
        }

        private static IEnumerable<TSource> TakeLastIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            IndexedView<TSource> view = AsView(source);
            if (view != null)
            {
                int n = view.ViewCount;
                foreach (TSource item in (n > count ? view.SkipView(n - count) : view))
                    yield return item;
                yield break;
            }
            var queue = new Queue<TSource>();
            foreach (TSource item in source)
            {
                if (queue.Count == count) queue.Dequeue();
                queue.Enqueue(item);
            }
            while (queue.Count > 0) yield return queue.Dequeue();
        }

        public static IEnumerable<TSource> SkipLast<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (count <= 0) return source.Skip(0);
            return SkipLastIterator(source, count);
        }

        private static IEnumerable<TSource> SkipLastIterator<TSource>(IEnumerable<TSource> source, int count)
        {
            IndexedView<TSource> view = AsView(source);
            if (view != null)
            {
                int n = view.ViewCount;
                if (n > count)
                    foreach (TSource item in view.TakeView(n - count))
                        yield return item;
                yield break;
            }
            var queue = new Queue<TSource>();
            foreach (TSource item in source)
            {
                if (queue.Count == count)
                {
                    queue.Enqueue(item);
                    yield return queue.Dequeue();
                }
                else
                {
                    queue.Enqueue(item);
                }
            }
        }

        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            return TakeWhileIterator(source, predicate);
        }

        private static IEnumerable<TSource> TakeWhileIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            foreach (TSource item in source)
            {
                if (!predicate(item)) yield break;
                yield return item;
            }
        }

        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            return TakeWhileIndexedIterator(source, predicate);
        }

        private static IEnumerable<TSource> TakeWhileIndexedIterator<TSource>(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                if (!predicate(item, index)) yield break;
                yield return item;
            }
        }

        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            return SkipWhileIterator(source, predicate);
        }

        private static IEnumerable<TSource> SkipWhileIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (e.MoveNext())
            {
                TSource item = e.Current;
                if (!predicate(item))
                {
                    yield return item;
                    while (e.MoveNext()) yield return e.Current;
                    yield break;
                }
            }
        }

        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            return SkipWhileIndexedIterator(source, predicate);
        }

        private static IEnumerable<TSource> SkipWhileIndexedIterator<TSource>(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            int index = -1;
            while (e.MoveNext())
            {
                checked { index++; }
                TSource item = e.Current;
                if (!predicate(item, index))
                {
                    yield return item;
                    while (e.MoveNext()) yield return e.Current;
                    yield break;
                }
            }
        }

        public static IEnumerable<TSource[]> Chunk<TSource>(this IEnumerable<TSource> source, int size)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (size < 1) throw LinqErrors.ArgumentOutOfRange("size");
            return ChunkIterator(source, size);
        }

        private static IEnumerable<TSource[]> ChunkIterator<TSource>(IEnumerable<TSource> source, int size)
        {
            using IEnumerator<TSource> e = source.GetEnumerator();
            while (e.MoveNext())
            {
                var chunk = new List<TSource>();
                chunk.Add(e.Current);
                while (chunk.Count < size && e.MoveNext()) chunk.Add(e.Current);
                yield return chunk.ToArray();
                if (chunk.Count < size) yield break;
            }
        }
    }
}
