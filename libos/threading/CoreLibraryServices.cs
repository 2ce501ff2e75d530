using System;
using System.Runtime;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Threading
{
    /// <summary>
    /// The scheduler as the core library's System.Threading sees it: corlib cannot reference the library
    /// OS, so it imports these symbols (libos/corlib/System/Threading/GreenThreads.cs) and passes threads
    /// and wait queues as plain objects. Every export is compiled only when corlib imports it, so a
    /// program that uses no System.Threading type carries no scheduler. Timeouts are milliseconds, -1
    /// meaning none, as in .NET's API.
    /// </summary>
    internal static class CoreLibraryServices
    {
        [RuntimeExport("tb_thread_current", WhenImported = true)]
        private static object CurrentThread() => Scheduler.Current;

        /// <summary>A new thread running <paramref name="body"/>, carrying <paramref name="tag"/>; null when no stack could be had.</summary>
        [RuntimeExport("tb_thread_spawn", WhenImported = true)]
        private static object Spawn(Action body, object tag, bool background)
        {
            GreenThread thread = Scheduler.Spawn(body);
            if (thread == null)
                return null;
            thread.Tag = tag;
            Scheduler.SetBackground(thread, background);
            return thread;
        }

        [RuntimeExport("tb_thread_tag", WhenImported = true)]
        private static object Tag(object thread) => ((GreenThread)thread).Tag;

        [RuntimeExport("tb_thread_set_tag", WhenImported = true)]
        private static void SetTag(object thread, object tag) => ((GreenThread)thread).Tag = tag;

        [RuntimeExport("tb_thread_set_background", WhenImported = true)]
        private static void SetBackground(object thread, bool background) => Scheduler.SetBackground((GreenThread)thread, background);

        [RuntimeExport("tb_thread_is_finished", WhenImported = true)]
        private static bool IsFinished(object thread) => ((GreenThread)thread).IsFinished;

        [RuntimeExport("tb_thread_join", WhenImported = true)]
        private static bool Join(object thread, int timeoutMilliseconds) => Scheduler.Join((GreenThread)thread, Deadline(timeoutMilliseconds));

        [RuntimeExport("tb_thread_yield", WhenImported = true)]
        private static void Yield() => Scheduler.Yield();

        [RuntimeExport("tb_thread_sleep", WhenImported = true)]
        private static void Sleep(int milliseconds) => Scheduler.Sleep((ulong)milliseconds * 1000000UL);

        [RuntimeExport("tb_clock_milliseconds", WhenImported = true)]
        private static long Milliseconds() => (long)Clock.Milliseconds;

        /// <summary>The monotonic clock for Environment.TickCount64 and Stopwatch (libos/corlib/System/Environment.cs).</summary>
        [RuntimeExport("tb_clock_nanoseconds", WhenImported = true)]
        private static ulong Nanoseconds() => Clock.Nanoseconds;

        /// <summary>The scheduler's id: 0 for the start-up thread, which runs Main.</summary>
        [RuntimeExport("tb_thread_id", WhenImported = true)]
        private static int Id(object thread) => ((GreenThread)thread).Id;

        [RuntimeExport("tb_waitqueue_create", WhenImported = true)]
        private static object CreateWaitQueue() => new WaitQueue();

        /// <summary>False when the timeout passed before a wake-up.</summary>
        [RuntimeExport("tb_waitqueue_wait", WhenImported = true)]
        private static bool Wait(object queue, int timeoutMilliseconds) => ((WaitQueue)queue).Wait(Deadline(timeoutMilliseconds));

        [RuntimeExport("tb_waitqueue_wake_one", WhenImported = true)]
        private static bool WakeOne(object queue) => ((WaitQueue)queue).WakeOne();

        [RuntimeExport("tb_waitqueue_wake_all", WhenImported = true)]
        private static void WakeAll(object queue) => ((WaitQueue)queue).WakeAll();

        private static ulong Deadline(int timeoutMilliseconds) =>
            timeoutMilliseconds < 0 ? ulong.MaxValue : Clock.DeadlineIn((ulong)timeoutMilliseconds * 1000000UL);
    }
}
