using System.Runtime;

namespace System.Threading
{
    /// <summary>
    /// The library OS's scheduler (libos/threading/CoreLibraryServices.cs), which corlib cannot
    /// reference: threads and wait queues cross as plain objects. Each symbol is compiled into the image
    /// only when one of these imports is reachable, so programs that use no thread carry no scheduler.
    /// Timeouts are milliseconds, -1 meaning none.
    /// </summary>
    internal static class GreenThreads
    {
        [RuntimeImport("tb_thread_current")]
        internal static extern object Current();

        /// <summary>Null when no stack could be had.</summary>
        [RuntimeImport("tb_thread_spawn")]
        internal static extern object Spawn(Action body, object tag, bool background);

        [RuntimeImport("tb_thread_tag")]
        internal static extern object Tag(object thread);

        [RuntimeImport("tb_thread_set_tag")]
        internal static extern void SetTag(object thread, object tag);

        [RuntimeImport("tb_thread_set_background")]
        internal static extern void SetBackground(object thread, bool background);

        [RuntimeImport("tb_thread_is_finished")]
        internal static extern bool IsFinished(object thread);

        /// <summary>False when the timeout passed first.</summary>
        [RuntimeImport("tb_thread_join")]
        internal static extern bool Join(object thread, int timeoutMilliseconds);

        [RuntimeImport("tb_thread_yield")]
        internal static extern void Yield();

        [RuntimeImport("tb_thread_sleep")]
        internal static extern void Sleep(int milliseconds);

        /// <summary>The monotonic clock, in milliseconds.</summary>
        [RuntimeImport("tb_clock_milliseconds")]
        internal static extern long Milliseconds();

        [RuntimeImport("tb_thread_id")]
        internal static extern int Id(object thread);

        [RuntimeImport("tb_waitqueue_create")]
        internal static extern object CreateWaitQueue();

        /// <summary>Blocks until a wake-up (true) or the timeout (false).</summary>
        [RuntimeImport("tb_waitqueue_wait")]
        internal static extern bool Wait(object queue, int timeoutMilliseconds);

        [RuntimeImport("tb_waitqueue_wake_one")]
        internal static extern bool WakeOne(object queue);

        [RuntimeImport("tb_waitqueue_wake_all")]
        internal static extern void WakeAll(object queue);

        /// <summary>The milliseconds left of <paramref name="timeoutMilliseconds"/> (-1: none) since <paramref name="startMilliseconds"/>.</summary>
        internal static int Remaining(int timeoutMilliseconds, long startMilliseconds)
        {
            if (timeoutMilliseconds < 0)
                return -1;
            long left = timeoutMilliseconds - (Milliseconds() - startMilliseconds);
            return left <= 0 ? 0 : (int)left;
        }

        internal static void CheckTimeout(int millisecondsTimeout)
        {
            if (millisecondsTimeout < Timeout.Infinite)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
        }
    }
}
