using System;
using Testbed.LibOS.Net.Loopback;
using Testbed.LibOS.Net.Tcp;
using Testbed.LibOS.Platform;
using Testbed.LibOS.Threading;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Net.Sockets
{
    /// <summary>
    /// The stack's one thread. It handles what the devices received and runs the protocol timers, then
    /// sleeps until the next timer, a kick from a socket operation (the loopback queue is fed by the
    /// application's own threads), or a frame from the Ethernet device, whose waiting is done by a
    /// second thread, the device pump, so that the loop can wait on a queue with a deadline alone.
    /// Started by the first socket operation: an image that never opens a socket has no stack at all.
    /// </summary>
    internal static unsafe class NetworkLoop
    {
        private const int LoopStackPages = 16;

        private static NetStack s_stack;
        private static WaitQueue s_loopWake;
        private static WaitQueue s_pumpWake;
        private static WaitQueue s_anyChange;
        private static bool s_loopWaiting;
        private static bool s_pumpParked;
        // The stack time the loop sleeps until (long.MaxValue: until kicked).
        private static long s_loopSleepsUntil = long.MaxValue;

        internal static NetStack Stack
        {
            get
            {
                if (s_stack == null)
                    Start();
                return s_stack;
            }
        }

        internal static long NowMicroseconds() => (long)(Clock.Nanoseconds / 1000UL);

        /// <summary>
        /// The stack's clock. TCP reads it at every entry (each send, receive, arriving segment), which
        /// in-image made clock reads a fifth of a request's time; its timers need milliseconds, as
        /// Linux's jiffies-based TCP timers do, and the coarse clock is good to the kernel's tick.
        /// </summary>
        private static long StackMicroseconds() => (long)(Clock.CoarseNanoseconds / 1000UL);

        /// <summary>Wakes the loop if it sleeps: the Ethernet device has frames.</summary>
        internal static void Kick()
        {
            if (s_loopWaiting)
            {
                s_loopWaiting = false;
                s_loopWake.WakeAll();
            }
        }

        /// <summary>
        /// Called after every socket operation that may have sent or armed a timer. Loopback frames are
        /// handled at once, on the caller's thread, as Linux handles them before its send returns: a
        /// datagram sent to 127.0.0.1 is in the receiver's queue when SendTo returns, and a request and its
        /// reply cost no switch to the loop thread. The loop is woken only when a timer now falls due
        /// before the time it sleeps until. Returns the frames delivered: a caller about to wait must
        /// check its condition again when it is not zero, since their wake-ups came before it waited.
        /// </summary>
        internal static int AfterOperation()
        {
            NetStack stack = s_stack;
            int delivered = stack.HasQueuedFrames ? stack.DeliverLoopback(LoopbackDevice.QueueLimit) : 0;
            if (s_loopWaiting && stack.NextDeadlineMicroseconds < s_loopSleepsUntil)
                Kick();
            return delivered;
        }

        /// <summary>Blocks the caller until some socket's readiness changed or the deadline passed (Poll, Select).</summary>
        internal static bool WaitForAnyChange(ulong deadlineTicks)
        {
            // Frames delivered here may have changed what the caller checked just before; its
            // wake-up would be lost if it waited now.
            if (AfterOperation() > 0)
                return true;
            return s_anyChange.Wait(deadlineTicks);
        }

        private static void Start()
        {
            s_loopWake = new WaitQueue();
            s_pumpWake = new WaitQueue();
            s_anyChange = new WaitQueue();
            var stack = new NetStack(StackMicroseconds, Clock.Ticks ^ 0x9E3779B97F4A7C15UL);
            long granularity = (long)(Clock.ToNanoseconds(Clock.CoarseResolutionTicks) / 1000UL);
            if (granularity > stack.Tcp.Settings.ClockGranularityMicroseconds)
                stack.Tcp.Settings.ClockGranularityMicroseconds = granularity;
            stack.SocketEvent = OnSocketEvent;
            s_stack = stack;
            if (NetworkSetup.AttachDevice(stack).Statistics)
                ProcessExit.AddReport(&ReportCounters);
            Scheduler.Spawn(Run, LoopStackPages);
            if (stack.Ethernet != null)
                Scheduler.Spawn(Pump, LoopStackPages);
        }

        /// <summary>For run --verbose: what the stack copied, moved and dropped over the whole run.</summary>
        private static void ReportCounters()
        {
            NetworkSetup.WriteStandardError("testbed net: bytes copied " + NetCounters.BytesCopied.ToString()
                + " (into send buffers " + NetCounters.CopiedIntoSendBuffer.ToString()
                + ", into segments " + NetCounters.CopiedIntoSegment.ToString()
                + ", into receive buffers " + NetCounters.CopiedIntoReceiveBuffer.ToString()
                + ", to the application " + NetCounters.CopiedToApplication.ToString()
                + ", datagrams " + NetCounters.CopiedDatagram.ToString()
                + ", by the device " + NetCounters.CopiedByDevice.ToString() + ")\n"
                + "testbed net: frames received " + NetCounters.FramesReceived.ToString() + " sent " + NetCounters.FramesSent.ToString()
                + ", dropped " + NetCounters.Dropped.ToString()
                + " (offloads: " + NetCounters.PacketsSegmentedByDevice.ToString() + " packets sent for the device to segment, "
                + NetCounters.LargePacketsReceived.ToString() + " larger than the MTU received)"
                + "; tcp segments received " + TcpCounters.SegmentsReceived.ToString() + " sent " + TcpCounters.SegmentsSent.ToString()
                + ", retransmitted " + TcpCounters.Retransmissions.ToString()
                + ", connections " + TcpCounters.ConnectionsEstablished.ToString() + "\n");
        }

        private static void OnSocketEvent(object state)
        {
            ((NetSocket)state).Waiters.WakeAll();
            s_anyChange.WakeAll();
        }

        private static void Run()
        {
            NetStack stack = s_stack;
            while (true)
            {
                stack.Poll();
                if (s_pumpParked)
                {
                    s_pumpParked = false;
                    s_pumpWake.WakeAll();
                }
                if (stack.HasQueuedFrames)
                {
                    // Let the threads the round woke run before the next one, as a kernel's softirq budget does.
                    Scheduler.Yield();
                    continue;
                }
                long deadline = stack.NextDeadlineMicroseconds;
                ulong deadlineTicks = ulong.MaxValue;
                if (deadline != long.MaxValue)
                {
                    if (deadline <= stack.NowMicroseconds)
                        continue;
                    // When the stack's coarse clock has reached the deadline: it lags by up to a tick, more
                    // when a tick is late, so a wake-up that finds it still behind waits another tick.
                    ulong resolution = Clock.CoarseResolutionTicks;
                    deadlineTicks = Clock.TicksAt((ulong)deadline * 1000UL) + resolution;
                    if (resolution != 0 && deadlineTicks <= Clock.Ticks)
                        deadlineTicks = Clock.Ticks + resolution;
                }
                s_loopSleepsUntil = deadline;
                s_loopWaiting = true;
                s_loopWake.Wait(deadlineTicks);
                s_loopWaiting = false;
            }
        }

        /// <summary>Waits on the Ethernet device for the loop; parks until the loop has drained it.</summary>
        private static void Pump()
        {
            INetworkDevice device = s_stack.Ethernet.Device;
            while (true)
            {
                device.WaitForActivity(ulong.MaxValue);
                s_pumpParked = true;
                Kick();
                s_pumpWake.Wait();
            }
        }
    }
}
