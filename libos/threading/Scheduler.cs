using System;
using System.Runtime;
using Testbed.LibOS.Memory;
using Testbed.LibOS.Platform;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Threading
{
    /// <summary>
    /// Cooperative green threads on one CPU. A thread runs until it yields, blocks (a <see cref="WaitQueue"/>,
    /// a <see cref="Semaphore"/>, <see cref="Sleep"/>, an event wait) or finishes; the next runnable
    /// thread then continues, round-robin. With nothing runnable the platform's event loop
    /// (<see cref="EventLoop"/>) blocks until the earliest sleeper's deadline or an event a thread waits
    /// for: a device interrupt on PVH, a ready file descriptor on Linux.
    /// </summary>
    /// <remarks>
    /// Platform-neutral: the stacks, the clock and the waiting come from the platform seam
    /// (<see cref="ThreadStacks"/>, <see cref="PlatformClock"/>, <see cref="EventLoop"/>), which each
    /// platform folder defines once. The event waits themselves are in the platform folders' part of
    /// this class: <c>WaitForDevice</c> (PVH), <c>WaitForFile</c> (Linux).
    /// </remarks>
    public static unsafe partial class Scheduler
    {
        private static GreenThread s_current;
        private static GreenThread s_runHead;
        private static GreenThread s_runTail;
        // Sorted by deadline, earliest first: timed waits and sleeps.
        private static GreenThread s_sleepers;
        private static GreenThread s_toFree;
        private static WaitQueue s_eventWaiters;
        private static int s_nextId;
        private static int s_live;
        private static int s_foregroundLive;
        private static WaitQueue s_foregroundDone;

        /// <summary>The running thread (the start-up thread, id 0, runs Main).</summary>
        public static GreenThread Current
        {
            get
            {
                EnsureStarted();
                return s_current;
            }
        }

        /// <summary>Threads started and not yet finished, the start-up thread excluded.</summary>
        public static int LiveThreads => s_live;

        /// <summary>The platform's default stack size in pages (PVH 4 = 16 KiB, Linux 64 = 256 KiB), guard page excluded.</summary>
        public static int DefaultStackPages => ThreadStacks.DefaultPages;

        /// <summary>
        /// Starts <paramref name="body"/> on a new thread with <paramref name="stackPages"/> 4 KiB pages of
        /// stack (0: <see cref="DefaultStackPages"/>); it first runs when the caller yields or blocks.
        /// Null when memory for the stack ran out.
        /// </summary>
        public static GreenThread Spawn(Action body, int stackPages = 0)
        {
            EnsureStarted();
            ulong bytes = (ulong)(stackPages > 0 ? stackPages : ThreadStacks.DefaultPages) * ThreadStacks.PageSize;
            ulong memory = ThreadStacks.Allocate(bytes);
            if (memory == 0)
                return null;
            var thread = new GreenThread(++s_nextId, body);
            thread.StackMemory = memory;
            thread.StackBytes = bytes;
            // The frame tb_context_switch pops: r15, r14, r13, r12, rbx, rbp, then the address of
            // tb_thread_start, placed so that rsp is 16-byte aligned once that "returns". r12 carries
            // the C# entry, which tb_thread_start calls: the assembly names no C# symbol, so images
            // without threads carry none of this.
            ulong low = memory + ThreadStacks.PageSize;
            ulong top = low + bytes;
            ulong* frame = (ulong*)(top - 72);
            for (int i = 0; i < 6; i++)
                frame[i] = 0;
            frame[3] = (ulong)(delegate*<void>)&ThreadEntry;
            frame[6] = ThreadStartAddress();
            thread.StackPointer = (ulong)frame;
            // The collector scans a suspended thread's stack from the pointer the switch saves; the
            // slot is a field of a heap object, and heap objects never move.
            fixed (ulong* saved = &thread.StackPointer)
                thread.GcStackId = GcRoots.RegisterStack((void*)low, (void*)top, saved);
            if (thread.GcStackId < 0)
            {
                ThreadStacks.Free(memory, bytes);
                return null;
            }
            s_live++;
            MakeRunnable(thread);
            return thread;
        }

        /// <summary>Lets every other runnable thread run once before the caller continues.</summary>
        public static void Yield()
        {
            EnsureStarted();
            EventLoop.Poll();
            WakeSleepers();
            if (s_runHead == null)
                return;
            Enqueue(s_current);
            SwitchToNext();
        }

        /// <summary>Blocks until <paramref name="thread"/> has finished.</summary>
        public static void Join(GreenThread thread) => Join(thread, ulong.MaxValue);

        /// <summary>Blocks until <paramref name="thread"/> has finished (true) or the clock reaches <paramref name="deadlineTicks"/> (false).</summary>
        public static bool Join(GreenThread thread, ulong deadlineTicks)
        {
            while (!thread.IsFinished)
            {
                if (thread.Joiners == null)
                    thread.Joiners = new WaitQueue();
                if (!thread.Joiners.Wait(deadlineTicks))
                    return thread.IsFinished;
            }
            return true;
        }

        /// <summary>Blocks the calling thread for at least <paramref name="nanoseconds"/>; other threads run meanwhile.</summary>
        public static void Sleep(ulong nanoseconds)
        {
            EnsureStarted();
            BlockCurrent(Clock.DeadlineIn(nanoseconds));
        }

        /// <summary>Whether the process waits for <paramref name="thread"/> when Main returns (false, the default) or not.</summary>
        public static void SetBackground(GreenThread thread, bool background)
        {
            if (thread.Background == background)
                return;
            thread.Background = background;
            if (thread.IsFinished)
                return;
            if (background)
                ForegroundFinished();
            else
            {
                s_foregroundLive++;
                // The platform's start code runs this after Main, before it exits.
                ProcessExit.BeforeExit = &WaitForForegroundThreads;
            }
        }

        /// <summary>Blocks until every foreground thread has finished (what .NET does when Main returns).</summary>
        public static void WaitForForegroundThreads()
        {
            while (s_foregroundLive > 0)
            {
                if (s_foregroundDone == null)
                    s_foregroundDone = new WaitQueue();
                s_foregroundDone.Wait();
            }
        }

        /// <summary>
        /// Parks the calling thread, on an event <paramref name="source"/> the platform defines (PVH: an
        /// interrupt vector; Linux: a file descriptor, with poll events <paramref name="mask"/>), until
        /// the platform's event loop signals it (true) or the deadline passes (false).
        /// </summary>
        internal static bool WaitForEvent(int source, short mask, ulong deadlineTicks)
        {
            EnsureStarted();
            GreenThread self = s_current;
            self.EventSource = source;
            self.EventMask = mask;
            self.EventResult = 0;
            if (s_eventWaiters == null)
                s_eventWaiters = new WaitQueue();
            s_eventWaiters.Append(self);
            return BlockCurrent(deadlineTicks);
        }

        /// <summary>The first thread in an event wait (then follow <see cref="GreenThread.NextWaiter"/>); for the platform's event loop.</summary>
        internal static GreenThread EventWaiters => s_eventWaiters == null ? null : s_eventWaiters.First;

        /// <summary>The platform's event loop saw <paramref name="result"/> (non-zero) for a thread in an event wait.</summary>
        internal static void SignalEvent(GreenThread thread, short result)
        {
            thread.EventResult = result;
            s_eventWaiters.Remove(thread);
            Wake(thread);
        }

        internal static void MakeRunnable(GreenThread thread)
        {
            thread.State = GreenThread.Runnable;
            Enqueue(thread);
        }

        /// <summary>A thread taken out of its wait queue is runnable again, and no longer waits for its deadline.</summary>
        internal static void Wake(GreenThread thread)
        {
            if (thread.Sleeping)
                RemoveSleeper(thread);
            MakeRunnable(thread);
        }

        /// <summary>
        /// Parks the current thread (already recorded in some queue, or in none for a sleep) and runs
        /// another, until a wake-up (true) or <paramref name="deadlineTicks"/> (false; ulong.MaxValue: none).
        /// </summary>
        internal static bool BlockCurrent(ulong deadlineTicks)
        {
            GreenThread self = s_current;
            self.TimedOut = false;
            if (deadlineTicks != ulong.MaxValue)
                AddSleeper(self, deadlineTicks);
            self.State = GreenThread.Blocked;
            SwitchToNext();
            return !self.TimedOut;
        }

        /// <summary>Runs a new thread's body; tb_thread_start calls it (through r12) on the thread's own stack.</summary>
        private static void ThreadEntry()
        {
            FreeFinished();
            GreenThread self = s_current;
            try
            {
                self.Body();
            }
            catch (Exception e)
            {
                // As on .NET, an exception nothing on the thread catches ends the program.
                ExceptionHandling.Unhandled(e);
            }
            self.State = GreenThread.Finished;
            self.Body = null;
            s_live--;
            if (!self.Background)
                ForegroundFinished();
            if (self.Joiners != null)
                self.Joiners.WakeAll();
            // Its stack is in use until the switch away; the next thread to run frees it.
            s_toFree = self;
            SwitchToNext();
        }

        private static void ForegroundFinished()
        {
            s_foregroundLive--;
            if (s_foregroundLive == 0 && s_foregroundDone != null)
                s_foregroundDone.WakeAll();
        }

        private static void SwitchToNext()
        {
            GreenThread next = TakeRunnable();
            GreenThread previous = s_current;
            if (next == previous)
            {
                previous.State = GreenThread.Runnable;
                return;
            }
            s_current = next;
            GcRoots.SetCurrentStack(next.GcStackId);
            previous.HandlerChain = ExceptionHandling.Chain;
            ExceptionHandling.Chain = next.HandlerChain;
            fixed (ulong* save = &previous.StackPointer)
                ContextSwitch(save, next.StackPointer);
            FreeFinished();
        }

        /// <summary>The next thread to run; blocks in the platform's event loop while there is none.</summary>
        private static GreenThread TakeRunnable()
        {
            while (true)
            {
                WakeSleepers();
                if (s_runHead != null)
                {
                    GreenThread thread = s_runHead;
                    s_runHead = thread.NextWaiter;
                    if (s_runHead == null)
                        s_runTail = null;
                    thread.NextWaiter = null;
                    return thread;
                }
                ulong deadline = s_sleepers != null ? s_sleepers.WakeAt : ulong.MaxValue;
                if (deadline == ulong.MaxValue && EventWaiters == null)
                    Deadlock();
                EventLoop.Wait(deadline);
            }
        }

        /// <summary>Every thread waits for another and nothing outside can wake one: .NET would hang; say so and stop.</summary>
        private static void Deadlock()
        {
            const string message = "testbed: deadlock: every green thread is blocked, with no deadline and no event to wake one\n";
            byte* text = stackalloc byte[message.Length];
            for (int i = 0; i < message.Length; i++)
                text[i] = (byte)message[i];
            PlatformWrite(2, text, message.Length);
            PlatformExit(DeadlockExitCode);
        }

        /// <summary>The exit status of a program whose threads all wait forever (docs/libos.md, "Exit codes").</summary>
        public const int DeadlockExitCode = 253;

        /// <summary>Makes the threads whose deadline has passed runnable, out of any wait queue they are in.</summary>
        private static void WakeSleepers()
        {
            if (s_sleepers == null)
                return;
            // At every switch: the coarse clock first, since the precise one is then less than its
            // resolution ahead (up to twice, measured, when a tick is late: allow three), and the first sleeper is rarely due.
            ulong now = Clock.CoarseTicks;
            ulong resolution = Clock.CoarseResolutionTicks;
            if (resolution != 0)
            {
                if (s_sleepers.WakeAt > now + 3 * resolution)
                    return;
                now = Clock.Ticks;
            }
            while (s_sleepers != null && s_sleepers.WakeAt <= now)
            {
                GreenThread thread = s_sleepers;
                RemoveSleeper(thread);
                if (thread.WaitingOn != null)
                    thread.WaitingOn.Remove(thread);
                thread.TimedOut = true;
                MakeRunnable(thread);
            }
        }

        private static void AddSleeper(GreenThread thread, ulong wakeAt)
        {
            thread.WakeAt = wakeAt;
            thread.Sleeping = true;
            GreenThread before = null;
            GreenThread after = s_sleepers;
            while (after != null && after.WakeAt <= wakeAt)
            {
                before = after;
                after = after.NextSleeper;
            }
            thread.PreviousSleeper = before;
            thread.NextSleeper = after;
            if (before == null)
                s_sleepers = thread;
            else
                before.NextSleeper = thread;
            if (after != null)
                after.PreviousSleeper = thread;
        }

        private static void RemoveSleeper(GreenThread thread)
        {
            if (thread.PreviousSleeper == null)
                s_sleepers = thread.NextSleeper;
            else
                thread.PreviousSleeper.NextSleeper = thread.NextSleeper;
            if (thread.NextSleeper != null)
                thread.NextSleeper.PreviousSleeper = thread.PreviousSleeper;
            thread.NextSleeper = null;
            thread.PreviousSleeper = null;
            thread.Sleeping = false;
        }

        private static void Enqueue(GreenThread thread)
        {
            thread.NextWaiter = null;
            if (s_runTail == null)
                s_runHead = thread;
            else
                s_runTail.NextWaiter = thread;
            s_runTail = thread;
        }

        private static void FreeFinished()
        {
            GreenThread done = s_toFree;
            if (done == null || done == s_current)
                return;
            s_toFree = null;
            GcRoots.UnregisterStack(done.GcStackId);
            ThreadStacks.Free(done.StackMemory, done.StackBytes);
        }

        private static void EnsureStarted()
        {
            if (s_current != null)
                return;
            s_current = new GreenThread(0, null);
            s_current.GcStackId = GcRoots.MainStack;
            fixed (ulong* saved = &s_current.StackPointer)
                GcRoots.SetSavedPointerSlot(GcRoots.MainStack, saved);
        }

        [RuntimeImport("tb_context_switch")]
        private static extern void ContextSwitch(ulong* saveStackPointer, ulong newStackPointer);

        [RuntimeImport("tb_thread_start_address")]
        private static extern ulong ThreadStartAddress();

        [RuntimeImport("tb_platform_write")]
        private static extern void PlatformWrite(int fd, byte* buffer, int length);

        [RuntimeImport("tb_platform_exit")]
        private static extern void PlatformExit(int code);
    }
}
