using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// .NET's PriorityQueue: a 4-ary min-heap in an array, with the same sift-up and sift-down steps,
    /// so that elements of equal priority come out in the same order as on CoreCLR.
    /// </summary>
    public class PriorityQueue<TElement, TPriority>
    {
        private struct Node
        {
            public TElement Element;
            public TPriority Priority;
        }

        private const int Arity = 4;
        private const int Log2Arity = 2;

        private Node[] _nodes;
        private int _size;
        private readonly IComparer<TPriority> _comparer;

        public PriorityQueue() : this(0, null) { }

        public PriorityQueue(int initialCapacity) : this(initialCapacity, null) { }

        public PriorityQueue(IComparer<TPriority> comparer) : this(0, comparer) { }

        public PriorityQueue(int initialCapacity, IComparer<TPriority> comparer)
        {
            if (initialCapacity < 0) ThrowHelpers.ThrowNegativeArgument(nameof(initialCapacity), initialCapacity);
            _nodes = new Node[initialCapacity];
            _comparer = comparer ?? Comparer<TPriority>.Default;
        }

        public int Count => _size;

        public IComparer<TPriority> Comparer => _comparer;

        public void Enqueue(TElement element, TPriority priority)
        {
            int currentSize = _size;
            if (_nodes.Length == currentSize) Grow(currentSize + 1);
            _size = currentSize + 1;
            MoveUp(new Node { Element = element, Priority = priority }, currentSize);
        }

        public TElement Peek()
        {
            if (_size == 0) ThrowEmpty();
            return _nodes[0].Element;
        }

        public TElement Dequeue()
        {
            if (_size == 0) ThrowEmpty();
            TElement element = _nodes[0].Element;
            RemoveRootNode();
            return element;
        }

        public bool TryDequeue(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                element = _nodes[0].Element;
                priority = _nodes[0].Priority;
                RemoveRootNode();
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public bool TryPeek(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                element = _nodes[0].Element;
                priority = _nodes[0].Priority;
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        /// <summary>Enqueue then dequeue, without growing: the new element comes straight back if it is the smallest.</summary>
        public TElement EnqueueDequeue(TElement element, TPriority priority)
        {
            if (_size != 0 && _comparer.Compare(priority, _nodes[0].Priority) > 0)
            {
                TElement root = _nodes[0].Element;
                MoveDown(new Node { Element = element, Priority = priority }, 0);
                return root;
            }
            return element;
        }

        public void Clear()
        {
            Array.Clear(_nodes, 0, _size);
            _size = 0;
        }

        private static void ThrowEmpty() => throw new InvalidOperationException("Queue empty.");

        private void Grow(int minCapacity)
        {
            int newCapacity = 2 * _nodes.Length;
            if ((uint)newCapacity > 0x7FFFFFC7) newCapacity = 0x7FFFFFC7;
            newCapacity = Math.Max(newCapacity, _nodes.Length + 4);
            if (newCapacity < minCapacity) newCapacity = minCapacity;
            Array.Resize(ref _nodes, newCapacity);
        }

        private void RemoveRootNode()
        {
            int lastNodeIndex = --_size;
            if (lastNodeIndex > 0) MoveDown(_nodes[lastNodeIndex], 0);
            _nodes[lastNodeIndex] = default;
        }

        private void MoveUp(Node node, int nodeIndex)
        {
            while (nodeIndex > 0)
            {
                int parentIndex = (nodeIndex - 1) >> Log2Arity;
                Node parent = _nodes[parentIndex];
                if (_comparer.Compare(node.Priority, parent.Priority) < 0)
                {
                    _nodes[nodeIndex] = parent;
                    nodeIndex = parentIndex;
                }
                else break;
            }
            _nodes[nodeIndex] = node;
        }

        private void MoveDown(Node node, int nodeIndex)
        {
            int i;
            while ((i = (nodeIndex << Log2Arity) + 1) < _size)
            {
                Node minChild = _nodes[i];
                int minChildIndex = i;
                int childIndexUpperBound = Math.Min(i + Arity, _size);
                while (++i < childIndexUpperBound)
                {
                    Node nextChild = _nodes[i];
                    if (_comparer.Compare(nextChild.Priority, minChild.Priority) < 0)
                    {
                        minChild = nextChild;
                        minChildIndex = i;
                    }
                }
                if (_comparer.Compare(node.Priority, minChild.Priority) <= 0) break;
                _nodes[nodeIndex] = minChild;
                nodeIndex = minChildIndex;
            }
            _nodes[nodeIndex] = node;
        }
    }
}
