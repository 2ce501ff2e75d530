using System;
using System.Runtime;
using Testbed.LibOS.Memory;
using Testbed.LibOS.Platform.Pvh;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Threading
{
    /// <summary>
    /// Cooperative green threads on one CPU. A thread runs until it yields, blocks (a <see cref="WaitQueue"/>,
    /// a <see cref="Semaphore"/>, <see cref="Sleep"/>, <see cref="WaitForDevice"/>) or finishes; the next
    /// runnable thread then continues, round-robin. With nothing runnable the CPU halts until the next
    /// interrupt (a device completion or the earliest sleeper's deadline), and the threads waiting on
    /// that device's vector become runnable again.
    /// </summary>
    public static unsafe class Scheduler
    {
        /// <summary>Default stack: 16 KiB, plus the guard page below it.</summary>
        public const int DefaultStackPages = 4;

        private static GreenThread s_current;
        private static GreenThread s_runHead;
        private static GreenThread s_runTail;
        private static GreenThread s_sleepers;
        private static GreenThread s_toFree;
        private static WaitQueue[] s_deviceWaiters;
        private static int s_nextId;
        private static int s_live;
        // The earliest deadline of any thread in WaitForDevice: the idle loop wakes them all by then.
        private static ulong s_deviceDeadline = ulong.MaxValue;

        /// <summary>The running thread (the boot thread, id 0, runs Main).</summary>
        public static GreenThread Current
        {
            get
            {
                EnsureStarted();
                return s_current;
            }
        }

        /// <summary>Threads started and not yet finished, the boot thread excluded.</summary>
        public static int LiveThreads => s_live;

        /// <summary>Starts <paramref name="body"/> on a new thread; it first runs when the caller yields or blocks. Null when pages ran out.</summary>
        public static GreenThread Spawn(Action body, int stackPages = DefaultStackPages)
        {
            EnsureStarted();
            ulong pages = (ulong)stackPages + 1;
            ulong memory = PhysicalPages.Allocate(pages);
            if (memory == 0)
                return null;
            PageTables.MakeGuardPage(memory);
            var thread = new GreenThread(++s_nextId, body);
            thread.StackMemory = memory;
            thread.StackPages = pages;
            // The frame tb_context_switch pops: six callee-saved registers (zero), then the address of
            // tb_thread_start, placed so that rsp is 16-byte aligned once that "returns".
            ulong top = memory + pages * PhysicalPages.PageSize;
            ulong* frame = (ulong*)(top - 72);
            for (int i = 0; i < 6; i++)
                frame[i] = 0;
            frame[6] = ThreadStartAddress();
            thread.StackPointer = (ulong)frame;
            // The collector scans a suspended thread's stack from the pointer the switch saves; the
            // slot is a field of a heap object, and heap objects never move.
            fixed (ulong* saved = &thread.StackPointer)
                thread.GcStackId = GcRoots.RegisterStack((void*)memory, (void*)top, saved);
            if (thread.GcStackId < 0)
            {
                PageTables.MakeDataPage(memory);
                PhysicalPages.Free(memory, pages);
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
            PollDevices();
            if (s_runHead == null)
                return;
            Enqueue(s_current);
            SwitchToNext();
        }

        /// <summary>Blocks until <paramref name="thread"/> has finished.</summary>
        public static void Join(GreenThread thread)
        {
            while (!thread.IsFinished)
            {
                if (thread.Joiners == null)
                    thread.Joiners = new WaitQueue();
                thread.Joiners.Wait();
            }
        }

        /// <summary>Blocks the calling thread for at least <paramref name="nanoseconds"/>; other threads run meanwhile.</summary>
        public static void Sleep(ulong nanoseconds)
        {
            EnsureStarted();
            GreenThread self = s_current;
            self.WakeAt = Clock.DeadlineIn(nanoseconds);
            // Sorted by deadline, so the idle loop arms the timer for the first.
            if (s_sleepers == null || s_sleepers.WakeAt > self.WakeAt)
            {
                self.Next = s_sleepers;
                s_sleepers = self;
            }
            else
            {
                GreenThread at = s_sleepers;
                while (at.Next != null && at.Next.WakeAt <= self.WakeAt)
                    at = at.Next;
                self.Next = at.Next;
                at.Next = self;
            }
            BlockCurrent();
        }

        /// <summary>
        /// Blocks the caller until an interrupt arrives on <paramref name="vector"/> (a device's, see
        /// <c>VirtioDevice.Vector</c>) or the TSC reaches <paramref name="deadlineTsc"/>. Callers re-check
        /// their device afterwards: a wake-up means "look again", not "your data is there".
        /// </summary>
        public static void WaitForDevice(int vector, ulong deadlineTsc)
        {
            EnsureStarted();
            if (vector <= 0 || vector > 255)
            {
                // A device without an interrupt line is polled: come back soon.
                ulong soon = Clock.DeadlineIn(1_000_000UL);
                Sleep(Clock.ToNanoseconds((deadlineTsc < soon ? deadlineTsc : soon) - Clock.Ticks));
                return;
            }
            if (s_deviceWaiters[vector] == null)
                s_deviceWaiters[vector] = new WaitQueue();
            // A thread is in one queue at a time, so it cannot also be on the sleepers list: the idle
            // loop instead wakes every device waiter at the earliest of their deadlines, and callers,
            // who re-check anyway, wait again if theirs is later.
            if (deadlineTsc < s_deviceDeadline)
                s_deviceDeadline = deadlineTsc;
            s_deviceWaiters[vector].Wait();
        }

        internal static void MakeRunnable(GreenThread thread)
        {
            thread.State = GreenThread.Runnable;
            Enqueue(thread);
        }

        /// <summary>Parks the current thread (already recorded in some queue) and runs another.</summary>
        internal static void BlockCurrent()
        {
            s_current.State = GreenThread.Blocked;
            SwitchToNext();
        }

        /// <summary>Runs a new thread's body; called by tb_thread_start on the thread's own stack.</summary>
        [RuntimeExport("tb_thread_entry")]
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
            if (self.Joiners != null)
                self.Joiners.WakeAll();
            // Its stack is in use until the switch away; the next thread to run frees it.
            s_toFree = self;
            SwitchToNext();
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

        /// <summary>The next thread to run; halts the CPU while there is none.</summary>
        private static GreenThread TakeRunnable()
        {
            while (true)
            {
                WakeSleepers();
                if (s_runHead != null)
                {
                    GreenThread thread = s_runHead;
                    s_runHead = thread.Next;
                    if (s_runHead == null)
                        s_runTail = null;
                    thread.Next = null;
                    return thread;
                }
                ulong deadline = s_sleepers != null && s_sleepers.WakeAt < s_deviceDeadline ? s_sleepers.WakeAt : s_deviceDeadline;
                Idle.WaitUntil(deadline);
                WakeDeviceWaiters();
            }
        }

        /// <summary>Delivers interrupts that arrived while threads were running (interrupts are off outside the idle halt).</summary>
        private static void PollDevices()
        {
            Cpu.EnableInterrupts();
            Cpu.Pause();
            Cpu.DisableInterrupts();
            WakeDeviceWaiters();
        }

        private static void WakeDeviceWaiters()
        {
            bool deadlinePassed = Clock.Ticks >= s_deviceDeadline;
            if (deadlinePassed)
                s_deviceDeadline = ulong.MaxValue;
            for (int vector = 32; vector < 256; vector++)
            {
                WaitQueue waiters = s_deviceWaiters[vector];
                if (waiters != null && !waiters.IsEmpty && (Interrupts.TakePending(vector) || deadlinePassed))
                    waiters.WakeAll();
            }
        }

        private static void WakeSleepers()
        {
            ulong now = Clock.Ticks;
            while (s_sleepers != null && s_sleepers.WakeAt <= now)
            {
                GreenThread thread = s_sleepers;
                s_sleepers = thread.Next;
                thread.Next = null;
                MakeRunnable(thread);
            }
        }

        private static void Enqueue(GreenThread thread)
        {
            thread.Next = null;
            if (s_runTail == null)
                s_runHead = thread;
            else
                s_runTail.Next = thread;
            s_runTail = thread;
        }

        private static void FreeFinished()
        {
            GreenThread done = s_toFree;
            if (done == null || done == s_current)
                return;
            s_toFree = null;
            GcRoots.UnregisterStack(done.GcStackId);
            PageTables.MakeDataPage(done.StackMemory);
            PhysicalPages.Free(done.StackMemory, done.StackPages);
        }

        private static void EnsureStarted()
        {
            if (s_current != null)
                return;
            s_current = new GreenThread(0, null);
            s_current.GcStackId = GcRoots.MainStack;
            fixed (ulong* saved = &s_current.StackPointer)
                GcRoots.SetSavedPointerSlot(GcRoots.MainStack, saved);
            s_deviceWaiters = new WaitQueue[256];
        }

        [RuntimeImport("tb_context_switch")]
        private static extern void ContextSwitch(ulong* saveStackPointer, ulong newStackPointer);

        [RuntimeImport("tb_thread_start_address")]
        private static extern ulong ThreadStartAddress();
    }
}
