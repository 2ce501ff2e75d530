using Testbed.LibOS.Time;

namespace Testbed.LibOS.Threading
{
    /// <summary>The PVH part of the scheduler: waiting for a device's interrupt.</summary>
    public static partial class Scheduler
    {
        /// <summary>
        /// Blocks the caller until an interrupt arrives on <paramref name="vector"/> (a device's, see
        /// <c>VirtioDevice.Vector</c>) or the clock reaches <paramref name="deadlineTicks"/>. Callers re-check
        /// their device afterwards: a wake-up means "look again", not "your data is there".
        /// </summary>
        public static void WaitForDevice(int vector, ulong deadlineTicks)
        {
            if (vector <= 0 || vector > 255)
            {
                // A device without an interrupt line is polled: come back soon.
                ulong soon = Clock.DeadlineIn(1_000_000UL);
                BlockCurrentUntil(deadlineTicks < soon ? deadlineTicks : soon);
                return;
            }
            WaitForEvent(vector, 0, deadlineTicks);
        }

        private static void BlockCurrentUntil(ulong deadlineTicks)
        {
            EnsureStarted();
            BlockCurrent(deadlineTicks);
        }
    }
}
