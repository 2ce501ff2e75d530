using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// A sequence that can answer First, Last and ElementAt without enumerating itself, as .NET's
    /// iterators do: Select over a sequence asks its source and runs the selector once, Where over a
    /// list searches backwards for Last, Reverse swaps First and Last, Append and Concat look at
    /// their last part. Selectors and predicates with side effects run as often as on .NET.
    /// </summary>
    internal abstract class LinqIterator<T> : IEnumerable<T>
    {
        internal virtual T TryGetFirst(out bool found) => Enumerable.TryGetFirstByEnumerating(this, out found);

        internal virtual T TryGetLast(out bool found) => Enumerable.TryGetLastByEnumerating(this, out found);

        internal virtual T TryGetElementAt(int index, out bool found) => Enumerable.TryGetElementAtByEnumerating(this, index, out found);

        /// <summary>The count without enumerating, or -1.</summary>
        internal virtual int CheapCount => -1;

        /// <summary>Count(): by default enumerates.</summary>
        internal virtual int CountAll() => Enumerable.CountByEnumerating(this);

        public abstract IEnumerator<T> GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal sealed class SelectEnumerable<TSource, TResult> : LinqIterator<TResult>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, TResult> _selector;

        internal SelectEnumerable(IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            _source = source;
            _selector = selector;
        }

        internal override TResult TryGetFirst(out bool found)
        {
            TSource item = Enumerable.TryGetFirstCore(_source, out found);
            return found ? _selector(item) : default;
        }

        internal override TResult TryGetLast(out bool found)
        {
            TSource item = Enumerable.TryGetLastCore(_source, out found);
            return found ? _selector(item) : default;
        }

        internal override TResult TryGetElementAt(int index, out bool found)
        {
            TSource item = Enumerable.TryGetElementAtCore(_source, index, out found);
            return found ? _selector(item) : default;
        }

        public override IEnumerator<TResult> GetEnumerator()
        {
            foreach (TSource item in _source)
                yield return _selector(item);
        }
    }

    internal sealed class WhereList<TSource> : LinqIterator<TSource>
    {
        private readonly IList<TSource> _source;
        private readonly Func<TSource, bool> _predicate;

        internal WhereList(IList<TSource> source, Func<TSource, bool> predicate)
        {
            _source = source;
            _predicate = predicate;
        }

        internal override TSource TryGetLast(out bool found)
        {
            for (int i = _source.Count - 1; i >= 0; i--)
            {
                TSource item = _source[i];
                if (_predicate(item))
                {
                    found = true;
                    return item;
                }
            }
            found = false;
            return default;
        }

        public override IEnumerator<TSource> GetEnumerator()
        {
            foreach (TSource item in _source)
                if (_predicate(item)) yield return item;
        }
    }

    internal sealed class AppendPrepend<TSource> : LinqIterator<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly TSource _item;
        private readonly bool _append;

        internal AppendPrepend(IEnumerable<TSource> source, TSource item, bool append)
        {
            _source = source;
            _item = item;
            _append = append;
        }

        internal override TSource TryGetFirst(out bool found)
        {
            if (_append)
            {
                TSource first = Enumerable.TryGetFirstCore(_source, out found);
                if (found) return first;
            }
            found = true;
            return _item;
        }

        internal override TSource TryGetLast(out bool found)
        {
            if (!_append)
            {
                TSource last = Enumerable.TryGetLastCore(_source, out found);
                if (found) return last;
            }
            found = true;
            return _item;
        }

        public override IEnumerator<TSource> GetEnumerator()
        {
            if (!_append) yield return _item;
            foreach (TSource item in _source) yield return item;
            if (_append) yield return _item;
        }
    }

    internal sealed class ConcatEnumerable<TSource> : LinqIterator<TSource>
    {
        private readonly IEnumerable<TSource> _first;
        private readonly IEnumerable<TSource> _second;

        internal ConcatEnumerable(IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            _first = first;
            _second = second;
        }

        internal override TSource TryGetLast(out bool found)
        {
            TSource last = Enumerable.TryGetLastCore(_second, out found);
            return found ? last : Enumerable.TryGetLastCore(_first, out found);
        }

        internal override int CheapCount
        {
            get
            {
                int a = Enumerable.CheapCount(_first);
                if (a < 0) return -1;
                int b = Enumerable.CheapCount(_second);
                return b < 0 ? -1 : checked(a + b);
            }
        }

        internal override int CountAll()
        {
            int a = Enumerable.CheapCount(_first);
            if (a < 0) a = _first.Count();
            int b = Enumerable.CheapCount(_second);
            if (b < 0) b = _second.Count();
            return checked(a + b);
        }

        public override IEnumerator<TSource> GetEnumerator()
        {
            foreach (TSource item in _first) yield return item;
            foreach (TSource item in _second) yield return item;
        }
    }

    internal sealed class ReverseEnumerable<TSource> : LinqIterator<TSource>
    {
        private readonly IEnumerable<TSource> _source;

        internal ReverseEnumerable(IEnumerable<TSource> source) { _source = source; }

        internal override TSource TryGetFirst(out bool found) => Enumerable.TryGetLastCore(_source, out found);

        internal override TSource TryGetLast(out bool found) => Enumerable.TryGetFirstCore(_source, out found);

        internal override int CheapCount => Enumerable.CheapCount(_source);

        internal override int CountAll() => _source.Count();

        public override IEnumerator<TSource> GetEnumerator()
        {
            TSource[] buffer = _source.ToArray();
            for (int i = buffer.Length - 1; i >= 0; i--)
                yield return buffer[i];
        }
    }
}
