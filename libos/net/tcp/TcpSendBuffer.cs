using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// The bytes the application has handed to TCP and the peer has not acknowledged yet, as a ring of
    /// fixed size: offset 0 is the byte at SND.UNA. Data leaves only when acknowledged, so a
    /// retransmission copies from here again.
    /// </summary>
    internal sealed class TcpSendBuffer
    {
        private byte[] ring;
        private int head;
        private int count;

        public TcpSendBuffer(int capacity)
        {
            ring = new byte[capacity];
        }

        public int Capacity => ring.Length;
        public int Count => count;
        public int Free => ring.Length - count;

        public int Write(ReadOnlySpan<byte> data)
        {
            int n = data.Length < Free ? data.Length : Free;
            int tail = head + count;
            if (tail >= ring.Length)
                tail -= ring.Length;
            int first = ring.Length - tail;
            if (first > n)
                first = n;
            data.Slice(0, first).CopyTo(new Span<byte>(ring, tail, first));
            if (n > first)
                data.Slice(first, n - first).CopyTo(new Span<byte>(ring, 0, n - first));
            count += n;
            return n;
        }

        /// <summary>Copies <paramref name="into"/>.Length bytes starting <paramref name="offset"/> bytes after SND.UNA.</summary>
        public void CopyOut(int offset, Span<byte> into)
        {
            int at = head + offset;
            if (at >= ring.Length)
                at -= ring.Length;
            int n = into.Length;
            int first = ring.Length - at;
            if (first > n)
                first = n;
            new ReadOnlySpan<byte>(ring, at, first).CopyTo(into);
            if (n > first)
                new ReadOnlySpan<byte>(ring, 0, n - first).CopyTo(into.Slice(first));
        }

        /// <summary>Moves the queued bytes into a larger ring (auto-tuning); offsets from SND.UNA stay valid.</summary>
        public void Grow(int capacity)
        {
            if (capacity <= ring.Length)
                return;
            var larger = new byte[capacity];
            CopyOut(0, new Span<byte>(larger, 0, count));
            ring = larger;
            head = 0;
        }

        /// <summary>Forgets <paramref name="n"/> acknowledged bytes.</summary>
        public void Discard(int n)
        {
            count -= n;
            head += n;
            if (head >= ring.Length)
                head -= ring.Length;
            if (count == 0)
                head = 0;
        }
    }
}
