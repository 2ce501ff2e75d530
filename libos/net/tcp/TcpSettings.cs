namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Timer values and limits, one instance per <see cref="TcpLayer"/> so that tests can shorten them.
    /// The defaults and why they were chosen are in docs/net-tcp.md ("Timers").
    /// </summary>
    public sealed class TcpSettings
    {
        /// <summary>2*MSL. RFC 9293 suggests MSL = 2 minutes; like Linux we use 60 s in total.</summary>
        public static long DefaultTimeWaitMicroseconds = 60_000_000;

        public long TimeWaitMicroseconds = DefaultTimeWaitMicroseconds;
        /// <summary>RFC 6298 says 1 s; Linux's 200 ms is what peers on a LAN expect and what makes loss recovery fast.</summary>
        public long MinimumRtoMicroseconds = 200_000;
        public long MaximumRtoMicroseconds = 60_000_000;
        /// <summary>RFC 6298's G, the clock's granularity: the least 4*RTTVAR counts for in the RTO. The network loop raises it to the kernel's tick on Linux.</summary>
        public long ClockGranularityMicroseconds = 1000;
        /// <summary>RFC 6298 section 2.1: before any RTT sample (SYN, SYN-ACK).</summary>
        public long InitialRtoMicroseconds = 1_000_000;
        /// <summary>RFC 1122 allows up to 500 ms; Linux's 40 ms keeps request/response latency low.</summary>
        public long DelayedAckMicroseconds = 40_000;
        /// <summary>
        /// In-order data segments acknowledged at once at the start of a connection, before delayed ACKs
        /// begin (Linux's quick-ACK mode). Without it a client that writes twice before it reads (headers,
        /// then a body) waits 40 ms: its Nagle holds the second write until our delayed ACK of the first.
        /// </summary>
        public int QuickAcksAtStart = 16;
        /// <summary>How long an orphaned connection (closed by its user) may sit in FIN-WAIT-2.</summary>
        public long FinWait2TimeoutMicroseconds = 60_000_000;
        /// <summary>SYN retransmissions before Connect fails with TimedOut (1+2+4+8+16+32 s, as Linux' 6).</summary>
        public int SynRetries = 6;
        /// <summary>SYN-ACK retransmissions before a half-open connection is dropped.</summary>
        public int SynAckRetries = 5;
        /// <summary>Data retransmissions before the connection is reset with TimedOut (Linux: 15, ~15 min).</summary>
        public int DataRetries = 15;
        /// <summary>Half-open connections per listener; SYNs beyond it are dropped (DroppedTcpSynQueueFull).</summary>
        public int SynQueueLimit = 256;
        /// <summary>Upper bound for a listener's backlog of completed connections.</summary>
        public int MaximumBacklog = 4096;
        /// <summary>RFC 5961 section 7: challenge ACKs per second for the whole stack.</summary>
        public int ChallengeAcksPerSecond = 1000;
        /// <summary>
        /// Least interval between ACKs answering unacceptable pure ACKs on one connection (Linux:
        /// 500 ms); below the 200 ms minimum RTO so that every zero-window probe is answered.
        /// </summary>
        public long UnacceptableAckIntervalMicroseconds = 100_000;
        /// <summary>Separate out-of-order ranges kept per connection; a segment that would need more is dropped.</summary>
        public int MaximumOutOfOrderRanges = 16;
        /// <summary>Offer SACK (RFC 2018) in SYNs; see docs/net-tcp.md for what the sender does with it.</summary>
        public bool Sack = true;
        /// <summary>
        /// Send-buffer auto-tuning (docs/net-tcp.md, "Buffers"): the largest a connection's send buffer
        /// grows to when the application keeps it full and the windows would carry more (Linux's
        /// tcp_wmem[2] is 4 MiB), and the most all connections together may have grown by.
        /// </summary>
        public int MaximumAutoSendBuffer = 4 * 1024 * 1024;
        public long AutoSendBufferBudget = 64L * 1024 * 1024;
        public bool Timestamps = true;
        public bool WindowScaling = true;
    }

    /// <summary>TCP's own counters (the shared NetCounters keeps copies and drops).</summary>
    public static class TcpCounters
    {
        public static long SegmentsReceived;
        public static long SegmentsSent;
        public static long Retransmissions;
        public static long FastRetransmits;
        public static long RetransmissionTimeouts;
        public static long ZeroWindowProbes;
        public static long DelayedAcks;
        public static long ChallengeAcks;
        public static long ChallengeAcksSuppressed;
        public static long ResetsSent;
        public static long ResetsReceived;
        public static long PawsRejected;
        public static long OutOfOrderSegments;
        public static long OutOfOrderDropped;
        public static long ConnectionsEstablished;
        public static long ConnectionsTimedOut;
        public static long TimeWaitReused;
        /// <summary>Send buffers doubled by auto-tuning, and ACKs at which a doubling was due but the stack-wide budget refused it.</summary>
        public static long SendBufferGrowths, SendBufferGrowthRefused;
        /// <summary>SACK recovery (RFC 6675): retransmissions found lost by later SACKs, rescue retransmissions (rule 4), RFC 5827 early retransmits, peers that reneged on SACKed data.</summary>
        public static long LostRetransmissions;
        public static long RescueRetransmissions;
        public static long EarlyRetransmits;
        public static long SackRenegings;
    }
}
