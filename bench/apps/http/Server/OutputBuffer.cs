using System;
using System.Net.Sockets;

namespace Http.Server
{
    /// <summary>
    /// A connection's reusable send buffer: the responses to every request found in one receive (pipelining)
    /// are appended here and leave in one Send; a body too large for the space left is sent straight from
    /// the file's bytes after what is buffered. Send failures throw <see cref="SocketException"/>, which ends
    /// the connection.
    /// </summary>
    internal sealed class OutputBuffer
    {
        private readonly Socket socket;
        private readonly byte[] buffer;
        private int length;

        public OutputBuffer(Socket socket, int capacity)
        {
            this.socket = socket;
            buffer = new byte[capacity];
        }

        public int Free => buffer.Length - length;

        /// <summary>Makes room for <paramref name="count"/> bytes (at most the capacity) and returns where they go.</summary>
        public Span<byte> Reserve(int count)
        {
            if (count > Free) Flush();
            var span = new Span<byte>(buffer, length, count);
            length += count;
            return span;
        }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > Free)
            {
                Flush();
                if (bytes.Length > buffer.Length)
                {
                    SendAll(bytes);
                    return;
                }
            }
            bytes.CopyTo(new Span<byte>(buffer, length, bytes.Length));
            length += bytes.Length;
        }

        /// <summary>ASCII text (header names and values we make ourselves).</summary>
        public void Append(string ascii)
        {
            var to = Reserve(ascii.Length);
            for (int i = 0; i < ascii.Length; i++) to[i] = (byte)ascii[i];
        }

        public void AppendNumber(long value)
        {
            Span<byte> digits = stackalloc byte[20];
            int n = 0;
            do
            {
                digits[digits.Length - ++n] = (byte)('0' + value % 10);
                value /= 10;
            } while (value > 0);
            Append(digits.Slice(digits.Length - n));
        }

        /// <summary>A body: copied when it fits in the space left, else the buffer is topped up with its start and the rest sent directly.</summary>
        public void AppendBody(ReadOnlySpan<byte> body)
        {
            if (body.Length <= Free)
            {
                body.CopyTo(new Span<byte>(buffer, length, body.Length));
                length += body.Length;
                return;
            }
            int first = Free;
            body.Slice(0, first).CopyTo(new Span<byte>(buffer, length, first));
            length += first;
            Flush();
            SendAll(body.Slice(first));
        }

        public void Flush()
        {
            if (length == 0) return;
            SendAll(new ReadOnlySpan<byte>(buffer, 0, length));
            length = 0;
        }

        private void SendAll(ReadOnlySpan<byte> bytes)
        {
            // A blocking Send sends everything or fails; the loop only guards against a short count (SendTimeout).
            while (bytes.Length > 0)
            {
                int sent = socket.Send(bytes, SocketFlags.None);
                if (sent <= 0) throw new SocketException((int)SocketError.ConnectionAborted);
                bytes = bytes.Slice(sent);
            }
        }
    }
}
