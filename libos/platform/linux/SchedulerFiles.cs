namespace Testbed.LibOS.Threading
{
    /// <summary>The Linux part of the scheduler: waiting for a file descriptor (a tap device, a socket of the host).</summary>
    public static partial class Scheduler
    {
        public const short PollIn = 0x1;
        public const short PollOut = 0x4;

        /// <summary>
        /// Blocks the calling green thread until <paramref name="fd"/> has one of the poll
        /// <paramref name="events"/> (<see cref="PollIn"/>, <see cref="PollOut"/>; errors and hang-ups
        /// always count) or the clock reaches <paramref name="deadlineTicks"/> (ulong.MaxValue: none).
        /// True when the descriptor is ready; callers then read or write it without blocking (it should be
        /// O_NONBLOCK, so that a spurious readiness costs an EAGAIN, not the whole process).
        /// </summary>
        public static bool WaitForFile(int fd, short events, ulong deadlineTicks) => WaitForEvent(fd, events, deadlineTicks);
    }
}
