namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// The connection's timers, as absolute deadlines in microseconds (long.MaxValue = not running):
    /// retransmission (also for SYN and SYN-ACK), persist, delayed ACK, and one for the state
    /// (TIME-WAIT, FIN-WAIT-2). <see cref="TcpLayer.Poll"/> runs them when due.
    /// </summary>
    public sealed partial class TcpSocket
    {
        private long rtoDeadline = long.MaxValue;
        private long persistDeadline = long.MaxValue;
        private long delayedAckDeadline = long.MaxValue;
        private long stateDeadline = long.MaxValue;
        /// <summary>Consecutive expiries of the retransmission timer for the same data.</summary>
        private int retries;
        private int persistBackoff;

        internal long NextDeadline
        {
            get
            {
                long d = rtoDeadline;
                if (persistDeadline < d) d = persistDeadline;
                if (delayedAckDeadline < d) d = delayedAckDeadline;
                if (stateDeadline < d) d = stateDeadline;
                return d;
            }
        }

        private void ArmRetransmit()
        {
            rtoDeadline = layer.now + rto;
            layer.NoteDeadline(rtoDeadline);
        }

        private void ArmPersist()
        {
            long interval = rto << (persistBackoff < 16 ? persistBackoff : 16);
            if (interval > settings.MaximumRtoMicroseconds)
                interval = settings.MaximumRtoMicroseconds;
            persistDeadline = layer.now + interval;
            layer.NoteDeadline(persistDeadline);
        }

        private void ArmStateTimer(long duration)
        {
            stateDeadline = layer.now + duration;
            layer.NoteDeadline(stateDeadline);
        }

        internal void RunTimers(long now)
        {
            if (delayedAckDeadline <= now)
            {
                delayedAckDeadline = long.MaxValue;
                TcpCounters.DelayedAcks++;
                ackNow = true;
                Output();
            }
            if (rtoDeadline <= now)
            {
                rtoDeadline = long.MaxValue;
                OnRetransmitTimeout();
                if (state == TcpState.Closed)
                    return;
            }
            if (persistDeadline <= now)
            {
                persistDeadline = long.MaxValue;
                OnPersistTimeout();
            }
            if (stateDeadline <= now)
            {
                stateDeadline = long.MaxValue;
                if (state == TcpState.TimeWait || state == TcpState.FinWait2)
                    EnterClosed(TcpError.None);
            }
        }

        private void BackOff()
        {
            rto *= 2;
            if (rto > settings.MaximumRtoMicroseconds)
                rto = settings.MaximumRtoMicroseconds;
        }

        /// <summary>RFC 6298 section 5: retransmit the earliest unacknowledged segment, back off, and give up after the configured retries.</summary>
        private void OnRetransmitTimeout()
        {
            retries++;
            TcpCounters.RetransmissionTimeouts++;
            switch (state)
            {
                case TcpState.SynSent:
                    if (retries > settings.SynRetries)
                    {
                        TcpCounters.ConnectionsTimedOut++;
                        EnterClosed(TcpError.TimedOut);
                        return;
                    }
                    BackOff();
                    TcpCounters.Retransmissions++;
                    SendSyn();
                    return;
                case TcpState.SynReceived:
                    if (retries > settings.SynAckRetries)
                    {
                        TcpCounters.ConnectionsTimedOut++;
                        EnterClosed(listener != null ? TcpError.None : TcpError.TimedOut);
                        return;
                    }
                    BackOff();
                    TcpCounters.Retransmissions++;
                    SendSyn();
                    return;
                case TcpState.Established:
                case TcpState.CloseWait:
                case TcpState.FinWait1:
                case TcpState.Closing:
                case TcpState.LastAck:
                    break;
                default:
                    return;
            }
            if (sndMax == sndUna)
                return;
            if (retries > settings.DataRetries)
            {
                TcpCounters.ConnectionsTimedOut++;
                SendReset();
                EnterClosed(TcpError.TimedOut);
                return;
            }
            OnRetransmitTimeoutCongestion();
            BackOff();
            if (scoreboard != null)
            {
                SackOnRetransmitTimeout();
                ArmRetransmit();
                return;
            }
            // Go-back-N: everything after SND.UNA is resent as the (now one-segment) window allows.
            sndNxt = sndUna;
            RetransmitFirst();
            ArmRetransmit();
        }

        /// <summary>RFC 9293 section 3.8.6.1: probe a zero window with exponential back-off, for as long as the peer answers.</summary>
        private void OnPersistTimeout()
        {
            if (sndWnd != 0 || sendBuffer == null || sendBuffer.Count == 0 || sndMax != sndUna)
                return;
            SendWindowProbe();
            if (persistBackoff < 16)
                persistBackoff++;
            ArmPersist();
        }
    }
}
