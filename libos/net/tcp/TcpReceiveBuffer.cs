using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Received bytes waiting for the application, as a ring of fixed size. The free part of the ring
    /// is the receive window, and out-of-order segments are copied straight to their place in it, so
    /// the reassembly queue costs no memory beyond the window and needs no second copy when the hole is
    /// filled: only the list of filled ranges past RCV.NXT is kept (bounded; offsets relative to RCV.NXT).
    /// </summary>
    internal sealed class TcpReceiveBuffer
    {
        private readonly byte[] ring;
        private int head;
        private int count;

        private readonly int[] rangeStart;
        private readonly int[] rangeEnd;
        private int rangeCount;
        /// <summary>Offset of the most recently stored out-of-order byte: its range is SACKed first (RFC 2018, section 4).</summary>
        private int recentOffset = -1;

        public TcpReceiveBuffer(int capacity, int maximumRanges)
        {
            ring = new byte[capacity];
            rangeStart = new int[maximumRanges];
            rangeEnd = new int[maximumRanges];
        }

        public int Capacity => ring.Length;
        /// <summary>In-order bytes the application can read.</summary>
        public int Count => count;
        /// <summary>Room after the readable bytes: the most the peer may send past RCV.NXT.</summary>
        public int Free => ring.Length - count;
        public int OutOfOrderRanges => rangeCount;

        /// <summary>
        /// Stores <paramref name="payload"/> at <paramref name="offset"/> bytes past RCV.NXT (the caller
        /// has trimmed it to <see cref="Free"/>). Returns how far RCV.NXT advances, or -1 when the
        /// segment would need a range more than allowed and was not stored.
        /// </summary>
        public int Insert(int offset, ReadOnlySpan<byte> payload)
        {
            int length = payload.Length;
            int end = offset + length;
            if (offset > 0 && !AddRange(offset, end))
                return -1;

            int at = head + count + offset;
            if (at >= ring.Length)
                at -= ring.Length;
            int first = ring.Length - at;
            if (first > length)
                first = length;
            payload.Slice(0, first).CopyTo(new Span<byte>(ring, at, first));
            if (length > first)
                payload.Slice(first, length - first).CopyTo(new Span<byte>(ring, 0, length - first));

            if (offset > 0)
            {
                recentOffset = offset;
                return 0;
            }
            int advance = length;
            while (rangeCount > 0 && rangeStart[0] <= advance)
            {
                if (rangeEnd[0] > advance)
                    advance = rangeEnd[0];
                RemoveRanges(0, 1);
            }
            for (int i = 0; i < rangeCount; i++)
            {
                rangeStart[i] -= advance;
                rangeEnd[i] -= advance;
            }
            recentOffset = recentOffset >= advance ? recentOffset - advance : -1;
            count += advance;
            return advance;
        }

        /// <summary>Whether the byte at <paramref name="offset"/> past RCV.NXT has already arrived out of order.</summary>
        public bool Covers(int offset, int length)
        {
            for (int i = 0; i < rangeCount; i++)
                if (rangeStart[i] <= offset && offset + length <= rangeEnd[i])
                    return true;
            return false;
        }

        private bool AddRange(int start, int end)
        {
            int i = 0;
            while (i < rangeCount && rangeEnd[i] < start)
                i++;
            int j = i;
            while (j < rangeCount && rangeStart[j] <= end)
                j++;
            // Ranges i..j-1 overlap or touch [start, end).
            if (i == j)
            {
                if (rangeCount == rangeStart.Length)
                    return false;
                for (int k = rangeCount; k > i; k--)
                {
                    rangeStart[k] = rangeStart[k - 1];
                    rangeEnd[k] = rangeEnd[k - 1];
                }
                rangeStart[i] = start;
                rangeEnd[i] = end;
                rangeCount++;
                return true;
            }
            if (rangeStart[i] < start)
                start = rangeStart[i];
            if (rangeEnd[j - 1] > end)
                end = rangeEnd[j - 1];
            rangeStart[i] = start;
            rangeEnd[i] = end;
            RemoveRanges(i + 1, j - i - 1);
            return true;
        }

        private void RemoveRanges(int at, int n)
        {
            if (n == 0)
                return;
            for (int k = at; k + n < rangeCount; k++)
            {
                rangeStart[k] = rangeStart[k + n];
                rangeEnd[k] = rangeEnd[k + n];
            }
            rangeCount -= n;
        }

        /// <summary>
        /// The <paramref name="index"/>th SACK block as offsets past RCV.NXT: the range holding the most
        /// recent arrival first, then the others in sequence order.
        /// </summary>
        public void GetSackRange(int index, out int start, out int end)
        {
            int recent = 0;
            for (int i = 0; i < rangeCount; i++)
            {
                if (rangeStart[i] <= recentOffset && recentOffset < rangeEnd[i])
                {
                    recent = i;
                    break;
                }
            }
            int pick;
            if (index == 0)
                pick = recent;
            else
                pick = index <= recent ? index - 1 : index;
            start = rangeStart[pick];
            end = rangeEnd[pick];
        }

        public int Read(Span<byte> into)
        {
            int n = into.Length < count ? into.Length : count;
            int first = ring.Length - head;
            if (first > n)
                first = n;
            new ReadOnlySpan<byte>(ring, head, first).CopyTo(into);
            if (n > first)
                new ReadOnlySpan<byte>(ring, 0, n - first).CopyTo(into.Slice(first));
            head += n;
            if (head >= ring.Length)
                head -= ring.Length;
            count -= n;
            return n;
        }

        /// <summary>Drops everything readable (shutdown of the receive side).</summary>
        public void DiscardReadable()
        {
            head += count;
            if (head >= ring.Length)
                head -= ring.Length;
            count = 0;
        }
    }
}
