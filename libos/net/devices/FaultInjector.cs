using System;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Net.Devices
{
    /// <summary>
    /// A decorator of a NIC that damages traffic the way a bad link does, for testing the stack's
    /// recovery (this kernel has no netem): each frame, in each direction the settings select, is with
    /// its own probability dropped, corrupted (one random bit flipped in a random byte after the Ethernet
    /// header, and <see cref="PacketBuffer.ChecksumVerified"/> cleared, so only checksums can catch it),
    /// duplicated (a copy follows it), or held back and delivered after the next frame of the same
    /// direction (reordered; at most <see cref="ReorderHoldNanoseconds"/> when no next frame comes). Each
    /// direction has its own generator seeded by the settings, and every frame takes the same number of
    /// draws whatever happens to it, so the faults of the n-th frame of a direction depend on the seed and
    /// n only: not on how the two directions interleave, nor on whether a held frame was released by a
    /// timeout (tests that ask for each kind of fault stay deterministic on a loaded machine). A dropped
    /// transmission still reports success: the wire lost it, not the queue.
    /// </summary>
    public sealed class FaultInjector : INetworkDevice
    {
        /// <summary>The longest a reordered frame waits for a next frame to overtake it.</summary>
        public const ulong ReorderHoldNanoseconds = 20_000_000UL;
        private const int EthernetHeaderBytes = 14;
        private const int QueueCapacity = 8;

        private readonly INetworkDevice inner;
        private readonly FaultSettings settings;
        private ulong receiveState;
        private ulong transmitState;

        // Frames handed to the stack before the next one from the device: duplicates, released holds.
        private readonly PacketBuffer[] receiveQueue = new PacketBuffer[QueueCapacity];
        private int receiveHead;
        private int receiveCount;
        private PacketBuffer heldReceive;
        private ulong heldReceiveUntil;
        private PacketBuffer heldTransmit;
        private ulong heldTransmitUntil;

        /// <summary>Frames that went through in each direction (faulty or not).</summary>
        public long ReceiveFrames, TransmitFrames;
        public long ReceiveDropped, ReceiveDuplicated, ReceiveReordered, ReceiveCorrupted;
        public long TransmitDropped, TransmitDuplicated, TransmitReordered, TransmitCorrupted;
        /// <summary>Bytes copied to make duplicates (not counted in <see cref="NetCounters"/>: they are the test's, not the stack's).</summary>
        public long DuplicateBytesCopied;

        /// <summary>The injector the platform's network set-up installed, for programs that print its counters; null when none.</summary>
        public static FaultInjector Installed;

        public FaultInjector(INetworkDevice inner, FaultSettings settings)
        {
            this.inner = inner;
            this.settings = settings;
            receiveState = (settings.Seed ^ 0x9E3779B97F4A7C15UL) | 1;
            transmitState = (settings.Seed ^ 0xD1B54A32D192ED03UL) | 1;
            for (int i = 0; i < 4; i++)
            {
                Next(ref receiveState);
                Next(ref transmitState);
            }
        }

        public INetworkDevice Inner => inner;

        public FaultSettings Settings => settings;

        public string Name => inner.Name;

        public void CopyMac(Span<byte> mac) => inner.CopyMac(mac);

        public int Mtu => inner.Mtu;

        /// <summary>
        /// None, whatever the device offers: a checksum the device completed after a corruption here would
        /// make the corruption undetectable, and segments are what a bad link drops one by one. The
        /// platform opens the device without offloads when faults are asked for.
        /// </summary>
        public NetOffloads Offloads => NetOffloads.None;

        public PacketBuffer Receive()
        {
            FlushDueTransmit();
            if (receiveCount > 0)
                return Dequeue();
            while (true)
            {
                PacketBuffer frame = inner.Receive();
                if (frame == null)
                {
                    if (heldReceive != null && Clock.Ticks >= heldReceiveUntil)
                    {
                        PacketBuffer held = heldReceive;
                        heldReceive = null;
                        return held;
                    }
                    return null;
                }
                if (!settings.OnReceive)
                    return frame;
                ReceiveFrames++;
                var fate = Draw(ref receiveState);
                if (fate.Drop)
                {
                    ReceiveDropped++;
                    frame.Release();
                    continue;
                }
                if (fate.Corrupt && Corrupt(frame, fate))
                    ReceiveCorrupted++;
                if (heldReceive == null && fate.Reorder)
                {
                    ReceiveReordered++;
                    heldReceive = frame;
                    heldReceiveUntil = Clock.DeadlineIn(ReorderHoldNanoseconds);
                    continue;
                }
                if (fate.Duplicate)
                {
                    ReceiveDuplicated++;
                    Enqueue(Clone(frame));
                }
                if (heldReceive != null)
                {
                    // The held frame comes after the one that overtook it.
                    Enqueue(heldReceive);
                    heldReceive = null;
                }
                return frame;
            }
        }

        public bool Transmit(PacketBuffer frame)
        {
            if (!settings.OnTransmit)
                return inner.Transmit(frame);
            TransmitFrames++;
            var fate = Draw(ref transmitState);
            if (fate.Drop)
            {
                TransmitDropped++;
                frame.Release();
                return true;
            }
            if (fate.Corrupt && Corrupt(frame, fate))
                TransmitCorrupted++;
            if (heldTransmit == null && fate.Reorder)
            {
                TransmitReordered++;
                heldTransmit = frame;
                heldTransmitUntil = Clock.DeadlineIn(ReorderHoldNanoseconds);
                return true;
            }
            PacketBuffer duplicate = null;
            if (fate.Duplicate)
            {
                TransmitDuplicated++;
                duplicate = Clone(frame);
            }
            bool sent = inner.Transmit(frame);
            if (duplicate != null)
                inner.Transmit(duplicate);
            if (heldTransmit != null)
            {
                PacketBuffer held = heldTransmit;
                heldTransmit = null;
                inner.Transmit(held);
            }
            return sent;
        }

        public void WaitForActivity(ulong deadlineTicks)
        {
            FlushDueTransmit();
            if (receiveCount > 0 || (heldReceive != null && Clock.Ticks >= heldReceiveUntil))
                return;
            ulong until = deadlineTicks;
            if (heldReceive != null && heldReceiveUntil < until)
                until = heldReceiveUntil;
            if (heldTransmit != null && heldTransmitUntil < until)
                until = heldTransmitUntil;
            inner.WaitForActivity(until);
            FlushDueTransmit();
        }

        /// <summary>One line of counters, for a program's report.</summary>
        public string Describe() =>
            "faults rx " + ReceiveFrames.ToString() + " frames: dropped " + ReceiveDropped.ToString() + " duplicated " + ReceiveDuplicated.ToString()
            + " reordered " + ReceiveReordered.ToString() + " corrupted " + ReceiveCorrupted.ToString()
            + "; tx " + TransmitFrames.ToString() + " frames: dropped " + TransmitDropped.ToString() + " duplicated " + TransmitDuplicated.ToString()
            + " reordered " + TransmitReordered.ToString() + " corrupted " + TransmitCorrupted.ToString();

        private void FlushDueTransmit()
        {
            if (heldTransmit != null && Clock.Ticks >= heldTransmitUntil)
            {
                PacketBuffer held = heldTransmit;
                heldTransmit = null;
                inner.Transmit(held);
            }
        }

        private bool Corrupt(PacketBuffer frame, Fate fate)
        {
            int length = frame.Length;
            if (length <= EthernetHeaderBytes)
                return false;
            int at = frame.Start + EthernetHeaderBytes + (int)(fate.CorruptPosition % (ulong)(length - EthernetHeaderBytes));
            frame.Bytes[at] ^= (byte)(1 << (int)(fate.CorruptPosition >> 61));
            frame.ChecksumVerified = false;
            return true;
        }

        private PacketBuffer Clone(PacketBuffer frame)
        {
            PacketBuffer copy = PacketPool.Shared.Rent();
            int length = frame.Length;
            copy.Start = frame.Start;
            copy.End = frame.End;
            copy.ChecksumVerified = frame.ChecksumVerified;
            Array.Copy(frame.Bytes, frame.Start, copy.Bytes, frame.Start, length);
            DuplicateBytesCopied += length;
            return copy;
        }

        private void Enqueue(PacketBuffer frame)
        {
            if (receiveCount == QueueCapacity)
            {
                // Cannot happen with one duplicate and one held frame per received frame; a full queue drops.
                frame.Release();
                return;
            }
            receiveQueue[(receiveHead + receiveCount) % QueueCapacity] = frame;
            receiveCount++;
        }

        private PacketBuffer Dequeue()
        {
            PacketBuffer frame = receiveQueue[receiveHead];
            receiveQueue[receiveHead] = null;
            receiveHead = (receiveHead + 1) % QueueCapacity;
            receiveCount--;
            return frame;
        }

        /// <summary>What happens to one frame: all draws are taken, used or not.</summary>
        private struct Fate
        {
            public bool Drop, Corrupt, Reorder, Duplicate;
            public ulong CorruptPosition;
        }

        private Fate Draw(ref ulong state)
        {
            Fate fate;
            fate.Drop = Roll(ref state, settings.DropPerMillion);
            fate.Corrupt = Roll(ref state, settings.CorruptPerMillion);
            fate.Reorder = Roll(ref state, settings.ReorderPerMillion);
            fate.Duplicate = Roll(ref state, settings.DuplicatePerMillion);
            fate.CorruptPosition = Next(ref state);
            return fate;
        }

        private static bool Roll(ref ulong state, int perMillion)
        {
            ulong draw = Next(ref state);
            return perMillion > 0 && (int)(draw % (ulong)FaultSettings.Million) < perMillion;
        }

        /// <summary>xorshift64*.</summary>
        private static ulong Next(ref ulong state)
        {
            ulong x = state;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            state = x;
            return x * 0x2545F4914F6CDD1DUL;
        }
    }
}
