using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// .NET's SortedSet&lt;T&gt;: a red-black tree (CLRS's bottom-up insertion and deletion, nodes with
    /// parent links, so enumeration walks successors without a stack). Everything observable is
    /// .NET's: the order, Min/Max (default when empty), the argument checks and messages, the version
    /// check of enumerators, and live views: GetViewBetween returns a SortedSet over the same tree
    /// limited to [lower, upper], which sees later changes to the tree and changes it in turn. A view
    /// is the same class with <see cref="_underlying"/> set; .NET's TreeSubSet is a subclass.
    /// </summary>
    public class SortedSet<T> : ISet<T>, IReadOnlyCollection<T>
    {
        internal sealed class Node
        {
            public T Item;
            public Node Left, Right, Parent;
            public bool IsRed;

            public Node(T item, Node parent)
            {
                Item = item;
                Parent = parent;
                IsRed = true;
            }
        }

        private const string ModifiedMessage = "Collection was modified after the enumerator was instantiated.";
        private const string ArrayTooSmallMessage = "Destination array is not long enough to copy all the items in the collection. Check array index and length.";

        private readonly IComparer<T> _comparer;
        private Node _root;
        private int _count;
        private int _version;

        // Set for a view only: the set that owns the tree, and the inclusive bounds.
        private readonly SortedSet<T> _underlying;
        private readonly T _lower, _upper;

        public SortedSet() : this((IComparer<T>)null) { }

        public SortedSet(IComparer<T> comparer) { _comparer = comparer ?? Comparer<T>.Default; }

        public SortedSet(IEnumerable<T> collection) : this(collection, null) { }

        public SortedSet(IEnumerable<T> collection, IComparer<T> comparer) : this(comparer)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNull(nameof(collection));
            foreach (T item in collection) Add(item);
        }

        private SortedSet(SortedSet<T> underlying, T lower, T upper) : this(underlying._comparer)
        {
            _underlying = underlying;
            _lower = lower;
            _upper = upper;
        }

        /// <summary>The set whose fields hold the tree: this one, or the one a view looks into.</summary>
        private SortedSet<T> Tree => _underlying ?? this;

        public IComparer<T> Comparer => _comparer;

        public int Count
        {
            get
            {
                if (_underlying == null) return _count;
                int count = 0;
                for (Node n = First(); n != null; n = Next(n)) count++;
                return count;
            }
        }

        bool ICollection<T>.IsReadOnly => false;

        public T Min
        {
            get
            {
                Node n = First();
                return n == null ? default : n.Item;
            }
        }

        public T Max
        {
            get
            {
                Node n = Last();
                return n == null ? default : n.Item;
            }
        }

        private bool InRange(T item) =>
            _underlying == null || (_comparer.Compare(item, _lower) >= 0 && _comparer.Compare(item, _upper) <= 0);

        public bool Add(T item)
        {
            if (!InRange(item)) ThrowHelpers.ThrowArgumentOutOfRange(nameof(item));
            return Tree.Insert(item) != null;
        }

        void ICollection<T>.Add(T item) => Add(item);

        public bool Remove(T item)
        {
            if (!InRange(item)) return false;
            SortedSet<T> tree = Tree;
            Node node = tree.FindNode(item);
            if (node == null) return false;
            tree.DeleteNode(node);
            return true;
        }

        public void Clear()
        {
            if (_underlying == null)
            {
                _root = null;
                _count = 0;
                _version++;
                return;
            }
            var items = new List<T>();
            for (Node n = First(); n != null; n = Next(n)) items.Add(n.Item);
            foreach (T item in items) Remove(item);
        }

        public bool Contains(T item) => InRange(item) && Tree.FindNode(item) != null;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            Node node = InRange(equalValue) ? Tree.FindNode(equalValue) : null;
            actualValue = node == null ? default : node.Item;
            return node != null;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0, Count);

        public void CopyTo(T[] array, int index) => CopyTo(array, index, Count);

        public void CopyTo(T[] array, int index, int count)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (index < 0) ThrowHelpers.ThrowNegativeArgument(nameof(index), index);
            if (count < 0) ThrowHelpers.ThrowNegativeArgument(nameof(count), count);
            if (count > array.Length - index) throw new ArgumentException(ArrayTooSmallMessage);
            int end = index + count;
            for (Node n = First(); n != null && index < end; n = Next(n)) array[index++] = n.Item;
        }

        public SortedSet<T> GetViewBetween(T lowerValue, T upperValue)
        {
            if (_underlying != null)
            {
                if (_comparer.Compare(_lower, lowerValue) > 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(lowerValue));
                if (_comparer.Compare(_upper, upperValue) < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(upperValue));
                return _underlying.GetViewBetween(lowerValue, upperValue);
            }
            if (_comparer.Compare(lowerValue, upperValue) > 0)
                ThrowHelpers.ThrowArgument(nameof(lowerValue), "Must be less than or equal to upperValue.");
            return new SortedSet<T>(this, lowerValue, upperValue);
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            var matches = new List<T>();
            for (Node n = First(); n != null; n = Next(n))
            {
                if (match(n.Item)) matches.Add(n.Item);
            }
            int removed = 0;
            foreach (T item in matches)
            {
                if (Remove(item)) removed++;
            }
            return removed;
        }

        public IEnumerable<T> Reverse()
        {
            SortedSet<T> tree = Tree;
            int version = tree._version;
            for (Node n = Last(); n != null; n = Previous(n))
            {
                yield return n.Item;
                if (version != tree._version) throw new InvalidOperationException(ModifiedMessage);
            }
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        // Set operations. Queries about another sequence read it into a set under this set's comparer.

        private SortedSet<T> AsSet(IEnumerable<T> other)
        {
            if (other == null) ThrowHelpers.ThrowArgumentNull(nameof(other));
            if (other is SortedSet<T> set && set._underlying == null && ReferenceEquals(set._comparer, _comparer)) return set;
            return new SortedSet<T>(other, _comparer);
        }

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) ThrowHelpers.ThrowArgumentNull(nameof(other));
            foreach (T item in other) Add(item);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            SortedSet<T> keep = AsSet(other);
            RemoveWhere(item => !keep.Contains(item));
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) ThrowHelpers.ThrowArgumentNull(nameof(other));
            if (ReferenceEquals(other, this)) { Clear(); return; }
            foreach (T item in other) Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (ReferenceEquals(other, this)) { Clear(); return; }
            SortedSet<T> toggle = AsSet(other);
            var items = new List<T>(toggle);
            foreach (T item in items)
            {
                if (!Remove(item)) Add(item);
            }
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            SortedSet<T> set = AsSet(other);
            for (Node n = First(); n != null; n = Next(n))
            {
                if (!set.Contains(n.Item)) return false;
            }
            return true;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            SortedSet<T> set = AsSet(other);
            return IsSubsetOf(set) && set.Count > Count;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) ThrowHelpers.ThrowArgumentNull(nameof(other));
            foreach (T item in other)
            {
                if (!Contains(item)) return false;
            }
            return true;
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            SortedSet<T> set = AsSet(other);
            return IsSupersetOf(set) && Count > set.Count;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) ThrowHelpers.ThrowArgumentNull(nameof(other));
            foreach (T item in other)
            {
                if (Contains(item)) return true;
            }
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            SortedSet<T> set = AsSet(other);
            return set.Count == Count && IsSupersetOf(set);
        }

        // The tree. These run on the set that owns it (Tree); First/Last/Next/Previous apply a
        // view's bounds.

        internal Node FindNode(T item)
        {
            Node n = Tree._root;
            while (n != null)
            {
                int c = _comparer.Compare(item, n.Item);
                if (c == 0) return n;
                n = c < 0 ? n.Left : n.Right;
            }
            return null;
        }

        /// <summary>Inserts a new node and returns it, or null when an equal item is present.</summary>
        internal Node Insert(T item)
        {
            Node parent = null, n = _root;
            int c = 0;
            while (n != null)
            {
                parent = n;
                c = _comparer.Compare(item, n.Item);
                if (c == 0) return null;
                n = c < 0 ? n.Left : n.Right;
            }
            var node = new Node(item, parent);
            if (parent == null) _root = node;
            else if (c < 0) parent.Left = node;
            else parent.Right = node;
            _count++;
            _version++;
            FixAfterInsert(node);
            return node;
        }

        internal void UpdateVersion() => Tree._version++;

        internal int Version => Tree._version;

        private void FixAfterInsert(Node node)
        {
            while (IsRed(node.Parent))
            {
                Node parent = node.Parent, grandparent = parent.Parent;
                if (parent == grandparent.Left)
                {
                    Node uncle = grandparent.Right;
                    if (IsRed(uncle))
                    {
                        parent.IsRed = false;
                        uncle.IsRed = false;
                        grandparent.IsRed = true;
                        node = grandparent;
                        continue;
                    }
                    if (node == parent.Right)
                    {
                        node = parent;
                        RotateLeft(node);
                        parent = node.Parent;
                    }
                    parent.IsRed = false;
                    grandparent.IsRed = true;
                    RotateRight(grandparent);
                }
                else
                {
                    Node uncle = grandparent.Left;
                    if (IsRed(uncle))
                    {
                        parent.IsRed = false;
                        uncle.IsRed = false;
                        grandparent.IsRed = true;
                        node = grandparent;
                        continue;
                    }
                    if (node == parent.Left)
                    {
                        node = parent;
                        RotateRight(node);
                        parent = node.Parent;
                    }
                    parent.IsRed = false;
                    grandparent.IsRed = true;
                    RotateLeft(grandparent);
                }
            }
            _root.IsRed = false;
        }

        internal void DeleteNode(Node z)
        {
            Node x, xParent;
            bool removedBlack;
            if (z.Left == null || z.Right == null)
            {
                x = z.Left ?? z.Right;
                xParent = z.Parent;
                removedBlack = !z.IsRed;
                Transplant(z, x);
            }
            else
            {
                // Move z's in-order successor y (no left child) into z's place.
                Node y = z.Right;
                while (y.Left != null) y = y.Left;
                removedBlack = !y.IsRed;
                x = y.Right;
                if (y.Parent == z)
                {
                    xParent = y;
                }
                else
                {
                    xParent = y.Parent;
                    Transplant(y, y.Right);
                    y.Right = z.Right;
                    y.Right.Parent = y;
                }
                Transplant(z, y);
                y.Left = z.Left;
                y.Left.Parent = y;
                y.IsRed = z.IsRed;
            }
            _count--;
            _version++;
            if (removedBlack) FixAfterDelete(x, xParent);
        }

        /// <summary>x stands one black short; xParent is its parent (x may be null).</summary>
        private void FixAfterDelete(Node x, Node xParent)
        {
            while (x != _root && !IsRed(x))
            {
                if (x == xParent.Left)
                {
                    Node w = xParent.Right;
                    if (IsRed(w))
                    {
                        w.IsRed = false;
                        xParent.IsRed = true;
                        RotateLeft(xParent);
                        w = xParent.Right;
                    }
                    if (!IsRed(w.Left) && !IsRed(w.Right))
                    {
                        w.IsRed = true;
                        x = xParent;
                        xParent = x.Parent;
                    }
                    else
                    {
                        if (!IsRed(w.Right))
                        {
                            w.Left.IsRed = false;
                            w.IsRed = true;
                            RotateRight(w);
                            w = xParent.Right;
                        }
                        w.IsRed = xParent.IsRed;
                        xParent.IsRed = false;
                        w.Right.IsRed = false;
                        RotateLeft(xParent);
                        x = _root;
                        xParent = null;
                    }
                }
                else
                {
                    Node w = xParent.Left;
                    if (IsRed(w))
                    {
                        w.IsRed = false;
                        xParent.IsRed = true;
                        RotateRight(xParent);
                        w = xParent.Left;
                    }
                    if (!IsRed(w.Left) && !IsRed(w.Right))
                    {
                        w.IsRed = true;
                        x = xParent;
                        xParent = x.Parent;
                    }
                    else
                    {
                        if (!IsRed(w.Left))
                        {
                            w.Right.IsRed = false;
                            w.IsRed = true;
                            RotateLeft(w);
                            w = xParent.Left;
                        }
                        w.IsRed = xParent.IsRed;
                        xParent.IsRed = false;
                        w.Left.IsRed = false;
                        RotateRight(xParent);
                        x = _root;
                        xParent = null;
                    }
                }
            }
            if (x != null) x.IsRed = false;
        }

        private static bool IsRed(Node node) => node != null && node.IsRed;

        private void Transplant(Node u, Node v)
        {
            if (u.Parent == null) _root = v;
            else if (u == u.Parent.Left) u.Parent.Left = v;
            else u.Parent.Right = v;
            if (v != null) v.Parent = u.Parent;
        }

        private void RotateLeft(Node x)
        {
            Node y = x.Right;
            x.Right = y.Left;
            if (y.Left != null) y.Left.Parent = x;
            Transplant(x, y);
            y.Left = x;
            x.Parent = y;
        }

        private void RotateRight(Node x)
        {
            Node y = x.Left;
            x.Left = y.Right;
            if (y.Right != null) y.Right.Parent = x;
            Transplant(x, y);
            y.Right = x;
            x.Parent = y;
        }

        /// <summary>The smallest node in range, or null.</summary>
        internal Node First()
        {
            Node n = Tree._root, best = null;
            if (_underlying == null)
            {
                while (n != null) { best = n; n = n.Left; }
                return best;
            }
            while (n != null)
            {
                if (_comparer.Compare(n.Item, _lower) >= 0) { best = n; n = n.Left; }
                else n = n.Right;
            }
            return best != null && _comparer.Compare(best.Item, _upper) <= 0 ? best : null;
        }

        private Node Last()
        {
            Node n = Tree._root, best = null;
            if (_underlying == null)
            {
                while (n != null) { best = n; n = n.Right; }
                return best;
            }
            while (n != null)
            {
                if (_comparer.Compare(n.Item, _upper) <= 0) { best = n; n = n.Right; }
                else n = n.Left;
            }
            return best != null && _comparer.Compare(best.Item, _lower) >= 0 ? best : null;
        }

        /// <summary>The in-order successor, or null past the end (of the tree or of a view's range).</summary>
        internal Node Next(Node n)
        {
            if (n.Right != null)
            {
                n = n.Right;
                while (n.Left != null) n = n.Left;
            }
            else
            {
                Node p = n.Parent;
                while (p != null && n == p.Right) { n = p; p = p.Parent; }
                n = p;
            }
            if (n != null && _underlying != null && _comparer.Compare(n.Item, _upper) > 0) return null;
            return n;
        }

        private Node Previous(Node n)
        {
            if (n.Left != null)
            {
                n = n.Left;
                while (n.Right != null) n = n.Right;
            }
            else
            {
                Node p = n.Parent;
                while (p != null && n == p.Left) { n = p; p = p.Parent; }
                n = p;
            }
            if (n != null && _underlying != null && _comparer.Compare(n.Item, _lower) < 0) return null;
            return n;
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly SortedSet<T> _set;
            private readonly int _version;
            private Node _current;
            private bool _started;

            internal Enumerator(SortedSet<T> set)
            {
                _set = set;
                _version = set.Tree._version;
                _current = null;
                _started = false;
            }

            public bool MoveNext()
            {
                if (_version != _set.Tree._version) throw new InvalidOperationException(ModifiedMessage);
                if (!_started)
                {
                    _started = true;
                    _current = _set.First();
                }
                else if (_current != null)
                {
                    _current = _set.Next(_current);
                }
                return _current != null;
            }

            public T Current => _current == null ? default : _current.Item;

            object IEnumerator.Current
            {
                get
                {
                    if (_current == null) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return _current.Item;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _set.Tree._version) throw new InvalidOperationException(ModifiedMessage);
                _started = false;
                _current = null;
            }

            public void Dispose() { }
        }
    }
}
