using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>
    /// .NET's monitors (what C#'s <c>lock</c> compiles to), on the green threads. Objects have no header
    /// word for a lock here: a side table maps an object, by reference, to its lock while somebody holds
    /// it or waits on it, and the entry goes when neither is true any more. The collector does not move
    /// objects, so the identity hash stays valid; the table's reference keeps a locked object alive,
    /// as the lock itself would. One CPU and switches only inside the scheduler: no atomics needed.
    /// </summary>
    public static class Monitor
    {
        private sealed class Lock
        {
            public object Key;
            public Lock Next;
            // The library OS's thread holding it, and how many times.
            public object Owner;
            public int Recursion;
            // Threads waiting to take it, and threads in Wait for a Pulse; queues created when first needed.
            public object Entry;
            public int EntryWaiters;
            public object Condition;
            public int ConditionWaiters;
        }

        private static Lock[] s_buckets;
        private static int s_count;

        public static void Enter(object obj)
        {
            if (obj == null) throw new ArgumentNullException();
            Acquire(obj, Timeout.Infinite);
        }

        /// <summary>What <c>lock (obj) { ... }</c> calls: <paramref name="lockTaken"/> is set once the lock is held.</summary>
        public static void Enter(object obj, ref bool lockTaken)
        {
            if (lockTaken) throw new ArgumentException("Argument must be initialized to false", "lockTaken");
            Enter(obj);
            lockTaken = true;
        }

        public static bool TryEnter(object obj) => TryEnter(obj, 0);

        public static bool TryEnter(object obj, int millisecondsTimeout)
        {
            if (obj == null) throw new ArgumentNullException();
            GreenThreads.CheckTimeout(millisecondsTimeout);
            return Acquire(obj, millisecondsTimeout);
        }

        public static void TryEnter(object obj, ref bool lockTaken) => TryEnter(obj, 0, ref lockTaken);

        public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken)
        {
            if (lockTaken) throw new ArgumentException("Argument must be initialized to false", "lockTaken");
            lockTaken = TryEnter(obj, millisecondsTimeout);
        }

        public static void Exit(object obj)
        {
            if (obj == null) throw new ArgumentNullException();
            Lock l = OwnedLock(obj);
            if (--l.Recursion > 0)
                return;
            Release(l);
        }

        public static bool IsEntered(object obj)
        {
            if (obj == null) throw new ArgumentNullException();
            Lock l = Find(obj);
            return l != null && l.Owner == GreenThreads.Current();
        }

        public static bool Wait(object obj) => Wait(obj, Timeout.Infinite);

        /// <summary>
        /// Releases the lock (however deeply it is held), waits for a <see cref="Pulse"/> or the timeout,
        /// takes the lock back and returns whether it was pulsed.
        /// </summary>
        public static bool Wait(object obj, int millisecondsTimeout)
        {
            if (obj == null) throw new ArgumentNullException();
            GreenThreads.CheckTimeout(millisecondsTimeout);
            Lock l = OwnedLock(obj);
            int recursion = l.Recursion;
            if (l.Condition == null)
                l.Condition = GreenThreads.CreateWaitQueue();
            l.ConditionWaiters++;
            Release(l);
            bool pulsed = GreenThreads.Wait(l.Condition, millisecondsTimeout);
            l.ConditionWaiters--;
            // The entry may have gone from the table meanwhile only if nobody waited: this thread did.
            Take(l, Timeout.Infinite);
            l.Recursion = recursion;
            return pulsed;
        }

        public static void Pulse(object obj)
        {
            if (obj == null) throw new ArgumentNullException();
            Lock l = OwnedLock(obj);
            if (l.Condition != null)
                GreenThreads.WakeOne(l.Condition);
        }

        public static void PulseAll(object obj)
        {
            if (obj == null) throw new ArgumentNullException();
            Lock l = OwnedLock(obj);
            if (l.Condition != null)
                GreenThreads.WakeAll(l.Condition);
        }

        private static bool Acquire(object obj, int millisecondsTimeout)
        {
            Lock l = FindOrAdd(obj);
            if (l.Owner == GreenThreads.Current())
            {
                l.Recursion++;
                return true;
            }
            if (Take(l, millisecondsTimeout))
                return true;
            Forget(l);
            return false;
        }

        /// <summary>Takes <paramref name="l"/> for the current thread (recursion 1), waiting up to the timeout.</summary>
        private static bool Take(Lock l, int millisecondsTimeout)
        {
            object self = GreenThreads.Current();
            if (l.Owner != null)
            {
                if (millisecondsTimeout == 0)
                    return false;
                long start = millisecondsTimeout > 0 ? GreenThreads.Milliseconds() : 0;
                if (l.Entry == null)
                    l.Entry = GreenThreads.CreateWaitQueue();
                l.EntryWaiters++;
                // Another thread may take the lock between the release that woke this one and its turn to run.
                while (l.Owner != null)
                {
                    int left = GreenThreads.Remaining(millisecondsTimeout, start);
                    if (left == 0 || !GreenThreads.Wait(l.Entry, left) && l.Owner != null)
                    {
                        l.EntryWaiters--;
                        return false;
                    }
                }
                l.EntryWaiters--;
            }
            l.Owner = self;
            l.Recursion = 1;
            return true;
        }

        private static void Release(Lock l)
        {
            l.Owner = null;
            l.Recursion = 0;
            if (l.EntryWaiters > 0)
                GreenThreads.WakeOne(l.Entry);
            else
                Forget(l);
        }

        private static Lock OwnedLock(object obj)
        {
            Lock l = Find(obj);
            if (l == null || l.Owner != GreenThreads.Current())
                throw new SynchronizationLockException();
            return l;
        }

        private static int Bucket(object obj, int length) => (RuntimeHelpers.GetHashCode(obj) & 0x7FFFFFFF) % length;

        private static Lock Find(object obj)
        {
            if (s_buckets == null)
                return null;
            for (Lock l = s_buckets[Bucket(obj, s_buckets.Length)]; l != null; l = l.Next)
            {
                if (l.Key == obj)
                    return l;
            }
            return null;
        }

        private static Lock FindOrAdd(object obj)
        {
            Lock found = Find(obj);
            if (found != null)
                return found;
            if (s_buckets == null)
                s_buckets = new Lock[16];
            else if (s_count >= s_buckets.Length * 2)
                Rehash(s_buckets.Length * 2);
            var l = new Lock { Key = obj };
            int b = Bucket(obj, s_buckets.Length);
            l.Next = s_buckets[b];
            s_buckets[b] = l;
            s_count++;
            return l;
        }

        /// <summary>Drops the entry when nobody holds the lock or waits on it.</summary>
        private static void Forget(Lock l)
        {
            if (l.Owner != null || l.EntryWaiters > 0 || l.ConditionWaiters > 0)
                return;
            int b = Bucket(l.Key, s_buckets.Length);
            if (s_buckets[b] == l)
                s_buckets[b] = l.Next;
            else
            {
                Lock at = s_buckets[b];
                while (at.Next != l)
                    at = at.Next;
                at.Next = l.Next;
            }
            l.Next = null;
            s_count--;
        }

        private static void Rehash(int length)
        {
            var buckets = new Lock[length];
            for (int i = 0; i < s_buckets.Length; i++)
            {
                Lock l = s_buckets[i];
                while (l != null)
                {
                    Lock next = l.Next;
                    int b = Bucket(l.Key, length);
                    l.Next = buckets[b];
                    buckets[b] = l;
                    l = next;
                }
            }
            s_buckets = buckets;
        }
    }
}
