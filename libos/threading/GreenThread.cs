using System;
using System.Runtime;

namespace Testbed.LibOS.Threading
{
    /// <summary>A cooperative thread: its own stack (with a guard page below it) and a body to run.</summary>
    /// <remarks>
    /// A thread is in at most one of the run queue and a wait queue (link <see cref="NextWaiter"/>,
    /// shared because the two exclude each other) and, independently, in the sleepers list (links
    /// <see cref="NextSleeper"/>/<see cref="PreviousSleeper"/>) when it waits with a deadline.
    /// </remarks>
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
        /// <summary>The lowest address of the stack's memory (its guard page) and the usable bytes above it.</summary>
        internal ulong StackMemory;
        internal ulong StackBytes;
        internal Action Body;
        internal int State;

        /// <summary>Link in the run queue or in the wait queue <see cref="WaitingOn"/>.</summary>
        internal GreenThread NextWaiter;
        internal GreenThread PreviousWaiter;
        internal WaitQueue WaitingOn;

        /// <summary>Links in the sleepers list, sorted by <see cref="WakeAt"/>; <see cref="Sleeping"/> says whether it is in it.</summary>
        internal GreenThread NextSleeper;
        internal GreenThread PreviousSleeper;
        internal bool Sleeping;
        internal ulong WakeAt;
        /// <summary>The last timed wait ended at its deadline rather than by a wake-up.</summary>
        internal bool TimedOut;

        /// <summary>What an event wait (a device's interrupt vector on PVH, a file descriptor on Linux) waits for, and what came.</summary>
        internal int EventSource;
        internal short EventMask;
        internal short EventResult;

        internal WaitQueue Joiners;

        /// <summary>The process waits for foreground threads when Main returns (as .NET does); threads of the library OS are background.</summary>
        internal bool Background = true;

        public readonly int Id;

        /// <summary>Whatever the creator attaches (corlib's System.Threading.Thread for threads it starts).</summary>
        public object Tag;

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
        internal GreenThread First;
        private GreenThread last;

        public bool IsEmpty => First == null;

        /// <summary>Blocks the calling thread until <see cref="WakeOne"/> or <see cref="WakeAll"/> picks it.</summary>
        public void Wait() => Wait(ulong.MaxValue);

        /// <summary>
        /// Blocks the calling thread until a wake-up picks it (true) or the clock reaches
        /// <paramref name="deadlineTicks"/> (false; ulong.MaxValue: no deadline).
        /// </summary>
        public bool Wait(ulong deadlineTicks)
        {
            GreenThread self = Scheduler.Current;
            if (deadlineTicks != ulong.MaxValue && Time.Clock.Ticks >= deadlineTicks)
                return false;
            Append(self);
            return Scheduler.BlockCurrent(deadlineTicks);
        }

        /// <summary>Makes the longest waiter runnable; false when nobody waits.</summary>
        public bool WakeOne()
        {
            GreenThread thread = First;
            if (thread == null)
                return false;
            Remove(thread);
            Scheduler.Wake(thread);
            return true;
        }

        public void WakeAll()
        {
            while (WakeOne())
            {
            }
        }

        internal void Append(GreenThread thread)
        {
            thread.WaitingOn = this;
            thread.NextWaiter = null;
            thread.PreviousWaiter = last;
            if (last == null)
                First = thread;
            else
                last.NextWaiter = thread;
            last = thread;
        }

        internal void Remove(GreenThread thread)
        {
            if (thread.PreviousWaiter == null)
                First = thread.NextWaiter;
            else
                thread.PreviousWaiter.NextWaiter = thread.NextWaiter;
            if (thread.NextWaiter == null)
                last = thread.PreviousWaiter;
            else
                thread.NextWaiter.PreviousWaiter = thread.PreviousWaiter;
            thread.NextWaiter = null;
            thread.PreviousWaiter = null;
            thread.WaitingOn = null;
        }
    }

    /// <summary>A counting semaphore: <see cref="Wait()"/> blocks while the count is 0.</summary>
    public sealed class Semaphore
    {
        private int count;
        private readonly WaitQueue waiters = new WaitQueue();

        public Semaphore(int initialCount) { count = initialCount; }

        public int Count => count;

        public void Wait()
        {
            while (count == 0)
                waiters.Wait();
            count--;
        }

        /// <summary>False when the clock reached <paramref name="deadlineTicks"/> before the count was above 0.</summary>
        public bool Wait(ulong deadlineTicks)
        {
            while (count == 0)
            {
                if (!waiters.Wait(deadlineTicks))
                    return false;
            }
            count--;
            return true;
        }

        public void Release()
        {
            count++;
            waiters.WakeOne();
        }
    }
}
