namespace System.Threading
{
    public enum EventResetMode
    {
        AutoReset = 0,
        ManualReset = 1,
    }

    /// <summary>.NET's waitable object; here only events derive from it (no operating-system handle behind it).</summary>
    public abstract class WaitHandle : IDisposable
    {
        public const int WaitTimeout = 258;

        public virtual bool WaitOne() => WaitOne(Timeout.Infinite);

        public abstract bool WaitOne(int millisecondsTimeout);

        public virtual void Close() => Dispose();

        public void Dispose()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool explicitDisposing) { }
    }

    /// <summary>An event: <see cref="Set"/> releases waiters; an auto-reset one lets exactly one through per Set.</summary>
    public class EventWaitHandle : WaitHandle
    {
        private readonly bool _autoReset;
        private bool _signaled;
        private object _waiters;

        public EventWaitHandle(bool initialState, EventResetMode mode)
        {
            if (mode != EventResetMode.AutoReset && mode != EventResetMode.ManualReset)
                throw new ArgumentOutOfRangeException("mode", "Enum value was out of legal range.");
            _signaled = initialState;
            _autoReset = mode == EventResetMode.AutoReset;
        }

        public bool Set()
        {
            _signaled = true;
            if (_waiters != null)
            {
                if (_autoReset)
                    GreenThreads.WakeOne(_waiters);
                else
                    GreenThreads.WakeAll(_waiters);
            }
            return true;
        }

        public bool Reset()
        {
            _signaled = false;
            return true;
        }

        public override bool WaitOne(int millisecondsTimeout)
        {
            GreenThreads.CheckTimeout(millisecondsTimeout);
            long start = millisecondsTimeout > 0 ? GreenThreads.Milliseconds() : 0;
            while (!_signaled)
            {
                int left = GreenThreads.Remaining(millisecondsTimeout, start);
                if (left == 0)
                    return false;
                if (_waiters == null)
                    _waiters = GreenThreads.CreateWaitQueue();
                GreenThreads.Wait(_waiters, left);
            }
            if (_autoReset)
                _signaled = false;
            return true;
        }
    }

    public sealed class ManualResetEvent : EventWaitHandle
    {
        public ManualResetEvent(bool initialState) : base(initialState, EventResetMode.ManualReset) { }
    }

    public sealed class AutoResetEvent : EventWaitHandle
    {
        public AutoResetEvent(bool initialState) : base(initialState, EventResetMode.AutoReset) { }
    }

    public class ManualResetEventSlim : IDisposable
    {
        private bool _signaled;
        private object _waiters;

        public ManualResetEventSlim() : this(false) { }

        public ManualResetEventSlim(bool initialState) { _signaled = initialState; }

        public ManualResetEventSlim(bool initialState, int spinCount) : this(initialState)
        {
            if (spinCount < 0 || spinCount > 2047)
                throw new ArgumentOutOfRangeException("spinCount", "The spinCount argument must be in the range 0 to 2047, inclusive.");
        }

        public bool IsSet => _signaled;

        public void Set()
        {
            _signaled = true;
            if (_waiters != null)
                GreenThreads.WakeAll(_waiters);
        }

        public void Reset() => _signaled = false;

        public void Wait() => Wait(Timeout.Infinite);

        public bool Wait(int millisecondsTimeout)
        {
            GreenThreads.CheckTimeout(millisecondsTimeout);
            long start = millisecondsTimeout > 0 ? GreenThreads.Milliseconds() : 0;
            while (!_signaled)
            {
                int left = GreenThreads.Remaining(millisecondsTimeout, start);
                if (left == 0)
                    return false;
                if (_waiters == null)
                    _waiters = GreenThreads.CreateWaitQueue();
                GreenThreads.Wait(_waiters, left);
            }
            return true;
        }

        public void Dispose() { }
    }

    public class SemaphoreSlim : IDisposable
    {
        private int _count;
        private readonly int _maxCount;
        private object _waiters;

        public SemaphoreSlim(int initialCount) : this(initialCount, int.MaxValue) { }

        public SemaphoreSlim(int initialCount, int maxCount)
        {
            if (initialCount < 0 || initialCount > maxCount)
                throw new ArgumentOutOfRangeException("initialCount", "The initialCount argument must be non-negative and less than or equal to the maximumCount.");
            if (maxCount <= 0)
                throw new ArgumentOutOfRangeException("maxCount", "The maximumCount argument must be a positive number. If a maximum is not required, use the constructor without a maxCount parameter.");
            _count = initialCount;
            _maxCount = maxCount;
        }

        public int CurrentCount => _count;

        public void Wait() => Wait(Timeout.Infinite);

        public bool Wait(int millisecondsTimeout)
        {
            GreenThreads.CheckTimeout(millisecondsTimeout);
            long start = millisecondsTimeout > 0 ? GreenThreads.Milliseconds() : 0;
            while (_count == 0)
            {
                int left = GreenThreads.Remaining(millisecondsTimeout, start);
                if (left == 0)
                    return false;
                if (_waiters == null)
                    _waiters = GreenThreads.CreateWaitQueue();
                GreenThreads.Wait(_waiters, left);
            }
            _count--;
            return true;
        }

        public int Release() => Release(1);

        /// <summary>Adds <paramref name="releaseCount"/> and returns the count before.</summary>
        public int Release(int releaseCount)
        {
            if (releaseCount < 1)
                throw new ArgumentOutOfRangeException("releaseCount", "The releaseCount argument must be greater than zero.");
            int previous = _count;
            if (_maxCount - previous < releaseCount)
                throw new SemaphoreFullException();
            _count = previous + releaseCount;
            for (int i = 0; i < releaseCount && _waiters != null; i++)
            {
                if (!GreenThreads.WakeOne(_waiters))
                    break;
            }
            return previous;
        }

        public void Dispose() { }
    }

    public class SemaphoreFullException : SystemException
    {
        public SemaphoreFullException() : base("Adding the specified count to the semaphore would cause it to exceed its maximum count.") { }
        public SemaphoreFullException(string message) : base(message) { }
    }
}
