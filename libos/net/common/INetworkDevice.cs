using System;

namespace Testbed.LibOS.Net
{
    /// <summary>
    /// The one interface between the stack and a NIC: virtio-net (PVH), a tap device (Linux target) or
    /// the in-image loopback. Frames are Ethernet II without FCS, at most <see cref="MaxFrameBytes"/>.
    /// A frame handed to <see cref="Transmit"/> belongs to the device from then on; a frame returned by
    /// <see cref="Receive"/> belongs to the caller, who releases it when done.
    /// </summary>
    public interface INetworkDevice
    {
        /// <summary>For messages and --pcap: "virtio-net0", "tap0", "lo".</summary>
        string Name { get; }

        /// <summary>The six bytes of the device's MAC address.</summary>
        void CopyMac(Span<byte> mac);

        /// <summary>The largest IP packet (1500 for Ethernet, 65535 for the loopback).</summary>
        int Mtu { get; }

        /// <summary>What the device does for the stack on transmit; <see cref="NetOffloads.None"/> for a plain NIC.</summary>
        NetOffloads Offloads { get; }

        /// <summary>The next received frame (Ethernet header at Start), or null when none is waiting.</summary>
        PacketBuffer Receive();

        /// <summary>Sends or queues the frame; false when it had to be dropped (queue full); the stack counts it.</summary>
        bool Transmit(PacketBuffer frame);

        /// <summary>Blocks the calling green thread until a frame may be waiting or the clock reaches <paramref name="deadlineTicks"/> (Clock.Ticks units).</summary>
        void WaitForActivity(ulong deadlineTicks);
    }
}
