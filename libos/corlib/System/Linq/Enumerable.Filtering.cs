using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // Where, Select, SelectMany, Cast, OfType. Each public method checks its arguments at once, as
    // .NET does, and returns an iterator that does the work only when enumerated.
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            if (source is IList<TSource> list && !(source is GeneratedList<TSource>)) return new WhereList<TSource>(list, predicate);
            return WhereIterator(source, predicate);
        }

        private static IEnumerable<TSource> WhereIterator<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            foreach (TSource item in source)
                if (predicate(item)) yield return item;
        }

        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (predicate == null) throw LinqErrors.ArgumentNull("predicate");
            return WhereIndexedIterator(source, predicate);
        }

        private static IEnumerable<TSource> WhereIndexedIterator<TSource>(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                if (predicate(item, index)) yield return item;
            }
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (selector == null) throw LinqErrors.ArgumentNull("selector");
            if (source is IndexedView<TSource> view) return view.SelectView(selector);
            if (source is IList<TSource> list) return new ListSelect<TSource, TResult>(list, selector);
            return new SelectEnumerable<TSource, TResult>(source, selector);
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (selector == null) throw LinqErrors.ArgumentNull("selector");
            return SelectIndexedIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectIndexedIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                yield return selector(item, index);
            }
        }

        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (selector == null) throw LinqErrors.ArgumentNull("selector");
            return SelectManyIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectManyIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            foreach (TSource item in source)
                foreach (TResult inner in selector(item))
                    yield return inner;
        }

        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, IEnumerable<TResult>> selector)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (selector == null) throw LinqErrors.ArgumentNull("selector");
            return SelectManyIndexedIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectManyIndexedIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, int, IEnumerable<TResult>> selector)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                foreach (TResult inner in selector(item, index))
                    yield return inner;
            }
        }

        public static IEnumerable<TResult> SelectMany<TSource, TCollection, TResult>(this IEnumerable<TSource> source,
            Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (collectionSelector == null) throw LinqErrors.ArgumentNull("collectionSelector");
            if (resultSelector == null) throw LinqErrors.ArgumentNull("resultSelector");
            return SelectManyResultIterator(source, collectionSelector, resultSelector);
        }

        private static IEnumerable<TResult> SelectManyResultIterator<TSource, TCollection, TResult>(IEnumerable<TSource> source,
            Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            foreach (TSource item in source)
                foreach (TCollection inner in collectionSelector(item))
                    yield return resultSelector(item, inner);
        }

        public static IEnumerable<TResult> SelectMany<TSource, TCollection, TResult>(this IEnumerable<TSource> source,
            Func<TSource, int, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (collectionSelector == null) throw LinqErrors.ArgumentNull("collectionSelector");
            if (resultSelector == null) throw LinqErrors.ArgumentNull("resultSelector");
            return SelectManyIndexedResultIterator(source, collectionSelector, resultSelector);
        }

        private static IEnumerable<TResult> SelectManyIndexedResultIterator<TSource, TCollection, TResult>(IEnumerable<TSource> source,
            Func<TSource, int, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            int index = -1;
            foreach (TSource item in source)
            {
                checked { index++; }
                foreach (TCollection inner in collectionSelector(item, index))
                    yield return resultSelector(item, inner);
            }
        }

        public static IEnumerable<TResult> Cast<TResult>(this IEnumerable source)
        {
            if (source is IEnumerable<TResult> typed) return typed;
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return CastIterator<TResult>(source);
        }

        private static IEnumerable<TResult> CastIterator<TResult>(IEnumerable source)
        {
            foreach (object item in source)
                yield return (TResult)item;
        }

        public static IEnumerable<TResult> OfType<TResult>(this IEnumerable source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return OfTypeIterator<TResult>(source);
        }

        private static IEnumerable<TResult> OfTypeIterator<TResult>(IEnumerable source)
        {
            foreach (object item in source)
                if (item is TResult result) yield return result;
        }

        public static IEnumerable<TSource> AsEnumerable<TSource>(this IEnumerable<TSource> source) => source;
    }
}
