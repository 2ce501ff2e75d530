namespace System.Collections
{
    /// <summary>
    /// Declared because Roslyn requires the well-known members before it compiles <c>foreach</c> over
    /// an array, even though that loop is lowered to indexing. Nothing implements them yet: calls
    /// through interfaces are not supported.
    /// </summary>
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }

    public interface IEnumerator
    {
        bool MoveNext();

        object Current { get; }

        void Reset();
    }
}
