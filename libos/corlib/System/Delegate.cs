using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// The base of every delegate type. The compiler synthesises each delegate type's constructor
    /// and <c>Invoke</c> (docs/runtime-contract.md), which use exactly these fields: Invoke calls
    /// the method on the target, or, for a combined delegate, each delegate of the invocation list
    /// in order and returns the last result.
    /// </summary>
    public abstract class Delegate
    {
#pragma warning disable CS0649 // Set by the compiler-synthesised constructor of each delegate type.
        // The object the method is called on; null for a static method.
        internal object _target;
        // The address of the method's compiled code.
        internal IntPtr _methodPtr;
        // Null for a single delegate; else the single delegates a combination calls, in order.
        internal Delegate[] _invocationList;
#pragma warning restore CS0649

        public object Target => _invocationList == null ? _target : _invocationList[_invocationList.Length - 1]._target;

        /// <summary>The method the delegate calls (the last one of a combination, as .NET): its name and identity only.</summary>
        public System.Reflection.MethodInfo Method =>
            new System.Reflection.RuntimeMethodInfo(_invocationList == null ? _methodPtr : _invocationList[_invocationList.Length - 1]._methodPtr);

        private int InvocationCount => _invocationList == null ? 1 : _invocationList.Length;

        private Delegate InvocationAt(int index) => _invocationList == null ? this : _invocationList[index];

        public static Delegate Combine(Delegate a, Delegate b)
        {
            if (a == null) return b;
            if (b == null) return a;
            int countA = a.InvocationCount, countB = b.InvocationCount;
            var list = new Delegate[countA + countB];
            for (int i = 0; i < countA; i++) list[i] = a.InvocationAt(i);
            for (int i = 0; i < countB; i++) list[countA + i] = b.InvocationAt(i);
            var result = (Delegate)a.MemberwiseClone();
            result._invocationList = list;
            return result;
        }

        /// <summary>Each single delegate this one calls, in order: a new array every time, as .NET gives.</summary>
        public Delegate[] GetInvocationList()
        {
            var list = new Delegate[InvocationCount];
            for (int i = 0; i < list.Length; i++) list[i] = InvocationAt(i);
            return list;
        }

        public bool HasSingleTarget => _invocationList == null;

        public static Delegate Combine(params Delegate[] delegates)
        {
            if (delegates == null) return null;
            Delegate result = null;
            for (int i = 0; i < delegates.Length; i++) result = Combine(result, delegates[i]);
            return result;
        }

        /// <summary>Removes every occurrence of <paramref name="value"/>'s invocation list, from the last back.</summary>
        public static Delegate RemoveAll(Delegate source, Delegate value)
        {
            while (true)
            {
                Delegate next = Remove(source, value);
                if ((object)next == source) return source;
                source = next;
            }
        }

        /// <summary>Removes the last occurrence of <paramref name="value"/>'s invocation list from <paramref name="source"/>'s, as .NET does.</summary>
        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source == null) return null;
            if (value == null) return source;
            int count = source.InvocationCount, removed = value.InvocationCount;
            for (int start = count - removed; start >= 0; start--)
            {
                bool match = true;
                for (int k = 0; k < removed && match; k++)
                    match = source.InvocationAt(start + k).SameMethod(value.InvocationAt(k));
                if (!match) continue;
                int left = count - removed;
                if (left == 0) return null;
                if (left == 1) return start == 0 ? source.InvocationAt(count - 1) : source.InvocationAt(0);
                var list = new Delegate[left];
                for (int i = 0, j = 0; i < count; i++)
                    if (i < start || i >= start + removed) list[j++] = source.InvocationAt(i);
                var result = (Delegate)source.MemberwiseClone();
                result._invocationList = list;
                return result;
            }
            return source;
        }

        private bool SameMethod(Delegate other) =>
            _invocationList == null && other._invocationList == null && _target == other._target && _methodPtr == other._methodPtr;

        public override bool Equals(object obj)
        {
            if (!(obj is Delegate other) || RuntimeHelpers.GetTypeDescriptor(this) != RuntimeHelpers.GetTypeDescriptor(other)) return false;
            if (InvocationCount != other.InvocationCount) return false;
            for (int i = 0; i < InvocationCount; i++)
                if (!InvocationAt(i).SameMethod(other.InvocationAt(i))) return false;
            return true;
        }

        public override int GetHashCode() => (int)_methodPtr ^ (_invocationList == null ? 0 : _invocationList.Length);

        public static bool operator ==(Delegate d1, Delegate d2) => d1 is null ? d2 is null : d1.Equals(d2);

        public static bool operator !=(Delegate d1, Delegate d2) => !(d1 == d2);
    }

#pragma warning disable CS0660, CS0661 // Equals and GetHashCode are Delegate's.
    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) => (Delegate)d1 == (Delegate)d2;

        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) => !(d1 == d2);
    }
#pragma warning restore CS0660, CS0661
}
