namespace Testbed.LibOS.Net
{
    /// <summary>
    /// What the stack counts. Payload copies are counted at every site that moves payload bytes (the
    /// research's "bytes copied per request"); drops are counted by reason, so that a test can say which
    /// check dropped a hostile packet. Plain fields: one thread of execution runs at a time.
    /// </summary>
    public static class NetCounters
    {
        // Copies of payload bytes, by site.
        public static long CopiedIntoSendBuffer;     // Socket.Send: application span -> TCP send buffer
        public static long CopiedIntoSegment;         // TCP send buffer -> outgoing segment
        public static long CopiedIntoReceiveBuffer;   // incoming segment -> TCP receive buffer
        public static long CopiedToApplication;       // TCP receive buffer -> Socket.Receive's span
        public static long CopiedDatagram;            // UDP payload in or out of a socket
        public static long CopiedByDevice;            // frame bytes a NIC driver copies (tap read/write, virtio buffers)

        public static long BytesCopied => CopiedIntoSendBuffer + CopiedIntoSegment + CopiedIntoReceiveBuffer
            + CopiedToApplication + CopiedDatagram + CopiedByDevice;

        public static long FramesReceived;
        public static long FramesSent;
        /// <summary>Offloads: packets larger than the MTU handed to the device to segment (TSO), and received whole from it.</summary>
        public static long PacketsSegmentedByDevice;
        public static long LargePacketsReceived;

        // Drops, by reason.
        public static long DroppedShortFrame;
        public static long DroppedUnknownEtherType;
        public static long DroppedNotForUs;
        public static long DroppedArpMalformed;
        public static long DroppedArpQueueFull;
        /// <summary>Packets that waited for an address ARP never resolved (or whose entry a full table evicted).</summary>
        public static long DroppedArpUnresolved;
        public static long DroppedIpMalformed;
        public static long DroppedIpChecksum;
        public static long DroppedIpFragment;
        public static long DroppedIpUnknownProtocol;
        public static long DroppedIcmpMalformed;
        public static long DroppedUdpMalformed;
        public static long DroppedUdpNoSocket;
        public static long DroppedUdpQueueFull;
        public static long DroppedTcpMalformed;
        public static long DroppedTcpChecksum;
        public static long DroppedTcpNoSocket;
        public static long DroppedTcpOutOfWindow;
        public static long DroppedTcpSynQueueFull;
        public static long DroppedTransmitQueueFull;
        public static long DroppedNoRoute;
        public static long DoubleRelease;

        public static long Dropped => DroppedShortFrame + DroppedUnknownEtherType + DroppedNotForUs + DroppedArpMalformed
            + DroppedArpQueueFull + DroppedArpUnresolved + DroppedIpMalformed + DroppedIpChecksum + DroppedIpFragment + DroppedIpUnknownProtocol
            + DroppedIcmpMalformed + DroppedUdpMalformed + DroppedUdpNoSocket + DroppedUdpQueueFull + DroppedTcpMalformed
            + DroppedTcpChecksum + DroppedTcpNoSocket + DroppedTcpOutOfWindow + DroppedTcpSynQueueFull + DroppedTransmitQueueFull + DroppedNoRoute;
    }
}
