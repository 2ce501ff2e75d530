namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// SACK-based loss recovery for peers that negotiated SACK (RFC 2018, RFC 6675): the scoreboard
    /// of what the peer holds above SND.UNA, the pipe estimate, NextSeg's four rules (lost holes,
    /// new data, holes not yet deemed lost, the one rescue retransmission), recovery after a
    /// retransmission timeout that resends only what the scoreboard says is missing (section 5.1),
    /// RFC 5827 early retransmit, and the detection of lost retransmissions. SND.NXT stays equal to
    /// SND.MAX on such connections: retransmissions are sent at their own sequence numbers. Peers
    /// without SACK keep NewReno (TcpSocket.Congestion.cs).
    /// </summary>
    public sealed partial class TcpSocket
    {
        /// <summary>RFC 6675's DupThresh.</summary>
        private const int DupThresh = 3;

        private TcpScoreboard scoreboard;
        /// <summary>
        /// After a retransmission timeout, until SND.UNA reaches <see cref="recover"/> (RFC 6675
        /// section 5.1's RecoveryPoint): everything below it that is not SACKed counts as lost and is
        /// resent in order as the (slow-starting) window allows; no fast recovery starts meanwhile.
        /// </summary>
        private bool lossRecovery;
        /// <summary>One past the highest byte retransmitted by NextSeg rules 1 and 3 (RFC 6675's HighRxt + 1).</summary>
        private uint highRxt;
        /// <summary>The rescue retransmission (NextSeg rule 4) was used in this recovery.</summary>
        private bool rescueUsed;
        /// <summary>SND.MAX when the last retransmission left: SACKs above it mean the retransmissions before it had their chance.</summary>
        private uint retransmitHighData;
        private bool retransmitPending;

        /// <summary>Whether the SACK recovery paths send (in fast recovery or after a timeout).</summary>
        private bool InSackRecovery => scoreboard != null && (inFastRecovery || lossRecovery);

        private void ResetSackState()
        {
            if (sackEnabled)
            {
                if (scoreboard == null)
                    scoreboard = new TcpScoreboard();
                scoreboard.Clear();
            }
            lossRecovery = false;
            highRxt = sndUna;
            rescueUsed = false;
            retransmitPending = false;
        }

        /// <summary>The cumulative ACK moved: forget what it covers, and notice a peer that reneged on SACKed data.</summary>
        private void SackOnCumulativeAck(uint ack)
        {
            if (Seq.Lt(highRxt, ack))
                highRxt = ack;
            if (scoreboard.Count > 0 && scoreboard.Advance(ack))
            {
                // The peer dropped data it had SACKed (RFC 2018 section 8). It is still in the send
                // buffer, as everything is until cumulatively acknowledged; start over without SACK
                // information and let the retransmission timer resend it if nothing else does.
                TcpCounters.SackRenegings++;
                highRxt = ack;
                ArmRetransmit();
            }
        }

        /// <summary>Records the segment's SACK blocks; returns the bytes newly SACKed.</summary>
        private uint SackUpdate(ref TcpSegment segment)
        {
            uint added = 0;
            int queued = sendBuffer != null ? sendBuffer.Count : 0;
            uint dataEnd = sndUna + (uint)queued;
            if (Seq.Gt(dataEnd, sndMax))
                dataEnd = sndMax; // Queued but never sent: nobody can have SACKed it.
            for (int i = 0; i < segment.SackBlockCount; i++)
            {
                segment.GetSackBlock(i, out uint start, out uint end);
                added += scoreboard.Add(start, end, sndUna, dataEnd);
            }
            return added;
        }

        /// <summary>
        /// After an ACK's cumulative and SACK information has been taken in: notices lost
        /// retransmissions, and decides whether fast recovery starts (RFC 6675 section 5:
        /// DupThresh duplicate ACKs, or IsLost(HighACK + 1); RFC 5827 early retransmit).
        /// </summary>
        private void SackAfterAck()
        {
            if (InSackRecovery)
            {
                // Data sent after our last retransmission has been SACKed while a retransmitted hole
                // is still missing: that retransmission was lost too. Resend the holes once more
                // (otherwise only the timer would).
                if (retransmitPending && scoreboard.Count > 0 && Seq.Gt(scoreboard.HighestEnd, retransmitHighData))
                {
                    retransmitPending = false;
                    if (Seq.Gt(highRxt, sndUna))
                    {
                        TcpCounters.LostRetransmissions++;
                        highRxt = sndUna;
                    }
                }
                return;
            }
            if (sndMax == sndUna || scoreboard.Count == 0)
                return;
            uint mss = (uint)effectiveMss;
            bool lost = duplicateAcks >= DupThresh || scoreboard.LastLostHole(mss, DupThresh) >= 0;
            if (!lost && duplicateAcks > 0 && sndMax - sndUna < 4 * mss && scoreboard.Count == 1
                && scoreboard.End(0) == DataEndSent() && !CanSendNewData())
            {
                // RFC 5827: too few segments in flight for DupThresh duplicate ACKs, and nothing new to
                // send that would bring more; everything after the first hole has arrived.
                lost = true;
                TcpCounters.EarlyRetransmits++;
            }
            if (lost)
                EnterSackRecovery();
        }

        /// <summary>RFC 6675 section 5, steps 4.1-4.3; step (C) follows in Output.</summary>
        private void EnterSackRecovery()
        {
            TcpCounters.FastRetransmits++;
            ssthresh = HalfFlightOrTwoSegments();
            cwnd = ssthresh;
            bytesAckedInAvoidance = 0;
            recover = sndMax;
            inFastRecovery = true;
            rescueUsed = false;
            highRxt = sndUna;
            uint holeEnd = scoreboard.Count > 0 ? scoreboard.Start(0) : sndMax;
            uint sent = RetransmitRange(sndUna, holeEnd);
            highRxt = sndUna + sent;
            retransmitHighData = sndMax;
            retransmitPending = sent > 0;
        }

        /// <summary>One past the last data byte sent (SND.MAX without a FIN).</summary>
        private uint DataEndSent()
        {
            int queued = sendBuffer != null ? sendBuffer.Count : 0;
            uint dataEnd = sndUna + (uint)queued;
            return Seq.Lt(dataEnd, sndMax) ? dataEnd : sndMax;
        }

        /// <summary>The FIN has been sent (it occupies the sequence number after the queued data).</summary>
        private bool FinSent => finRequested && Seq.Gt(sndMax, sndUna + (uint)(sendBuffer != null ? sendBuffer.Count : 0));

        /// <summary>Whether new data (or the FIN) could go out now under the peer's window, ignoring cwnd.</summary>
        private bool CanSendNewData()
        {
            int maxData = mssBase - TcpHeaderWriter.OptionsLength(timestampsEnabled, SackBlocksToSend());
            return NewDataLength(maxData, out bool fin) > 0 || fin;
        }

        /// <summary>
        /// NextSeg rule 2: how much new data may go out at SND.MAX (peer's window, the sender's SWS
        /// rule and Nagle apply as in <see cref="Output"/>); <paramref name="fin"/> when the FIN goes with it.
        /// </summary>
        private int NewDataLength(int maxData, out bool fin)
        {
            fin = false;
            int queued = sendBuffer.Count;
            int unsent = queued - (int)(DataEndSent() - sndUna);
            if (unsent <= 0)
            {
                fin = finRequested && !FinSent;
                return 0;
            }
            int room = (int)(sndUna + sndWnd - sndMax);
            if (room < 0)
                room = 0;
            int length = unsent < maxData ? unsent : maxData;
            if (length > room)
                length = room;
            if (length == 0)
                return 0;
            if (length < maxData)
            {
                if (length < unsent)
                    return 0; // Window-limited: wait for a worthwhile window.
                if (!NoDelay && Seq.Gt(lastSmallSegmentEnd, sndUna))
                    return 0; // Nagle.
            }
            fin = finRequested && length == unsent;
            return length;
        }

        /// <summary>
        /// Retransmits one segment of at most a full segment's payload from <paramref name="seq"/>,
        /// not past <paramref name="end"/>, with the FIN when it reaches the end of the data and the
        /// FIN was sent. Returns the sequence space it covered (0 when there was nothing to send).
        /// </summary>
        private uint RetransmitRange(uint seq, uint end)
        {
            int maxData = mssBase - TcpHeaderWriter.OptionsLength(timestampsEnabled, SackBlocksToSend());
            int queued = sendBuffer != null ? sendBuffer.Count : 0;
            uint dataEnd = sndUna + (uint)queued;
            int length = 0;
            if (Seq.Lt(seq, dataEnd))
            {
                uint stop = Seq.Min(end, dataEnd);
                length = (int)(stop - seq);
                if (length > maxData)
                    length = maxData;
            }
            bool fin = FinSent && seq + (uint)length == dataEnd && Seq.Gt(end, dataEnd);
            if (length == 0 && !fin)
                return 0;
            TcpCounters.Retransmissions++;
            rttTiming = false; // Karn.
            int flags = TcpFlags.Ack | (fin ? TcpFlags.Fin : 0) | (length > 0 && seq + (uint)length == dataEnd ? TcpFlags.Psh : 0);
            TransmitSegment(seq, (int)(seq - sndUna), length, flags);
            if (rtoDeadline == long.MaxValue)
                ArmRetransmit();
            return (uint)length + (fin ? 1u : 0u);
        }

        /// <summary>Bytes of [a, b) below HighRxt, i.e. retransmitted.</summary>
        private uint RetransmittedPart(uint a, uint b)
        {
            if (!Seq.Gt(highRxt, a))
                return 0;
            return Seq.Min(b, highRxt) - a;
        }

        /// <summary>
        /// RFC 6675's SetPipe, by ranges instead of octets: every unSACKed byte between SND.UNA and
        /// SND.MAX counts once if not deemed lost and once more if retransmitted. After a timeout
        /// everything below the recovery point counts as lost.
        /// </summary>
        private uint Pipe()
        {
            TcpScoreboard board = scoreboard;
            int count = board.Count;
            int lastLost = board.LastLostHole((uint)effectiveMss, DupThresh);
            uint pipe = 0;
            uint holeStart = sndUna;
            for (int k = 0; k <= count; k++)
            {
                uint holeEnd = k < count ? board.Start(k) : sndMax;
                uint a = holeStart;
                if (k < count)
                    holeStart = board.End(k);
                if (!Seq.Lt(a, holeEnd))
                    continue;
                if (lossRecovery && Seq.Lt(a, recover))
                {
                    uint m = Seq.Min(holeEnd, recover);
                    pipe += RetransmittedPart(a, m);
                    a = m;
                    if (a == holeEnd)
                        continue;
                }
                if (k >= count || k > lastLost)
                    pipe += holeEnd - a;
                pipe += RetransmittedPart(a, holeEnd);
            }
            return pipe;
        }

        /// <summary>
        /// NextSeg rules 1 and 3: the lowest unSACKed range above HighRxt and below the highest
        /// SACKed byte, that is deemed lost (rule 1, <paramref name="lostOnly"/>) or not (rule 3).
        /// After a timeout, also what lies above the highest SACKed byte up to the recovery point.
        /// </summary>
        private bool FindHole(bool lostOnly, out uint seq, out uint end)
        {
            TcpScoreboard board = scoreboard;
            int count = board.Count;
            int lastLost = lostOnly ? board.LastLostHole((uint)effectiveMss, DupThresh) : -1;
            uint holeStart = sndUna;
            for (int k = 0; k <= count; k++)
            {
                uint holeEnd = k < count ? board.Start(k) : sndMax;
                uint a = holeStart;
                if (k < count)
                    holeStart = board.End(k);
                if (!Seq.Gt(holeEnd, highRxt))
                    continue;
                if (Seq.Lt(a, highRxt))
                    a = highRxt;
                if (!Seq.Lt(a, holeEnd))
                    continue;
                bool lostBySack = k < count && k <= lastLost;
                bool lostByTimeout = lossRecovery && Seq.Lt(a, recover);
                if (lostOnly)
                {
                    if (!lostBySack && !lostByTimeout)
                        break; // Holes further up are not lost either.
                    seq = a;
                    end = lostBySack ? holeEnd : Seq.Min(holeEnd, recover);
                    return true;
                }
                if (k < count)
                {
                    seq = a;
                    end = holeEnd;
                    return true;
                }
            }
            seq = 0;
            end = 0;
            return false;
        }

        /// <summary>
        /// RFC 6675 section 5 step (C): while cwnd - pipe is at least one segment, send what NextSeg
        /// picks. Returns whether anything was sent.
        /// </summary>
        private bool SackOutput()
        {
            int maxData = mssBase - TcpHeaderWriter.OptionsLength(timestampsEnabled, SackBlocksToSend());
            uint mss = (uint)effectiveMss;
            uint pipe = Pipe();
            bool sent = false;
            while (cwnd >= pipe + mss)
            {
                uint covered;
                if (FindHole(true, out uint seq, out uint end))
                {
                    // Rule 1: a lost hole.
                    covered = RetransmitRange(seq, end);
                    if (covered == 0)
                        break;
                    highRxt = seq + covered;
                    retransmitHighData = sndMax;
                    retransmitPending = true;
                }
                else
                {
                    int length = NewDataLength(maxData, out bool fin);
                    if (length > 0 || fin)
                    {
                        // Rule 2: new data.
                        int flags = TcpFlags.Ack | (fin ? TcpFlags.Fin : 0);
                        int queued = sendBuffer.Count;
                        int offset = (int)(sndMax - sndUna);
                        if (length > 0 && offset + length == queued)
                            flags |= TcpFlags.Psh;
                        if (!rttTiming && !timestampsEnabled)
                        {
                            rttTiming = true;
                            rttSeq = sndMax;
                            rttStart = layer.now;
                        }
                        TransmitSegment(sndMax, offset, length, flags);
                        if (length < maxData && length > 0)
                            lastSmallSegmentEnd = sndMax + (uint)length;
                        covered = (uint)length + (fin ? 1u : 0u);
                        sndMax += covered;
                        sndNxt = sndMax;
                        if (rtoDeadline == long.MaxValue)
                            ArmRetransmit();
                    }
                    else if (FindHole(false, out seq, out end))
                    {
                        // Rule 3: a hole not yet deemed lost, when there is nothing new to send.
                        covered = RetransmitRange(seq, end);
                        if (covered == 0)
                            break;
                        highRxt = seq + covered;
                        retransmitHighData = sndMax;
                        retransmitPending = true;
                    }
                    else if (inFastRecovery && !rescueUsed && RescueRange(maxData, out seq, out end))
                    {
                        // Rule 4: one rescue retransmission per recovery, of the highest unSACKed data
                        // (the tail, whose loss no later segment could reveal). HighRxt stays.
                        rescueUsed = true;
                        covered = RetransmitRange(seq, end);
                        if (covered == 0)
                            break;
                        TcpCounters.RescueRetransmissions++;
                    }
                    else
                        break;
                }
                pipe += covered;
                sent = true;
            }
            return sent;
        }

        /// <summary>
        /// Up to one segment ending at the highest unSACKed sequence number, unless that was
        /// retransmitted already in this recovery (then the rescue would only duplicate it).
        /// </summary>
        private bool RescueRange(int maxData, out uint seq, out uint end)
        {
            TcpScoreboard board = scoreboard;
            int count = board.Count;
            uint top = sndMax;
            uint bottom = count > 0 ? board.HighestEnd : sndUna;
            if (count > 0 && top == bottom)
            {
                // The tail is SACKed: the highest hole is the one below the top range.
                top = board.Start(count - 1);
                bottom = count > 1 ? board.End(count - 2) : sndUna;
            }
            if (Seq.Lt(bottom, highRxt))
                bottom = highRxt; // Not what rules 1 and 3 have just resent.
            if (!Seq.Lt(bottom, top))
            {
                seq = 0;
                end = 0;
                return false;
            }
            seq = top - bottom > (uint)maxData ? top - (uint)maxData : bottom;
            end = top;
            return true;
        }

        /// <summary>
        /// RFC 6675 section 5.1: a timeout ends fast recovery; the recovery point becomes SND.MAX and
        /// everything below it that is not SACKed is resent in order, one slow-starting window at a
        /// time. The scoreboard is kept (the reneging check in <see cref="SackOnCumulativeAck"/> clears
        /// it if the peer dropped SACKed data), as RFC 6675 allows with such a check.
        /// </summary>
        private void SackOnRetransmitTimeout()
        {
            lossRecovery = true;
            highRxt = sndUna;
            retransmitPending = false;
            sndNxt = sndMax;
            if (!SackOutput())
            {
                // Not even one segment fits (cannot happen with cwnd = 1 MSS and an empty pipe, but
                // the timer must never expire without a retransmission).
                uint end = scoreboard.Count > 0 ? scoreboard.Start(0) : sndMax;
                highRxt = sndUna + RetransmitRange(sndUna, end);
                retransmitHighData = sndMax;
                retransmitPending = true;
            }
        }
    }
}
