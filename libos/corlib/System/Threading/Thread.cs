namespace System.Threading
{
    public delegate void ThreadStart();

    public delegate void ParameterizedThreadStart(object obj);

    /// <summary>
    /// .NET's thread, on the library OS's cooperative green threads (one CPU): a thread runs until it
    /// blocks, sleeps, yields or finishes. Foreground threads (the default) keep the process alive after
    /// Main returns, as on .NET; background threads do not.
    /// </summary>
    public sealed class Thread
    {
        // CoreCLR gives the main thread 1; its finalizer thread and one more runtime thread take 2 and
        // 3, so the first thread a program creates is 4 (ids are handed out when a Thread is constructed).
        private const int MainThreadId = 1;
        private const int FirstCreatedThreadId = 4;
        private static int s_nextId = FirstCreatedThreadId;

        private readonly ThreadStart _start;
        private readonly ParameterizedThreadStart _parameterizedStart;
        private object _parameter;
        // The library OS's thread: null until started.
        private object _green;
        private readonly int _id;
        private string _name;
        private bool _background;

        public Thread(ThreadStart start) : this(start, 0) { }

        public Thread(ThreadStart start, int maxStackSize)
        {
            if (start == null) throw new ArgumentNullException("start");
            CheckStackSize(maxStackSize);
            _start = start;
            _id = s_nextId++;
        }

        public Thread(ParameterizedThreadStart start) : this(start, 0) { }

        public Thread(ParameterizedThreadStart start, int maxStackSize)
        {
            if (start == null) throw new ArgumentNullException("start");
            CheckStackSize(maxStackSize);
            _parameterizedStart = start;
            _id = s_nextId++;
        }

        /// <summary>A thread that was not started through this class: Main's, or one the library OS spawned.</summary>
        private Thread(object green, int id)
        {
            _green = green;
            _id = id;
        }

        private static void CheckStackSize(int maxStackSize)
        {
            // The size is a hint .NET may round or ignore; so does this one (the platform's default stack).
            if (maxStackSize < 0)
                throw new ArgumentOutOfRangeException("maxStackSize", "Non-negative number required.");
        }

        public static Thread CurrentThread
        {
            get
            {
                object green = GreenThreads.Current();
                if (GreenThreads.Tag(green) is Thread known)
                    return known;
                var adopted = new Thread(green, GreenThreads.Id(green) == 0 ? MainThreadId : s_nextId++);
                GreenThreads.SetTag(green, adopted);
                return adopted;
            }
        }

        public int ManagedThreadId => _id;

        public string Name
        {
            get => _name;
            set => _name = value;
        }

        public bool IsAlive => _green != null && !GreenThreads.IsFinished(_green);

        public bool IsBackground
        {
            get
            {
                CheckNotDead();
                return _background;
            }
            set
            {
                CheckNotDead();
                _background = value;
                // Only threads this class started count for the exit (Main's own thread never does).
                if (_green != null && (_start != null || _parameterizedStart != null))
                    GreenThreads.SetBackground(_green, value);
            }
        }

        private void CheckNotDead()
        {
            if (_green != null && GreenThreads.IsFinished(_green))
                throw new ThreadStateException("Thread is dead; state cannot be accessed.");
        }

        public void Start()
        {
            if (_green != null)
                throw new ThreadStateException("Thread is running or terminated; it cannot restart.");
            _green = GreenThreads.Spawn(Run, this, _background);
            if (_green == null)
                throw new OutOfMemoryException();
        }

        public void Start(object parameter)
        {
            if (_start != null)
                throw new InvalidOperationException("The thread was created with a ThreadStart delegate that does not accept a parameter.");
            _parameter = parameter;
            Start();
        }

        private void Run()
        {
            if (_start != null)
            {
                _start();
                return;
            }
            object parameter = _parameter;
            _parameter = null;
            _parameterizedStart(parameter);
        }

        public void Join()
        {
            if (_green == null)
                throw new ThreadStateException("Thread has not been started.");
            GreenThreads.Join(_green, Timeout.Infinite);
        }

        public bool Join(int millisecondsTimeout)
        {
            GreenThreads.CheckTimeout(millisecondsTimeout);
            if (_green == null)
                throw new ThreadStateException("Thread has not been started.");
            return GreenThreads.Join(_green, millisecondsTimeout);
        }

        /// <summary>Blocks this thread for at least <paramref name="millisecondsTimeout"/> (0: lets the other runnable threads run first; -1: forever).</summary>
        public static void Sleep(int millisecondsTimeout)
        {
            GreenThreads.CheckTimeout(millisecondsTimeout);
            if (millisecondsTimeout == Timeout.Infinite)
            {
                GreenThreads.Wait(GreenThreads.CreateWaitQueue(), Timeout.Infinite);
                return;
            }
            GreenThreads.Sleep(millisecondsTimeout);
        }

        /// <summary>Lets the other runnable threads run; true (there is always a scheduler to yield to).</summary>
        public static bool Yield()
        {
            GreenThreads.Yield();
            return true;
        }

        /// <summary>One CPU and switches only at calls: nothing to order.</summary>
        public static void MemoryBarrier() { }

        public static void SpinWait(int iterations) { }

        public override int GetHashCode() => _id;
    }

    public static class Timeout
    {
        public const int Infinite = -1;
        public const uint UnsignedInfinite = unchecked((uint)-1);
    }

    public class ThreadStateException : SystemException
    {
        public ThreadStateException() : base("Thread was in an invalid state for the operation being executed.") { }
        public ThreadStateException(string message) : base(message) { }
        public ThreadStateException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException() : base("Object synchronization method was called from an unsynchronized block of code.") { }
        public SynchronizationLockException(string message) : base(message) { }
        public SynchronizationLockException(string message, Exception innerException) : base(message, innerException) { }
    }
}
