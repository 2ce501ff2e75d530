using System;
using System.Runtime;

namespace Testbed.LibOS.Threading
{
    /// <summary>A cooperative thread: its own stack (with an unmapped guard page below it) and a body to run.</summary>
    public sealed unsafe class GreenThread
    {
        internal const int Runnable = 0;
        internal const int Blocked = 1;
        internal const int Finished = 2;

        internal ulong StackPointer;
        // The try blocks this thread is inside of (ExceptionHandling's first pass walks them), while it is switched out.
        internal HandlerRecord* HandlerChain;
        /// <summary>The collector's id for this thread's stack (GcRoots).</summary>
        internal int GcStackId;
        internal ulong StackMemory;
        internal ulong StackPages;
        internal Action Body;
        internal int State;
        /// <summary>Link in the run queue or in one wait queue (a thread is in at most one).</summary>
        internal GreenThread Next;
        internal ulong WakeAt;
        internal WaitQueue Joiners;

        public readonly int Id;

        internal GreenThread(int id, Action body)
        {
            Id = id;
            Body = body;
        }

        public bool IsFinished => State == Finished;
    }

    /// <summary>Threads waiting for something, woken in the order they arrived.</summary>
    public sealed class WaitQueue
    {
        private GreenThread head;
        private GreenThread tail;

        public bool IsEmpty => head == null;

        /// <summary>Blocks the calling thread until <see cref="WakeOne"/> or <see cref="WakeAll"/> picks it.</summary>
        public void Wait()
        {
            GreenThread self = Scheduler.Current;
            self.Next = null;
            if (tail == null)
                head = self;
            else
                tail.Next = self;
            tail = self;
            Scheduler.BlockCurrent();
        }

        /// <summary>Makes the longest waiter runnable; false when nobody waits.</summary>
        public bool WakeOne()
        {
            GreenThread thread = head;
            if (thread == null)
                return false;
            head = thread.Next;
            if (head == null)
                tail = null;
            thread.Next = null;
            Scheduler.MakeRunnable(thread);
            return true;
        }

        public void WakeAll()
        {
            while (WakeOne())
            {
            }
        }
    }

    /// <summary>A counting semaphore: <see cref="Wait"/> blocks while the count is 0.</summary>
    public sealed class Semaphore
    {
        private int count;
        private readonly WaitQueue waiters = new WaitQueue();

        public Semaphore(int initialCount) { count = initialCount; }

        public void Wait()
        {
            while (count == 0)
                waiters.Wait();
            count--;
        }

        public void Release()
        {
            count++;
            waiters.WakeOne();
        }
    }
}
