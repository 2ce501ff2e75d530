namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>Segment arrival from IPv4: validation, demultiplexing, and answers for segments nobody wants.</summary>
    public sealed partial class TcpLayer
    {
        /// <summary>The connection of the previous segment: bulk transfers hit it nearly every time.</summary>
        private TcpSocket lastFound;

        /// <summary>
        /// A segment from IPv4: the TCP header at <c>segment.Start</c>, <c>segment.Length</c> = header +
        /// payload. TCP owns the buffer from here and releases it before returning (payload is copied
        /// into the receive buffer).
        /// </summary>
        public void Receive(uint source, uint destination, PacketBuffer segment)
        {
            now = host.NowMicroseconds;
            TcpCounters.SegmentsReceived++;
            var parsed = new TcpSegment();
            TcpSegment.ParseResult result = TcpSegment.Parse(source, destination, segment.Bytes, segment.Start, segment.Length,
                segment.ChecksumVerified, ref parsed);
            if (result != TcpSegment.ParseResult.Ok)
            {
                if (result == TcpSegment.ParseResult.BadChecksum)
                    NetCounters.DroppedTcpChecksum++;
                else
                    NetCounters.DroppedTcpMalformed++;
                segment.Release();
                return;
            }
            Dispatch(source, destination, ref parsed);
            segment.Release();
        }

        private void Dispatch(uint source, uint destination, ref TcpSegment segment)
        {
            TcpSocket socket = lastFound;
            if (socket == null || socket.remotePort != segment.SourcePort || socket.localPort != segment.DestinationPort
                || socket.remoteAddress != source || socket.localAddress != destination)
                socket = connections.Find(destination, segment.DestinationPort, source, segment.SourcePort);

            bool haveIsnFloor = false;
            uint isnFloor = 0;
            if (socket != null && socket.State == TcpState.TimeWait && segment.Syn && !segment.HasAck && socket.AcceptsNewIncarnation(ref segment))
            {
                // The new connection's ISN must lie beyond anything the old one used (as Linux: SND.NXT + 64 KiB).
                haveIsnFloor = true;
                isnFloor = socket.sndNxt + 65536 + 2;
                TcpCounters.TimeWaitReused++;
                socket.EnterClosed(TcpError.None);
                NotifyIfPending(socket);
                socket = null;
            }

            if (socket != null)
            {
                lastFound = socket;
                socket.Input(ref segment);
                NotifyIfPending(socket);
                return;
            }
            TcpSocket listener = FindListener(destination, segment.DestinationPort, null);
            if (listener != null)
            {
                listener.InputListen(ref segment, source, destination, haveIsnFloor, isnFloor);
                return;
            }
            NetCounters.DroppedTcpNoSocket++;
            if (!segment.Rst)
                SendResetFor(ref segment, source, destination);
        }

        private void NotifyIfPending(TcpSocket socket)
        {
            if (socket.notifyPending)
                NotifyUser(socket);
        }

        /// <summary>RFC 9293 section 3.10.7.1: the RST that answers a segment for no connection.</summary>
        private void SendResetFor(ref TcpSegment segment, uint source, uint destination)
        {
            if (segment.HasAck)
                SendReset(destination, segment.DestinationPort, source, segment.SourcePort, segment.AcknowledgmentNumber, 0, false);
            else
                SendReset(destination, segment.DestinationPort, source, segment.SourcePort, 0,
                    segment.SequenceNumber + segment.SequenceLength, true);
        }
    }
}
