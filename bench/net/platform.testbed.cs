
// bench/net/platform.testbed.cs: appended to server.cs by measure.sh for the Testbed build (no using
// directives: they would have to precede server.cs's declarations).
public static partial class Program
{
    static string RuntimeName() => "testbed";

    static long NowNanoseconds() => (long)Testbed.LibOS.Time.Clock.Nanoseconds;

    static string Stats() =>
        "frames_received=" + Testbed.LibOS.Net.NetCounters.FramesReceived.ToString()
        + " frames_sent=" + Testbed.LibOS.Net.NetCounters.FramesSent.ToString()
        + " bytes_copied=" + Testbed.LibOS.Net.NetCounters.BytesCopied.ToString()
        + " copied_by_device=" + Testbed.LibOS.Net.NetCounters.CopiedByDevice.ToString()
        + " dropped=" + Testbed.LibOS.Net.NetCounters.Dropped.ToString()
        + " segments_received=" + Testbed.LibOS.Net.Tcp.TcpCounters.SegmentsReceived.ToString()
        + " segments_sent=" + Testbed.LibOS.Net.Tcp.TcpCounters.SegmentsSent.ToString()
        + " retransmissions=" + Testbed.LibOS.Net.Tcp.TcpCounters.Retransmissions.ToString()
        + " fast_retransmits=" + Testbed.LibOS.Net.Tcp.TcpCounters.FastRetransmits.ToString()
        + " retransmission_timeouts=" + Testbed.LibOS.Net.Tcp.TcpCounters.RetransmissionTimeouts.ToString()
        + " delayed_acks=" + Testbed.LibOS.Net.Tcp.TcpCounters.DelayedAcks.ToString()
        + " out_of_order=" + Testbed.LibOS.Net.Tcp.TcpCounters.OutOfOrderSegments.ToString()
        + " zero_window_probes=" + Testbed.LibOS.Net.Tcp.TcpCounters.ZeroWindowProbes.ToString()
        + " challenge_acks=" + Testbed.LibOS.Net.Tcp.TcpCounters.ChallengeAcks.ToString()
        + " resets_sent=" + Testbed.LibOS.Net.Tcp.TcpCounters.ResetsSent.ToString()
        + " paws_rejected=" + Testbed.LibOS.Net.Tcp.TcpCounters.PawsRejected.ToString()
        + " out_of_order_dropped=" + Testbed.LibOS.Net.Tcp.TcpCounters.OutOfOrderDropped.ToString()
        // Every drop reason of the stack (docs/net.md "Drops, counted").
        + " dropped_short_frame=" + Testbed.LibOS.Net.NetCounters.DroppedShortFrame.ToString()
        + " dropped_unknown_ethertype=" + Testbed.LibOS.Net.NetCounters.DroppedUnknownEtherType.ToString()
        + " dropped_not_for_us=" + Testbed.LibOS.Net.NetCounters.DroppedNotForUs.ToString()
        + " dropped_arp=" + (Testbed.LibOS.Net.NetCounters.DroppedArpMalformed + Testbed.LibOS.Net.NetCounters.DroppedArpQueueFull).ToString()
        + " dropped_ip=" + (Testbed.LibOS.Net.NetCounters.DroppedIpMalformed + Testbed.LibOS.Net.NetCounters.DroppedIpChecksum
            + Testbed.LibOS.Net.NetCounters.DroppedIpFragment + Testbed.LibOS.Net.NetCounters.DroppedIpUnknownProtocol).ToString()
        + " dropped_udp_icmp=" + (Testbed.LibOS.Net.NetCounters.DroppedIcmpMalformed + Testbed.LibOS.Net.NetCounters.DroppedUdpMalformed
            + Testbed.LibOS.Net.NetCounters.DroppedUdpNoSocket + Testbed.LibOS.Net.NetCounters.DroppedUdpQueueFull).ToString()
        + " dropped_tcp_malformed=" + Testbed.LibOS.Net.NetCounters.DroppedTcpMalformed.ToString()
        + " dropped_tcp_checksum=" + Testbed.LibOS.Net.NetCounters.DroppedTcpChecksum.ToString()
        + " dropped_tcp_no_socket=" + Testbed.LibOS.Net.NetCounters.DroppedTcpNoSocket.ToString()
        + " dropped_tcp_out_of_window=" + Testbed.LibOS.Net.NetCounters.DroppedTcpOutOfWindow.ToString()
        + " dropped_tcp_syn_queue_full=" + Testbed.LibOS.Net.NetCounters.DroppedTcpSynQueueFull.ToString()
        + " dropped_transmit_queue_full=" + Testbed.LibOS.Net.NetCounters.DroppedTransmitQueueFull.ToString()
        + " dropped_no_route=" + Testbed.LibOS.Net.NetCounters.DroppedNoRoute.ToString();
}
