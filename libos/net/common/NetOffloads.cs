using System;

namespace Testbed.LibOS.Net
{
    /// <summary>
    /// Work a device does for the stack on transmit, as Linux's netdev features and virtio-net's
    /// feature bits name it. A device that has them also accepts received frames whose checksum it
    /// vouches for (<see cref="PacketBuffer.ChecksumVerified"/>) and may deliver packets larger than
    /// the MTU (the peer's segmentation undone, as GRO does).
    /// </summary>
    [Flags]
    public enum NetOffloads
    {
        None = 0,
        /// <summary>Completes the TCP checksum of a packet with <see cref="PacketBuffer.PartialChecksumStart"/> set.</summary>
        TcpChecksum = 1,
        /// <summary>Cuts a TCP/IPv4 packet of up to 64 KiB into MTU-sized segments (TSO); needs <see cref="TcpChecksum"/>.</summary>
        TcpSegmentation = 2,
    }
}
