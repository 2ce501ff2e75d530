namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>Connection setup: sequence numbers, and the options negotiated in the SYNs (MSS, window scale, timestamps, SACK).</summary>
    public sealed partial class TcpSocket
    {
        /// <summary>RFC 9293 section 3.7.1: the MSS to assume when the peer sends none.</summary>
        private const int DefaultPeerMss = 536;

        internal uint iss;
        internal uint irs;
        private uint timestampOffset;

        /// <summary>The MSS we announce: the route's, capped so that a full segment fits one pooled packet buffer.</summary>
        private int announcedMss;
        /// <summary>min(peer's MSS, ours): the most payload plus options a segment we send may carry (RFC 6691).</summary>
        private int mssBase;
        /// <summary>Payload of a full-sized segment with the options every segment carries (timestamps).</summary>
        private int effectiveMss;
        /// <summary>Largest payload seen from the peer: "full-sized" for the delayed-ACK rule.</summary>
        private int receiveMss;

        /// <summary>The peer is reached over the loopback: segments go without a checksum (<see cref="ITcpHost.IsLoopbackRoute"/>).</summary>
        private bool loopbackRoute;
        /// <summary>The route's device completes checksums (<see cref="NetOffloads.TcpChecksum"/>).</summary>
        private bool checksumOffload;
        /// <summary>The route's device segments (TSO): new data leaves in packets of up to <see cref="SegmentationLimit"/> bytes.</summary>
        private bool segmentationOffload;
        private bool offerWindowScale;
        private bool offerTimestamps;
        private bool offerSack;
        private int sendScale;
        private int receiveScale;
        internal bool timestampsEnabled;
        private bool sackEnabled;
        /// <summary>TS.Recent of RFC 7323 section 4.3.</summary>
        internal uint tsRecent;

        private void InitializeConnection(uint local, ushort lport, uint remote, ushort rport)
        {
            localAddress = local;
            localPort = lport;
            remoteAddress = remote;
            remotePort = rport;
            layer.isn.Generate(local, lport, remote, rport, layer.now, out iss, out timestampOffset);
            sndUna = iss;
            sndNxt = iss;
            sndMax = iss;
            recover = iss;
            lastSmallSegmentEnd = iss;
            synAcknowledged = false;

            loopbackRoute = layer.host.IsLoopbackRoute(remote);
            NetOffloads offloads = loopbackRoute ? NetOffloads.None : layer.host.RouteOffloads(remote);
            checksumOffload = (offloads & NetOffloads.TcpChecksum) != 0;
            segmentationOffload = checksumOffload && (offloads & NetOffloads.TcpSegmentation) != 0;
            int routeMss = layer.host.MaximumSegmentSize(remote);
            if (routeMss <= 0 || routeMss > TcpLayer.MaximumSegmentSize)
                routeMss = TcpLayer.MaximumSegmentSize;
            if (routeMss < 64)
                routeMss = 64;
            announcedMss = routeMss;
            mssBase = routeMss;
            effectiveMss = routeMss;
            receiveMss = routeMss < DefaultPeerMss ? routeMss : DefaultPeerMss;

            offerWindowScale = settings.WindowScaling;
            offerTimestamps = settings.Timestamps;
            offerSack = settings.Sack;
            receiveScale = 0;
            if (offerWindowScale)
                while (receiveScale < 14 && (receiveBufferSize >> receiveScale) > 65535)
                    receiveScale++;
            sendScale = 0;
            timestampsEnabled = false;
            sackEnabled = false;

            rto = settings.InitialRtoMicroseconds;
            srtt = 0;
            rttvar = 0;
            hasRttSample = false;
            retries = 0;
            rttTiming = false;
        }

        /// <summary>Applies the options of the peer's SYN: an option is used only when both SYNs carried it.</summary>
        private void NegotiateOptions(ref TcpSegment segment)
        {
            int peerMss = segment.Mss > 0 ? segment.Mss : DefaultPeerMss;
            if (segment.WindowScale >= 0 && offerWindowScale)
                sendScale = segment.WindowScale;
            else
            {
                sendScale = 0;
                receiveScale = 0;
                offerWindowScale = false;
            }
            timestampsEnabled = segment.HasTimestamp && offerTimestamps;
            offerTimestamps = timestampsEnabled;
            if (timestampsEnabled)
                tsRecent = segment.TimestampValue;
            sackEnabled = segment.SackPermitted && offerSack;
            offerSack = sackEnabled;

            mssBase = peerMss < announcedMss ? peerMss : announcedMss;
            if (mssBase < 64)
                mssBase = 64;
            effectiveMss = mssBase - (timestampsEnabled ? TcpHeaderWriter.TimestampOptionLength : 0);
            int expected = announcedMss - (timestampsEnabled ? TcpHeaderWriter.TimestampOptionLength : 0);
            if (receiveMss > expected)
                receiveMss = expected;
        }

        /// <summary>Our timestamp clock: milliseconds (RFC 7323 section 5.4 allows 1 ms to 1 s per tick) plus the per-connection offset.</summary>
        private uint TimestampNow => (uint)(layer.now / 1000) + timestampOffset;

        /// <summary>The receive window of a SYN or SYN-ACK, which is never scaled (RFC 7323 section 2.2).</summary>
        private int SynWindow => receiveBufferSize < 65535 ? receiveBufferSize : 65535;

        /// <summary>
        /// The window field of a segment we send. The right edge never moves back (RFC 9293 section
        /// 3.8.6: no shrinking), and moves forward only by at least min(buffer/2, MSS) (receiver-side
        /// silly window avoidance, section 3.8.6.2.2).
        /// </summary>
        private int WindowToAdvertise()
        {
            if (receiveBuffer == null)
            {
                uint promised = rcvAdvertisedEdge - rcvNxt;
                return (int)((promised >> receiveScale) > 65535 ? 65535 : promised >> receiveScale);
            }
            int free = receiveBuffer.Free;
            uint edge = rcvNxt + (uint)free;
            bool grown = false;
            if (Seq.Gt(edge, rcvAdvertisedEdge))
            {
                int increase = (int)(edge - rcvAdvertisedEdge);
                int threshold = receiveBuffer.Capacity / 2;
                if (receiveMss < threshold)
                    threshold = receiveMss;
                if (increase >= threshold)
                    grown = true;
            }
            uint window = grown ? edge - rcvNxt : rcvAdvertisedEdge - rcvNxt;
            if ((int)window < 0)
                window = 0;
            uint field = window >> receiveScale;
            if (!grown && (field << receiveScale) < window)
                field++; // Rounding down would shrink the promised edge by a few bytes.
            if (field > 65535)
                field = 65535;
            uint advertisedEdge = rcvNxt + (field << receiveScale);
            if (Seq.Gt(advertisedEdge, rcvAdvertisedEdge))
                rcvAdvertisedEdge = advertisedEdge;
            return (int)field;
        }

        /// <summary>How far past RCV.NXT we accept data: what we promised (RCV.WND).</summary>
        private int ReceiveWindow
        {
            get
            {
                int window = (int)(rcvAdvertisedEdge - rcvNxt);
                return window < 0 ? 0 : window;
            }
        }

        private int SackBlocksToSend()
        {
            if (!sackEnabled || receiveBuffer == null)
                return 0;
            int ranges = receiveBuffer.OutOfOrderRanges;
            int room = timestampsEnabled ? 3 : 4;
            return ranges < room ? ranges : room;
        }

        /// <summary>RFC 6191 / Linux: a SYN may reopen a 4-tuple in TIME-WAIT when it is newer than anything of the old connection.</summary>
        internal bool AcceptsNewIncarnation(ref TcpSegment segment)
        {
            if (timestampsEnabled && segment.HasTimestamp)
                return Seq.Gt(segment.TimestampValue, tsRecent);
            return Seq.Gt(segment.SequenceNumber, rcvNxt);
        }
    }
}
