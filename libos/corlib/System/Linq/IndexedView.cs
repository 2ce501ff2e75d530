using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// A lazy view of a list, possibly projected and cut: what Select, Skip, Take, TakeLast and
    /// SkipLast return for an IList source (arrays, List, Range, Repeat). .NET answers First, Last,
    /// ElementAt and Any on such sequences from the indices, running the selector only for the
    /// element asked for (or not at all), and Count() runs it once per element; these views do the
    /// same, so selectors with side effects print what they print on .NET.
    /// </summary>
    internal abstract class IndexedView<T> : IEnumerable<T>
    {
        /// <summary>The number of elements, without running any selector.</summary>
        internal abstract int ViewCount { get; }

        /// <summary>Element <paramref name="index"/> (0 ≤ index &lt; ViewCount), its selector run once.</summary>
        internal abstract T At(int index);

        /// <summary>Count(): runs the selector over every element, as enumerating would.</summary>
        internal abstract int CountRunningSelector();

        internal abstract IndexedView<T> SkipView(int count);

        internal abstract IndexedView<T> TakeView(int count);

        internal abstract IndexedView<TResult> SelectView<TResult>(Func<T, TResult> selector);

        public abstract IEnumerator<T> GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal sealed class ListSelect<TSource, TResult> : IndexedView<TResult>
    {
        private readonly IList<TSource> _source;
        private readonly Func<TSource, TResult> _selector;
        private readonly int _min;      // first source index
        private readonly int _max;      // last source index (inclusive), int.MaxValue for none
        private readonly bool _whole;   // a plain Select: enumerates through the source's enumerator

        internal ListSelect(IList<TSource> source, Func<TSource, TResult> selector) : this(source, selector, 0, int.MaxValue, true) { }

        internal ListSelect(IList<TSource> source, Func<TSource, TResult> selector, int min, int max, bool whole)
        {
            _source = source;
            _selector = selector;
            _min = min;
            _max = max;
            _whole = whole;
        }

        internal override int ViewCount
        {
            get
            {
                int count = _source.Count;
                if (count <= _min) return 0;
                long last = count - 1 < _max ? count - 1 : _max;
                return (int)(last - _min + 1);
            }
        }

        internal override TResult At(int index) => _selector(_source[_min + index]);

        internal override int CountRunningSelector()
        {
            int count = 0;
            if (_whole)
            {
                foreach (TSource item in _source)
                {
                    _selector(item);
                    checked { count++; }
                }
                return count;
            }
            int n = ViewCount;
            for (int i = 0; i < n; i++) _selector(_source[_min + i]);
            return n;
        }

        internal override IndexedView<TResult> SkipView(int count)
        {
            long min = (long)_min + count;
            if (min > int.MaxValue) min = int.MaxValue;
            return new ListSelect<TSource, TResult>(_source, _selector, (int)min, _max, false);
        }

        internal override IndexedView<TResult> TakeView(int count)
        {
            long max = (long)_min + count - 1;
            if (max > _max) max = _max;
            return new ListSelect<TSource, TResult>(_source, _selector, _min, (int)max, false);
        }

        internal override IndexedView<TNext> SelectView<TNext>(Func<TResult, TNext> selector)
        {
            Func<TSource, TResult> first = _selector;
            return new ListSelect<TSource, TNext>(_source, item => selector(first(item)), _min, _max, _whole);
        }

        public override IEnumerator<TResult> GetEnumerator()
        {
            if (_whole)
            {
                foreach (TSource item in _source)
                    yield return _selector(item);
            }
            else
            {
                for (int i = _min; i <= _max && i < _source.Count; i++)
                    yield return _selector(_source[i]);
            }
        }
    }

    internal static class Identity<T>
    {
        internal static readonly Func<T, T> Func = item => item;
    }
}
