namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// The sender's SACK scoreboard (RFC 6675 section 3): the ranges above SND.UNA the peer has
    /// selectively acknowledged, sorted, disjoint and not touching, as two fixed arrays allocated once
    /// per connection (no allocation per segment or per ACK). Data is never freed on a SACK: only
    /// the cumulative ACK discards it from the send buffer, so a receiver that reneges (RFC 2018
    /// section 8) costs retransmissions, never data. A block that would need more than
    /// <see cref="Capacity"/> ranges evicts the lowest one (its bytes count as not SACKed again:
    /// at worst they are retransmitted needlessly).
    /// </summary>
    internal sealed class TcpScoreboard
    {
        public const int Capacity = 32;

        private readonly uint[] start = new uint[Capacity];
        private readonly uint[] end = new uint[Capacity];
        private int count;
        /// <summary>Sum of the ranges' lengths.</summary>
        private uint sackedBytes;

        public int Count => count;
        public uint SackedBytes => sackedBytes;
        public uint Start(int i) => start[i];
        public uint End(int i) => end[i];
        /// <summary>One past the highest SACKed byte (HighSACK); meaningless when empty.</summary>
        public uint HighestEnd => end[count - 1];

        public void Clear()
        {
            count = 0;
            sackedBytes = 0;
        }

        /// <summary>
        /// Forgets what the cumulative ACK now covers. Returns true when the peer has reneged: the
        /// new SND.UNA lies at the start of or inside a range it had SACKed, which a receiver that
        /// still held that range would have acknowledged as well (RFC 2018 section 8). The
        /// scoreboard is then cleared: nothing it says can be trusted.
        /// </summary>
        public bool Advance(uint una)
        {
            int drop = 0;
            while (drop < count && Seq.Le(end[drop], una))
            {
                sackedBytes -= end[drop] - start[drop];
                drop++;
            }
            if (drop > 0)
            {
                for (int i = drop; i < count; i++)
                {
                    start[i - drop] = start[i];
                    end[i - drop] = end[i];
                }
                count -= drop;
            }
            if (count > 0 && Seq.Le(start[0], una))
            {
                Clear();
                return true;
            }
            return false;
        }

        /// <summary>
        /// Records one received SACK block, clipped to (SND.UNA, SND.MAX]. Blocks wholly at or below
        /// SND.UNA (D-SACK, RFC 2883), empty, reversed or beyond what was sent are ignored. Returns
        /// the number of bytes newly SACKed.
        /// </summary>
        public uint Add(uint blockStart, uint blockEnd, uint una, uint dataEnd)
        {
            if (!Seq.Lt(blockStart, blockEnd) || Seq.Gt(blockEnd, dataEnd) || Seq.Le(blockEnd, una))
                return 0;
            if (Seq.Lt(blockStart, una))
                blockStart = una;
            // First range that ends at or after the block's start, then the ranges the block overlaps or touches.
            int i = 0;
            while (i < count && Seq.Lt(end[i], blockStart))
                i++;
            int j = i;
            while (j < count && Seq.Le(start[j], blockEnd))
                j++;
            uint before = sackedBytes;
            if (i == j)
            {
                if (count == Capacity)
                {
                    if (i == 0)
                        return 0; // Below every range we keep: the least useful information.
                    sackedBytes -= end[0] - start[0];
                    for (int k = 1; k < i; k++)
                    {
                        start[k - 1] = start[k];
                        end[k - 1] = end[k];
                    }
                    i--;
                }
                else
                {
                    for (int k = count; k > i; k--)
                    {
                        start[k] = start[k - 1];
                        end[k] = end[k - 1];
                    }
                    count++;
                }
                start[i] = blockStart;
                end[i] = blockEnd;
                sackedBytes += blockEnd - blockStart;
                return blockEnd - blockStart;
            }
            uint mergedStart = Seq.Lt(start[i], blockStart) ? start[i] : blockStart;
            uint mergedEnd = Seq.Gt(end[j - 1], blockEnd) ? end[j - 1] : blockEnd;
            for (int k = i; k < j; k++)
                sackedBytes -= end[k] - start[k];
            start[i] = mergedStart;
            end[i] = mergedEnd;
            sackedBytes += mergedEnd - mergedStart;
            int removed = j - i - 1;
            if (removed > 0)
            {
                for (int k = j; k < count; k++)
                {
                    start[k - removed] = start[k];
                    end[k - removed] = end[k];
                }
                count -= removed;
            }
            return sackedBytes - before;
        }

        /// <summary>Whether <paramref name="seq"/> lies in a SACKed range.</summary>
        public bool IsSacked(uint seq)
        {
            for (int i = 0; i < count; i++)
            {
                if (Seq.Lt(seq, start[i]))
                    return false;
                if (Seq.Lt(seq, end[i]))
                    return true;
            }
            return false;
        }

        /// <summary>
        /// RFC 6675's IsLost, for every hole at once. Hole k is the unSACKed gap just below range k;
        /// it is lost when DupThresh ranges lie above it or more than (DupThresh - 1) * SMSS bytes
        /// above it are SACKed. Both grow towards lower holes, so the lost holes are 0..k: returns
        /// that k, or -1 when none is lost.
        /// </summary>
        public int LastLostHole(uint mss, int dupThresh)
        {
            uint above = 0;
            for (int k = count - 1; k >= 0; k--)
            {
                above += end[k] - start[k];
                if (count - k >= dupThresh || above > (uint)(dupThresh - 1) * mss)
                    return k;
            }
            return -1;
        }
    }
}
