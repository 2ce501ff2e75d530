namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Round-trip estimation (RFC 6298) and congestion control: slow start and congestion avoidance
    /// (RFC 5681), initial window of RFC 6928, fast retransmit and NewReno fast recovery (RFC 6582).
    /// </summary>
    public sealed partial class TcpSocket
    {
        private uint cwnd;
        private uint ssthresh;
        private uint bytesAckedInAvoidance;
        /// <summary>RFC 6582's "recover": the highest sequence number sent when recovery began.</summary>
        private uint recover;
        private int duplicateAcks;
        private bool inFastRecovery;
        private bool partialAckSeen;

        private long srtt;
        private long rttvar;
        private long rto;
        private bool hasRttSample;
        /// <summary>Without timestamps, one segment at a time is timed (Karn: never a retransmitted one).</summary>
        private bool rttTiming;
        private uint rttSeq;
        private long rttStart;

        /// <summary>Congestion window in bytes, for diagnostics and tests.</summary>
        public int CongestionWindow => (int)cwnd;
        public long SmoothedRttMicroseconds => srtt;
        public long RetransmissionTimeoutMicroseconds => rto;

        private void InitializeCongestion()
        {
            uint mss = (uint)effectiveMss;
            // RFC 6928: min(10*MSS, max(2*MSS, 14600)).
            uint initial = 14600u > 2 * mss ? 14600u : 2 * mss;
            cwnd = 10 * mss < initial ? 10 * mss : initial;
            ssthresh = 0x3FFFFFFF;
            bytesAckedInAvoidance = 0;
            duplicateAcks = 0;
            inFastRecovery = false;
            recover = sndUna;
            ResetSackState();
        }

        private uint FlightSize => sndMax - sndUna;

        /// <summary>
        /// Send-buffer auto-tuning, after an ACK freed space in a buffer the application had filled: a
        /// buffer smaller than twice what the windows let be in flight (min(cwnd, the peer's largest
        /// window)) is what limits a bulk sender, since new data can only be queued as ACKs free room.
        /// It doubles, up to <see cref="TcpSettings.MaximumAutoSendBuffer"/> and within the stack-wide
        /// <see cref="TcpSettings.AutoSendBufferBudget"/> (Linux's tcp_sndbuf_expand, without memory
        /// pressure states). Request/response connections never fill their buffer and stay small.
        /// </summary>
        private void GrowSendBuffer()
        {
            sendBufferFilled = false;
            if (sendBufferFixed)
                return;
            uint windows = cwnd < maxSndWnd ? cwnd : maxSndWnd;
            int capacity = sendBuffer.Capacity;
            if (2L * windows <= capacity || capacity >= settings.MaximumAutoSendBuffer)
                return;
            int grown = capacity * 2 < settings.MaximumAutoSendBuffer ? capacity * 2 : settings.MaximumAutoSendBuffer;
            if (layer.autoSendBufferBytes + (grown - capacity) > settings.AutoSendBufferBudget)
            {
                TcpCounters.SendBufferGrowthRefused++;
                return;
            }
            sendBuffer.Grow(grown);
            layer.autoSendBufferBytes += grown - capacity;
            sendBufferGrowth += grown - capacity;
            TcpCounters.SendBufferGrowths++;
        }

        /// <summary>The connection will send no more: its buffer goes, and its growth back to the budget.</summary>
        private void ReleaseSendBuffer()
        {
            sendBuffer = null;
            layer.autoSendBufferBytes -= sendBufferGrowth;
            sendBufferGrowth = 0;
        }

        private uint HalfFlightOrTwoSegments()
        {
            uint half = FlightSize / 2;
            uint floor = 2 * (uint)effectiveMss;
            return half > floor ? half : floor;
        }

        /// <summary>RFC 6298 section 2.</summary>
        private void OnRttSample(long sample)
        {
            if (sample < 0)
                return;
            if (!hasRttSample)
            {
                srtt = sample;
                rttvar = sample / 2;
                hasRttSample = true;
            }
            else
            {
                long delta = srtt - sample;
                if (delta < 0)
                    delta = -delta;
                rttvar = (3 * rttvar + delta) / 4;
                srtt = (7 * srtt + sample) / 8;
            }
            long variance = 4 * rttvar;
            long granularity = settings.ClockGranularityMicroseconds;
            rto = srtt + (variance > granularity ? variance : granularity);
            if (rto < settings.MinimumRtoMicroseconds)
                rto = settings.MinimumRtoMicroseconds;
            if (rto > settings.MaximumRtoMicroseconds)
                rto = settings.MaximumRtoMicroseconds;
        }

        private void OnNewDataAcknowledged(uint acked, uint ack)
        {
            if (!synAcknowledged)
                return;
            uint mss = (uint)effectiveMss;
            if (inFastRecovery)
            {
                if (Seq.Ge(ack, recover))
                {
                    // Full acknowledgment (RFC 6582 section 3.2, step 3): deflate the window.
                    uint flight = FlightSize;
                    uint deflated = (flight > mss ? flight : mss) + mss;
                    cwnd = ssthresh < deflated ? ssthresh : deflated;
                    inFastRecovery = false;
                    duplicateAcks = 0;
                }
                else
                {
                    // With SACK the scoreboard, not the ACK alone, says what to resend next (Output).
                    if (scoreboard != null)
                        return;
                    // Partial acknowledgment (step 4): the next hole was lost too.
                    RetransmitFirst();
                    cwnd = cwnd > acked ? cwnd - acked : 0;
                    if (acked >= mss)
                        cwnd += mss;
                    if (cwnd < mss)
                        cwnd = mss;
                    if (!partialAckSeen)
                    {
                        partialAckSeen = true;
                        ArmRetransmit();
                    }
                    return;
                }
                return;
            }
            if (lossRecovery && Seq.Ge(ack, recover))
                lossRecovery = false; // Everything outstanding at the timeout has arrived.
            duplicateAcks = 0;
            if (cwnd < ssthresh)
            {
                // An ACK of a packet the device cut acknowledges each of its segments, as Linux counts them;
                // one MSS per ACK would make slow start linear when one ACK covers 64 KiB.
                uint limit = segmentationOffload ? acked : mss;
                cwnd += acked < limit ? acked : limit;
            }
            else
            {
                bytesAckedInAvoidance += acked;
                if (bytesAckedInAvoidance >= cwnd)
                {
                    bytesAckedInAvoidance -= cwnd;
                    cwnd += mss;
                }
            }
            // Growth the peer's window could never use only makes the next loss costlier (cf. RFC 7661).
            uint ceiling = 2 * maxSndWnd + 10 * mss;
            if (cwnd > ceiling)
                cwnd = ceiling;
        }

        private void OnDuplicateAck(uint ack)
        {
            duplicateAcks++;
            if (scoreboard != null)
                return; // SACK: SackAfterAck decides, from the scoreboard.
            uint mss = (uint)effectiveMss;
            if (inFastRecovery)
            {
                cwnd += mss; // Each duplicate ACK means a segment has left the network.
                return;
            }
            // RFC 6582 section 3.2 step 2: only when the ACK covers everything sent before the last
            // recovery ("recover" is one past it here), so one loss episode (or a timeout's
            // retransmissions) does not halve the window twice.
            if (duplicateAcks == 3 && Seq.Ge(ack, recover))
            {
                TcpCounters.FastRetransmits++;
                ssthresh = HalfFlightOrTwoSegments();
                recover = sndMax;
                inFastRecovery = true;
                partialAckSeen = false;
                RetransmitFirst();
                cwnd = ssthresh + 3 * mss;
            }
        }

        /// <summary>RFC 5681 section 3.1, equation 4, and the loss window of one segment.</summary>
        private void OnRetransmitTimeoutCongestion()
        {
            if (retries == 1)
                ssthresh = HalfFlightOrTwoSegments();
            cwnd = (uint)effectiveMss;
            bytesAckedInAvoidance = 0;
            duplicateAcks = 0;
            inFastRecovery = false;
            recover = sndMax;
        }
    }
}
