namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// What TCP needs from the rest of the stack. TCP itself does no I/O and reads no clock: the IPv4
    /// layer hands it segments, the network loop calls <see cref="TcpLayer.Poll"/> for its timers, and
    /// it sends through this interface. That is what lets unit tests drive it with crafted segments and
    /// a fake clock on CoreCLR, and the fault injector sit between two stacks.
    /// </summary>
    public interface ITcpHost
    {
        /// <summary>Monotonic microseconds.</summary>
        long NowMicroseconds { get; }

        /// <summary>
        /// A buffer with <see cref="PacketBuffer.Headroom"/> free at its front and room for at least
        /// <paramref name="payloadLength"/> bytes after it, now owned by TCP.
        /// </summary>
        PacketBuffer RentBuffer(int payloadLength);

        /// <summary>
        /// Segments to <paramref name="destination"/> never leave the image (the loopback): TCP leaves
        /// their checksum out, as the receiving side does not check it (the device marks them
        /// <see cref="PacketBuffer.ChecksumVerified"/>), like Linux's lo with CHECKSUM_PARTIAL.
        /// </summary>
        bool IsLoopbackRoute(uint destination);

        /// <summary>
        /// Sends a segment whose TCP header starts at <c>segment.Start</c>, checksum filled in. Ownership
        /// passes to the host in every case, also when the frame cannot be sent (then it is dropped and
        /// counted, as a lost packet would be).
        /// </summary>
        void Transmit(uint source, uint destination, PacketBuffer segment);

        /// <summary>
        /// What the device of the route to <paramref name="destination"/> does for TCP: with
        /// <see cref="NetOffloads.TcpChecksum"/> segments leave with the pseudo-header sum only, with
        /// <see cref="NetOffloads.TcpSegmentation"/> as packets of up to 64 KiB that it cuts into MSS-sized
        /// segments (docs/net-tcp.md, "Offloads").
        /// </summary>
        NetOffloads RouteOffloads(uint destination);

        /// <summary>The MSS to announce and to cap at for a peer: the route's MTU minus 40.</summary>
        int MaximumSegmentSize(uint destination);

        /// <summary>The source address for a connection to <paramref name="destination"/>, 0 when none can reach it.</summary>
        uint SourceAddressFor(uint destination);

        /// <summary>A secret random 32 bits (ISN key, ephemeral ports).</summary>
        uint Random32();

        /// <summary>
        /// Something a blocked user of <paramref name="socket"/> may be waiting for happened: data or a FIN
        /// arrived, send space opened, the connection was established, reset or closed, a listener has a
        /// connection to accept. The sockets layer wakes its waiters.
        /// </summary>
        void SocketChanged(TcpSocket socket);
    }

    /// <summary>The connection states of RFC 9293, section 3.3.2.</summary>
    public enum TcpState
    {
        Closed,
        Listen,
        SynSent,
        SynReceived,
        Established,
        FinWait1,
        FinWait2,
        CloseWait,
        Closing,
        LastAck,
        TimeWait,
    }

    /// <summary>Results of the non-blocking socket operations; the sockets layer maps them to .NET's SocketError.</summary>
    public enum TcpError
    {
        None = 0,
        WouldBlock,
        AddressInUse,
        AddressNotAvailable,
        InvalidArgument,
        IsConnected,
        NotConnected,
        AlreadyInProgress,
        ConnectionRefused,
        ConnectionReset,
        ConnectionAborted,
        TimedOut,
        Shutdown,
        NoBufferSpace,
        HostUnreachable,
    }
}
