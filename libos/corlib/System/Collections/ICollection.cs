namespace System.Collections
{
    /// <summary>.NET's non-generic collection interface (Socket.Select takes IList).</summary>
    public interface ICollection : IEnumerable
    {
        int Count { get; }

        object SyncRoot { get; }

        bool IsSynchronized { get; }

        void CopyTo(Array array, int index);
    }

    /// <summary>.NET's non-generic list interface; <c>List&lt;T&gt;</c> implements it.</summary>
    public interface IList : ICollection
    {
        object this[int index] { get; set; }

        bool IsReadOnly { get; }

        bool IsFixedSize { get; }

        int Add(object value);

        void Clear();

        bool Contains(object value);

        int IndexOf(object value);

        void Insert(int index, object value);

        void Remove(object value);

        void RemoveAt(int index);
    }
}
