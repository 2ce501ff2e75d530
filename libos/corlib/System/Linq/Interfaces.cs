using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>A key and the elements that share it (GroupBy, ToLookup).</summary>
    public interface IGrouping<out TKey, out TElement> : IEnumerable<TElement>
    {
        TKey Key { get; }
    }

    /// <summary>Keys mapped to sequences of elements; a missing key maps to an empty sequence.</summary>
    public interface ILookup<TKey, TElement> : IEnumerable<IGrouping<TKey, TElement>>
    {
        int Count { get; }
        IEnumerable<TElement> this[TKey key] { get; }
        bool Contains(TKey key);
    }

    /// <summary>A sorted sequence that ThenBy/ThenByDescending can refine.</summary>
    public interface IOrderedEnumerable<out TElement> : IEnumerable<TElement>
    {
        IOrderedEnumerable<TElement> CreateOrderedEnumerable<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending);
    }

    /// <summary>The exceptions LINQ throws, with .NET's messages and parameter names.</summary>
    internal static class LinqErrors
    {
        internal static Exception ArgumentNull(string paramName) => new ArgumentNullException(paramName);
        internal static Exception ArgumentOutOfRange(string paramName) => new ArgumentOutOfRangeException(paramName);
        internal static Exception NoElements() => new InvalidOperationException("Sequence contains no elements");
        internal static Exception NoMatch() => new InvalidOperationException("Sequence contains no matching element");
        internal static Exception MoreThanOneElement() => new InvalidOperationException("Sequence contains more than one element");
        internal static Exception MoreThanOneMatch() => new InvalidOperationException("Sequence contains more than one matching element");
    }
}
