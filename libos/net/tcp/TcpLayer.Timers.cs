namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Timer scan. Sockets lower <see cref="NextDeadlineMicroseconds"/> whenever they arm a timer
    /// earlier; cancelling or pushing a timer back leaves it early, which costs one spurious scan,
    /// never a missed timer. A scan visits every connection, which is cheap next to per-segment
    /// work while deadlines are tens of milliseconds apart.
    /// </summary>
    public sealed partial class TcpLayer
    {
        private long nextDeadline = long.MaxValue;

        /// <summary>When <see cref="Poll"/> next has work (long.MaxValue: no timer runs), for the network loop's sleep.</summary>
        public long NextDeadlineMicroseconds => nextDeadline;

        internal void NoteDeadline(long deadline)
        {
            if (deadline < nextDeadline)
                nextDeadline = deadline;
        }

        /// <summary>The earliest armed timer, by a full scan (tests and diagnostics; the loop uses the cheap bound above).</summary>
        internal long ExactNextDeadline()
        {
            long next = long.MaxValue;
            for (int i = 0; i < connections.Count; i++)
            {
                long deadline = connections.At(i).NextDeadline;
                if (deadline < next)
                    next = deadline;
            }
            return next;
        }

        /// <summary>Runs the timers that are due: retransmission, delayed ACK, persist, TIME-WAIT, FIN-WAIT-2, SYN-RECEIVED.</summary>
        public void Poll()
        {
            now = host.NowMicroseconds;
            if (now < nextDeadline)
                return;
            nextDeadline = long.MaxValue;
            long next = long.MaxValue;
            // Downwards, because a socket that closes is swap-removed with the last one, already visited.
            for (int i = connections.Count - 1; i >= 0; i--)
            {
                if (i >= connections.Count)
                    continue;
                TcpSocket socket = connections.At(i);
                if (socket.NextDeadline <= now)
                {
                    socket.RunTimers(now);
                    NotifyIfPending(socket);
                }
                if (socket.TableIndex >= 0)
                {
                    long deadline = socket.NextDeadline;
                    if (deadline < next)
                        next = deadline;
                }
            }
            if (next < nextDeadline)
                nextDeadline = next;
        }
    }
}
