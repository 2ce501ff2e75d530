using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// What to send and building segments: data within min(cwnd, SND.WND), Nagle's rule and the
    /// sender's silly window avoidance, FIN after the queued data, and the ACKs that carry it all.
    /// </summary>
    public sealed partial class TcpSocket
    {
        internal uint sndUna;
        /// <summary>The next sequence number to send; moves back to SND.UNA after a retransmission timeout (go-back-N).</summary>
        internal uint sndNxt;
        /// <summary>One past the highest sequence number ever sent.</summary>
        internal uint sndMax;
        private uint sndWnd;
        private uint maxSndWnd;
        private uint sndWl1;
        private uint sndWl2;
        private bool synAcknowledged;
        /// <summary>End of the last sub-MSS segment sent: Nagle holds a small segment only while such a one is unacknowledged.</summary>
        private uint lastSmallSegmentEnd;
        private uint lastAckSent;
        private long synSentAt;

        /// <summary>Sends our SYN (SYN-SENT) or SYN-ACK (SYN-RECEIVED), first or again, and (re)arms the retransmission timer.</summary>
        private void SendSyn()
        {
            bool withAck = state == TcpState.SynReceived;
            if (withAck)
                rcvAdvertisedEdge = Seq.Max(rcvAdvertisedEdge, rcvNxt + (uint)SynWindow);
            synSentAt = layer.now;
            TransmitSegment(iss, 0, 0, TcpFlags.Syn | (withAck ? TcpFlags.Ack : 0));
            if (Seq.Lt(sndNxt, iss + 1))
                sndNxt = iss + 1;
            if (Seq.Lt(sndMax, sndNxt))
                sndMax = sndNxt;
            ArmRetransmit();
        }

        /// <summary>Sends whatever the windows, Nagle and the pending ACK call for.</summary>
        internal void Output()
        {
            switch (state)
            {
                case TcpState.Established:
                case TcpState.CloseWait:
                case TcpState.FinWait1:
                case TcpState.Closing:
                case TcpState.LastAck:
                    break;
                case TcpState.SynReceived:
                case TcpState.FinWait2:
                case TcpState.TimeWait:
                    if (ackNow)
                        SendAck();
                    return;
                default:
                    return;
            }
            TcpSendBuffer queue = sendBuffer;
            if (InSackRecovery)
            {
                if (!SackOutput() && ackNow)
                    SendAck();
                return;
            }
            int maxData = mssBase - TcpHeaderWriter.OptionsLength(timestampsEnabled, SackBlocksToSend());
            int packetLimit = segmentationOffload ? SegmentationLimit(maxData) : maxData;
            bool sent = false;
            while (true)
            {
                int queued = queue.Count;
                int offset = (int)(sndNxt - sndUna);
                int unsent = queued - offset;
                bool finNeeded = finRequested && unsent >= 0;
                if (unsent < 0)
                    unsent = 0;
                uint congestion = cwnd;
                if (scoreboard != null)
                    congestion += scoreboard.SackedBytes; // Limited transmit by pipe (RFC 6675 section 5 step 3): SACKed bytes have left the network.
                else if (!inFastRecovery && duplicateAcks > 0)
                    congestion += (uint)(duplicateAcks < 2 ? duplicateAcks : 2) * (uint)effectiveMss; // Limited transmit (RFC 3042).
                uint window = sndWnd < congestion ? sndWnd : congestion;
                int usable = (int)(sndUna + window - sndNxt);
                if (usable < 0)
                    usable = 0;
                int length = unsent;
                if (length > usable)
                    length = usable;
                if (length > packetLimit)
                    length = packetLimit;
                bool fin = finNeeded && length == unsent;
                if (length == 0 && !fin)
                    break;
                bool retransmission = Seq.Lt(sndNxt, sndMax);
                if (length < maxData && !fin && !retransmission)
                {
                    if (length < unsent)
                    {
                        // Window-limited: wait for a worthwhile window (RFC 9293 section 3.8.6.2.1), unless nothing is in flight to bring one.
                        if (length < (int)(maxSndWnd / 2) && sndNxt != sndUna)
                            break;
                    }
                    else if (!NoDelay && Seq.Gt(lastSmallSegmentEnd, sndUna))
                    {
                        // Nagle, in Minshall's form: hold the tail only while an earlier small segment is unacknowledged,
                        // so a response's last partial segment follows its full ones at once (no delayed-ACK stall).
                        break;
                    }
                }
                int flags = TcpFlags.Ack;
                if (fin)
                    flags |= TcpFlags.Fin;
                if (length > 0 && length == unsent)
                    flags |= TcpFlags.Psh;
                if (retransmission)
                {
                    TcpCounters.Retransmissions++;
                    rttTiming = false; // Karn: no sample from retransmitted data.
                }
                else if (!rttTiming && !timestampsEnabled)
                {
                    rttTiming = true;
                    rttSeq = sndNxt;
                    rttStart = layer.now;
                }
                TransmitSegment(sndNxt, offset, length, flags, length > maxData ? maxData : 0);
                // A packet the device cuts counts as small when its last segment is (Linux's tcp_minshall_update).
                if (length % maxData != 0 && !retransmission)
                    lastSmallSegmentEnd = sndNxt + (uint)length;
                sndNxt += (uint)length + (fin ? 1u : 0u);
                if (Seq.Gt(sndNxt, sndMax))
                    sndMax = sndNxt;
                if (rtoDeadline == long.MaxValue)
                    ArmRetransmit();
                sent = true;
                if (fin)
                    break;
            }
            if (!sent && ackNow)
                SendAck();
            if (sndWnd == 0 && sndMax == sndUna && queue.Count > 0 && persistDeadline == long.MaxValue)
                ArmPersist();
        }

        /// <summary>Sends the first unacknowledged segment again (fast retransmit, partial ACK, timeout), whatever the windows say.</summary>
        private void RetransmitFirst()
        {
            int queued = sendBuffer != null ? sendBuffer.Count : 0;
            int maxData = mssBase - TcpHeaderWriter.OptionsLength(timestampsEnabled, SackBlocksToSend());
            int length = queued < maxData ? queued : maxData;
            bool fin = finRequested && length == queued && Seq.Gt(sndMax, sndUna + (uint)queued);
            if (length == 0 && !fin)
                return;
            TcpCounters.Retransmissions++;
            rttTiming = false;
            TransmitSegment(sndUna, 0, length, TcpFlags.Ack | (fin ? TcpFlags.Fin : 0) | (length > 0 && length == queued ? TcpFlags.Psh : 0));
            uint end = sndUna + (uint)length + (fin ? 1u : 0u);
            if (Seq.Lt(sndNxt, end))
                sndNxt = end;
            if (Seq.Gt(sndNxt, sndMax))
                sndMax = sndNxt; // More may have been queued since the first transmission.
            if (rtoDeadline == long.MaxValue)
                ArmRetransmit();
        }

        /// <summary>
        /// A pure ACK carries SND.MAX, not SND.NXT: after a timeout SND.NXT has moved back, and the
        /// peer, which may hold data up to SND.MAX, would find an older sequence number outside its
        /// window and drop the ACK (as BSD does, for the same reason).
        /// </summary>
        internal void SendAck()
        {
            TransmitSegment(sndMax, 0, 0, TcpFlags.Ack);
        }

        /// <summary>
        /// The ACK that answers an unacceptable segment. For pure ACKs it is rate-limited per
        /// connection, as Linux does: two ends that disagree would otherwise answer each other's
        /// ACKs forever at line rate. Segments with data are always answered.
        /// </summary>
        private void SendAckForUnacceptable(ref TcpSegment segment)
        {
            if (segment.PayloadLength == 0 && !segment.Syn && !segment.Fin)
            {
                if (layer.now - lastUnacceptableAckAt < settings.UnacceptableAckIntervalMicroseconds)
                    return;
                lastUnacceptableAckAt = layer.now;
            }
            SendAck();
        }

        private long lastUnacceptableAckAt = long.MinValue / 2;

        /// <summary>RFC 5961's challenge ACK, within the stack-wide rate limit (section 7).</summary>
        private void SendChallengeAck()
        {
            if (layer.AllowChallengeAck())
            {
                TcpCounters.ChallengeAcks++;
                SendAck();
            }
            else
                TcpCounters.ChallengeAcksSuppressed++;
        }

        /// <summary>Aborts towards the peer: RST with the sequence number it expects next.</summary>
        private void SendReset()
        {
            layer.SendReset(localAddress, localPort, remoteAddress, remotePort, sndMax, rcvNxt, true);
        }

        /// <summary>A zero-window probe, as Linux sends it: an ACK one below SND.UNA, which the peer must answer with its window.</summary>
        private void SendWindowProbe()
        {
            TcpCounters.ZeroWindowProbes++;
            TransmitSegment(sndUna - 1, 0, 0, TcpFlags.Ack);
        }

        /// <summary>After the application read: announce a window that has opened significantly (RFC 9293 section 3.8.6.2.2).</summary>
        private void OnApplicationRead()
        {
            if (state != TcpState.Established && state != TcpState.FinWait1 && state != TcpState.FinWait2)
                return;
            int free = receiveBuffer.Free;
            int promised = ReceiveWindow;
            int threshold = receiveBuffer.Capacity / 2;
            if (receiveMss < threshold)
                threshold = receiveMss;
            if (free - promised >= threshold && free >= 2 * promised)
            {
                ackNow = true;
                Output();
            }
        }

        /// <summary>
        /// The most new data in one packet for a device that segments: as many segments of
        /// <paramref name="segmentPayload"/> bytes as fit an IPv4 packet of 64 KiB with our headers (Linux's
        /// GSO limit), at least one. Retransmissions stay one segment each: what was lost was a segment.
        /// </summary>
        private int SegmentationLimit(int segmentPayload)
        {
            int room = 65535 - Ipv4.Ipv4Layer.HeaderBytes - TcpSegment.MinimumHeaderLength - TcpHeaderWriter.OptionsLength(timestampsEnabled, SackBlocksToSend());
            int segments = room / segmentPayload;
            return segments > 1 ? segments * segmentPayload : segmentPayload;
        }

        /// <summary>
        /// Builds one segment: payload copied from the send buffer, header and options in the headroom,
        /// checksum (or its pseudo-header part, for a device that completes it). <paramref name="segmentPayload"/>:
        /// for a packet the device is to cut (TSO), the payload of each segment; 0 otherwise.
        /// </summary>
        private void TransmitSegment(uint seq, int dataOffset, int dataLength, int flags, int segmentPayload = 0)
        {
            PacketBuffer buffer = layer.host.RentBuffer(dataLength);
            if (dataLength > 0)
            {
                sendBuffer.CopyOut(dataOffset, buffer.Append(dataLength));
                NetCounters.CopiedIntoSegment += dataLength;
            }
            bool syn = (flags & TcpFlags.Syn) != 0;
            bool ack = (flags & TcpFlags.Ack) != 0;
            int window = syn ? SynWindow : WindowToAdvertise();
            int sackBlocks = syn ? 0 : SackBlocksToSend();
            int optionsLength = syn
                ? TcpHeaderWriter.SynOptionsLength(true, offerSack, offerTimestamps, offerWindowScale)
                : TcpHeaderWriter.OptionsLength(timestampsEnabled, sackBlocks);
            Span<byte> header = TcpHeaderWriter.Begin(buffer, optionsLength, localPort, remotePort, seq, ack ? rcvNxt : 0, flags, window);
            int at = TcpSegment.MinimumHeaderLength;
            if (syn)
                TcpHeaderWriter.WriteSynOptions(header, at, announcedMss, offerSack, offerTimestamps, TimestampNow,
                    ack ? tsRecent : 0, offerWindowScale ? receiveScale : -1);
            else
            {
                if (timestampsEnabled)
                    at = TcpHeaderWriter.WriteTimestamp(header, at, TimestampNow, tsRecent);
                if (sackBlocks > 0)
                {
                    at = TcpHeaderWriter.WriteSackHeader(header, at, sackBlocks);
                    for (int i = 0; i < sackBlocks; i++)
                    {
                        receiveBuffer.GetSackRange(i, out int start, out int end);
                        at = TcpHeaderWriter.WriteSackBlock(header, at, rcvNxt + (uint)start, rcvNxt + (uint)end);
                    }
                }
            }
            TcpHeaderWriter.Finish(buffer, localAddress, remoteAddress, loopbackRoute, checksumOffload);
            buffer.SegmentPayloadBytes = segmentPayload;
            if (ack)
            {
                ackNow = false;
                unacknowledgedBytes = 0;
                delayedAckDeadline = long.MaxValue;
                lastAckSent = rcvNxt;
            }
            TcpCounters.SegmentsSent++;
            layer.host.Transmit(localAddress, remoteAddress, buffer);
        }
    }
}
