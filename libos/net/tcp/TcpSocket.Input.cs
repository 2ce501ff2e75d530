using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>Segment arrival, in the order of RFC 9293 section 3.10.7, with RFC 5961's checks and RFC 7323's PAWS.</summary>
    public sealed partial class TcpSocket
    {
        internal uint rcvNxt;
        /// <summary>RCV.NXT + the window we last announced: the right edge we may never move back.</summary>
        private uint rcvAdvertisedEdge;
        /// <summary>Received in-order bytes not yet acknowledged (the every-second-segment rule).</summary>
        private int unacknowledgedBytes;
        /// <summary>An ACK must go out with the next Output, delayed or not.</summary>
        private bool ackNow;
        // -1: not yet set from the settings (a socket learns its layer's settings when it is created).
        private int quickAcksLeft = -1;
        private bool hasPendingFin;
        private uint pendingFinSeq;

        /// <summary>A SYN for a listener (RFC 9293 section 3.10.7.2): creates a half-open connection in the SYN queue.</summary>
        internal void InputListen(ref TcpSegment segment, uint source, uint destination, bool haveIsnFloor, uint isnFloor)
        {
            if (segment.Rst)
                return;
            if (segment.HasAck)
            {
                layer.SendReset(destination, segment.DestinationPort, source, segment.SourcePort, segment.AcknowledgmentNumber, 0, false);
                return;
            }
            if (!segment.Syn)
                return;
            if (synQueueCount >= settings.SynQueueLimit || acceptQueue.Count >= backlog)
            {
                NetCounters.DroppedTcpSynQueueFull++;
                return;
            }
            var child = new TcpSocket(layer);
            child.InheritFrom(this);
            child.listener = this;
            child.inSynQueue = true;
            synQueueCount++;
            child.InitializeConnection(destination, segment.DestinationPort, source, segment.SourcePort);
            if (haveIsnFloor && Seq.Lt(child.iss, isnFloor))
            {
                child.iss = isnFloor;
                child.sndUna = child.sndNxt = child.sndMax = child.recover = child.lastSmallSegmentEnd = isnFloor;
            }
            child.irs = segment.SequenceNumber;
            child.rcvNxt = segment.SequenceNumber + 1;
            // SendSyn raises the edge with Seq.Max, which an edge of 0 left from construction would
            // defeat for half of all sequence numbers (those 2^31 or more away from 0).
            child.rcvAdvertisedEdge = child.rcvNxt;
            child.NegotiateOptions(ref segment);
            child.sndWnd = (uint)segment.Window;
            child.maxSndWnd = child.sndWnd;
            child.sndWl1 = segment.SequenceNumber;
            child.sndWl2 = child.iss;
            child.state = TcpState.SynReceived;
            layer.AddChild(child);
            child.SendSyn();
        }

        internal void Input(ref TcpSegment segment)
        {
            if (state == TcpState.SynSent)
                InputSynSent(ref segment);
            else if (state != TcpState.Closed && state != TcpState.Listen)
                InputSynchronized(ref segment);
        }

        /// <summary>RFC 9293 section 3.10.7.3.</summary>
        private void InputSynSent(ref TcpSegment segment)
        {
            bool ackAcceptable = false;
            if (segment.HasAck)
            {
                uint ack = segment.AcknowledgmentNumber;
                if (Seq.Le(ack, iss) || Seq.Gt(ack, sndMax))
                {
                    if (!segment.Rst)
                        layer.SendReset(localAddress, localPort, remoteAddress, remotePort, ack, 0, false);
                    return;
                }
                ackAcceptable = true;
            }
            if (segment.Rst)
            {
                if (ackAcceptable)
                {
                    TcpCounters.ResetsReceived++;
                    EnterClosed(TcpError.ConnectionRefused);
                }
                return;
            }
            if (!segment.Syn)
                return;

            irs = segment.SequenceNumber;
            rcvNxt = irs + 1;
            rcvAdvertisedEdge = rcvNxt + (uint)SynWindow;
            NegotiateOptions(ref segment);
            sndWnd = (uint)segment.Window;
            maxSndWnd = sndWnd;
            sndWl1 = segment.SequenceNumber;
            if (ackAcceptable)
            {
                sndWl2 = segment.AcknowledgmentNumber;
                // Our SYN is acknowledged; a SYN that was never retransmitted gives the first RTT sample.
                if (retries == 0)
                    OnRttSample(layer.now - synSentAt);
                AcknowledgeSyn();
                retries = 0;
                rtoDeadline = long.MaxValue;
                Establish();
                ackNow = true;
                Output();
            }
            else
            {
                // Simultaneous open (RFC 9293 figure 8): answer with SYN-ACK from the same ISS.
                state = TcpState.SynReceived;
                SendSyn();
            }
        }

        private void AcknowledgeSyn()
        {
            synAcknowledged = true;
            sndUna = iss + 1;
            if (Seq.Lt(sndNxt, sndUna))
                sndNxt = sndUna;
        }

        /// <summary>RFC 9293 section 3.10.7.4, for SYN-RECEIVED and every later state.</summary>
        private void InputSynchronized(ref TcpSegment segment)
        {
            uint seq = segment.SequenceNumber;

            // A retransmitted SYN: our SYN-ACK was lost.
            if (state == TcpState.SynReceived && segment.Syn && !segment.HasAck && seq == irs)
            {
                SendSyn();
                return;
            }

            // PAWS (RFC 7323 section 5.3): an older timestamp than TS.Recent marks an old duplicate.
            if (timestampsEnabled && segment.HasTimestamp && !segment.Rst && Seq.Lt(segment.TimestampValue, tsRecent))
            {
                TcpCounters.PawsRejected++;
                NetCounters.DroppedTcpOutOfWindow++;
                SendAck();
                return;
            }

            // First: is the segment in the receive window?
            int window = ReceiveWindow;
            uint segmentLength = segment.SequenceLength;
            bool acceptable;
            if (segmentLength == 0)
                acceptable = window == 0 ? seq == rcvNxt : InWindow(seq, window);
            else
                acceptable = window != 0 && (InWindow(seq, window) || InWindow(seq + segmentLength - 1, window));
            int payloadOffset = segment.PayloadOffset;
            int payloadLength = segment.PayloadLength;
            bool fin = segment.Fin;
            if (!acceptable)
            {
                if (window == 0 && seq == rcvNxt)
                {
                    // A zero window still takes ACKs and RSTs (RFC 9293 section 3.10.7.4, "first").
                    payloadLength = 0;
                    fin = false;
                    ackNow = true;
                }
                else
                {
                    if (!segment.Rst)
                        SendAckForUnacceptable(ref segment);
                    NetCounters.DroppedTcpOutOfWindow++;
                    return;
                }
            }

            // Second: RST. Only an exact match resets; anything else in the window is challenged (RFC 5961 section 3.2).
            if (segment.Rst)
            {
                if (seq == rcvNxt)
                {
                    TcpCounters.ResetsReceived++;
                    InputReset();
                }
                else
                    SendChallengeAck();
                return;
            }

            // Fourth: a SYN in a synchronized state is challenged whatever its sequence number (RFC 5961 section 4.2).
            if (segment.Syn)
            {
                SendChallengeAck();
                return;
            }

            // Trim what we already have and what does not fit the window.
            if (Seq.Lt(seq, rcvNxt))
            {
                uint duplicate = rcvNxt - seq;
                if (duplicate >= (uint)payloadLength)
                {
                    if (duplicate > (uint)payloadLength)
                        fin = false; // Even the FIN lies before RCV.NXT: it is old too.
                    duplicate = (uint)payloadLength;
                }
                payloadOffset += (int)duplicate;
                payloadLength -= (int)duplicate;
                seq = rcvNxt;
                ackNow = true; // A duplicate tells us an ACK was lost or the peer timed out: answer at once.
            }
            int room = window;
            if (receiveBuffer != null && receiveBuffer.Free < room)
                room = receiveBuffer.Free;
            int offset = (int)(seq - rcvNxt);
            if (offset + payloadLength > room)
            {
                payloadLength = room - offset;
                if (payloadLength < 0)
                    payloadLength = 0;
                fin = false;
            }

            // Fifth: the ACK field.
            if (!segment.HasAck)
                return;
            if (state == TcpState.SynReceived)
            {
                uint ack = segment.AcknowledgmentNumber;
                if (!Seq.Gt(ack, sndUna) || Seq.Gt(ack, sndMax))
                {
                    layer.SendReset(localAddress, localPort, remoteAddress, remotePort, ack, 0, false);
                    return;
                }
                if (listener != null)
                {
                    if (listener.state != TcpState.Listen)
                    {
                        layer.SendReset(localAddress, localPort, remoteAddress, remotePort, ack, 0, false);
                        EnterClosed(TcpError.None);
                        return;
                    }
                    if (listener.AcceptQueueFull)
                    {
                        // As Linux without tcp_abort_on_overflow: ignore the ACK; the SYN-ACK will be sent again.
                        NetCounters.DroppedTcpSynQueueFull++;
                        return;
                    }
                }
                if (retries == 0)
                    OnRttSample(layer.now - synSentAt);
                AcknowledgeSyn();
                retries = 0;
                rtoDeadline = long.MaxValue;
                sndWnd = (uint)segment.Window << sendScale;
                maxSndWnd = sndWnd;
                sndWl1 = segment.SequenceNumber;
                sndWl2 = ack;
                rcvAdvertisedEdge = Seq.Max(rcvAdvertisedEdge, rcvNxt);
                Establish();
            }
            if (!InputAck(ref segment))
                return;

            // Timestamps: remember the peer's clock when the segment covers the last ACK we sent (RFC 7323 section 4.3).
            if (timestampsEnabled && segment.HasTimestamp && Seq.Le(segment.SequenceNumber, lastAckSent))
                tsRecent = segment.TimestampValue;

            // Sixth (URG) is ignored: RFC 6093 recommends that new applications not use urgent data.
            // Seventh: the payload.
            if (payloadLength > 0)
            {
                if (!InputData(seq, new ReadOnlySpan<byte>(segment.Bytes, payloadOffset, payloadLength), fin))
                    return;
            }
            else if (fin && seq != rcvNxt && (state == TcpState.Established || state == TcpState.FinWait1 || state == TcpState.FinWait2))
                RememberFin(seq);

            // Eighth: FIN, when everything before it has arrived.
            if (fin && seq + (uint)payloadLength == rcvNxt)
                InputFin();
            else if (hasPendingFin && pendingFinSeq == rcvNxt)
                InputFin();

            if (state != TcpState.Closed)
                Output();
        }

        private bool InWindow(uint seq, int window) => Seq.Ge(seq, rcvNxt) && Seq.Lt(seq, rcvNxt + (uint)window);

        private void InputReset()
        {
            switch (state)
            {
                case TcpState.SynReceived:
                    // A passive open goes back to LISTEN, i.e. the half-open connection disappears; an active one was refused.
                    EnterClosed(listener != null ? TcpError.None : TcpError.ConnectionRefused);
                    break;
                case TcpState.Established:
                case TcpState.FinWait1:
                case TcpState.FinWait2:
                case TcpState.CloseWait:
                    EnterClosed(TcpError.ConnectionReset);
                    break;
                default:
                    EnterClosed(TcpError.None);
                    break;
            }
        }

        /// <summary>
        /// Processes the acknowledgment and window fields; false when the segment is to be dropped
        /// (an ACK for data never sent, one too old to be plausible, or the connection ended here).
        /// </summary>
        private bool InputAck(ref TcpSegment segment)
        {
            uint ack = segment.AcknowledgmentNumber;
            if (Seq.Gt(ack, sndMax))
            {
                SendAckForUnacceptable(ref segment);
                return false;
            }
            // RFC 5961 section 5.2: an ACK below SND.UNA - MAX.SND.WND is not plausible.
            if (Seq.Lt(ack, sndUna - maxSndWnd))
            {
                SendChallengeAck();
                return false;
            }
            uint window = (uint)segment.Window << sendScale;
            bool finAcknowledged = false;
            if (Seq.Gt(ack, sndUna))
            {
                uint acked = ack - sndUna;
                int queued = sendBuffer != null ? sendBuffer.Count : 0;
                int dataAcked = acked < (uint)queued ? (int)acked : queued;
                if (dataAcked > 0)
                {
                    sendBuffer.Discard(dataAcked);
                    notifyPending = true;
                    if (sendBufferFilled)
                        GrowSendBuffer();
                }
                finAcknowledged = finRequested && (uint)dataAcked < acked;
                sndUna = ack;
                if (Seq.Lt(sndNxt, sndUna))
                    sndNxt = sndUna;
                if (timestampsEnabled && segment.HasTimestamp && segment.TimestampEcho != 0)
                    OnRttSample((long)(TimestampNow - segment.TimestampEcho) * 1000);
                else if (rttTiming && Seq.Gt(ack, rttSeq))
                {
                    rttTiming = false;
                    OnRttSample(layer.now - rttStart);
                }
                retries = 0;
                persistBackoff = 0;
                if (scoreboard != null)
                {
                    SackOnCumulativeAck(ack);
                    if (segment.SackBlockCount > 0)
                        SackUpdate(ref segment);
                }
                OnNewDataAcknowledged(acked, ack);
                if (sndMax != sndUna)
                    ArmRetransmit();
                else
                    rtoDeadline = long.MaxValue;
            }
            else if (ack == sndUna && sndMax != sndUna)
            {
                // A duplicate ACK: with SACK one that SACKs new data (RFC 6675 section 2; it may carry
                // data or a new window), otherwise RFC 5681's definition.
                if (scoreboard != null && segment.SackBlockCount > 0)
                {
                    if (SackUpdate(ref segment) > 0)
                        OnDuplicateAck(ack);
                }
                else if (segment.PayloadLength == 0 && !segment.Fin && window == sndWnd)
                    OnDuplicateAck(ack);
            }
            if (scoreboard != null && state != TcpState.SynReceived)
                SackAfterAck();

            if (Seq.Lt(sndWl1, segment.SequenceNumber) || (sndWl1 == segment.SequenceNumber && Seq.Le(sndWl2, ack)))
            {
                sndWnd = window;
                sndWl1 = segment.SequenceNumber;
                sndWl2 = ack;
                if (window > maxSndWnd)
                    maxSndWnd = window;
                if (window != 0)
                    persistDeadline = long.MaxValue;
            }

            if (finAcknowledged)
            {
                switch (state)
                {
                    case TcpState.FinWait1:
                        state = TcpState.FinWait2;
                        notifyPending = true;
                        if (userClosed)
                            ArmStateTimer(settings.FinWait2TimeoutMicroseconds);
                        break;
                    case TcpState.Closing:
                        EnterTimeWait();
                        break;
                    case TcpState.LastAck:
                        EnterClosed(TcpError.None);
                        return false;
                }
            }
            return true;
        }

        /// <summary>Stores payload that starts at or after RCV.NXT; false when the connection was reset instead.</summary>
        private bool InputData(uint seq, ReadOnlySpan<byte> payload, bool fin)
        {
            switch (state)
            {
                case TcpState.Established:
                case TcpState.FinWait1:
                case TcpState.FinWait2:
                    break;
                default:
                    return true; // After the peer's FIN nothing more can arrive; a retransmission is just ACKed.
            }
            if (userClosed)
            {
                // Nobody will ever read it: tell the peer at once (Linux does the same).
                SendReset();
                EnterClosed(TcpError.None);
                return false;
            }
            int offset = (int)(seq - rcvNxt);
            bool hadHoles = receiveBuffer.OutOfOrderRanges > 0;
            if (offset > 0 && receiveBuffer.Covers(offset, payload.Length))
            {
                ackNow = true;
                return true;
            }
            int advance = receiveBuffer.Insert(offset, payload);
            if (advance < 0)
            {
                TcpCounters.OutOfOrderDropped++;
                ackNow = true;
                return true;
            }
            NetCounters.CopiedIntoReceiveBuffer += payload.Length;
            if (payload.Length > receiveMss && payload.Length <= announcedMss)
                receiveMss = payload.Length;
            if (offset > 0)
            {
                // Out of order: a duplicate ACK at once, so that the sender's fast retransmit can start (RFC 5681 section 4.2).
                TcpCounters.OutOfOrderSegments++;
                if (fin)
                    RememberFin(seq + (uint)payload.Length);
                ackNow = true;
                return true;
            }
            rcvNxt += (uint)advance;
            if (receiveShutdown)
                receiveBuffer.DiscardReadable();
            notifyPending = true;
            unacknowledgedBytes += advance;
            if (quickAcksLeft < 0)
                quickAcksLeft = settings.QuickAcksAtStart;
            if (hadHoles || unacknowledgedBytes >= 2 * receiveMss)
                ackNow = true; // A filled hole, or a second full-sized segment (RFC 9293 section 3.8.6.3).
            else if (quickAcksLeft > 0)
            {
                quickAcksLeft--;
                ackNow = true;
            }
            else if (delayedAckDeadline == long.MaxValue)
            {
                delayedAckDeadline = layer.now + settings.DelayedAckMicroseconds;
                layer.NoteDeadline(delayedAckDeadline);
            }
            return true;
        }

        private void RememberFin(uint seq)
        {
            hasPendingFin = true;
            pendingFinSeq = seq;
        }

        private void InputFin()
        {
            hasPendingFin = false;
            switch (state)
            {
                case TcpState.Established:
                    state = TcpState.CloseWait;
                    break;
                case TcpState.FinWait1:
                    state = TcpState.Closing; // Simultaneous close: our FIN is not acknowledged yet.
                    break;
                case TcpState.FinWait2:
                    EnterTimeWait();
                    break;
                case TcpState.TimeWait:
                    ArmStateTimer(settings.TimeWaitMicroseconds);
                    ackNow = true;
                    return;
                default:
                    return;
            }
            rcvNxt++;
            peerFinReceived = true;
            notifyPending = true;
            ackNow = true;
        }

        private void EnterTimeWait()
        {
            state = TcpState.TimeWait;
            rtoDeadline = long.MaxValue;
            persistDeadline = long.MaxValue;
            ReleaseSendBuffer();
            if (userClosed)
                receiveBuffer = null;
            notifyPending = true;
            ArmStateTimer(settings.TimeWaitMicroseconds);
        }
    }
}
