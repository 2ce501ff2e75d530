using System;

namespace Kv.Resp
{
    /// <summary>
    /// Replies of one batch of pipelined commands, encoded straight into a reusable byte buffer that is
    /// sent with one Send. The buffer grows for big replies (LRANGE, KEYS) and is given back when a
    /// huge one has gone out, so an idle client holds little.
    /// </summary>
    internal sealed class ReplyWriter
    {
        private const int InitialSize = 16 * 1024;

        public byte[] Buffer = new byte[InitialSize];
        public int Length;

        public void Reset()
        {
            Length = 0;
            if (Buffer.Length > 1024 * 1024)
                Buffer = new byte[InitialSize];
        }

        private void Ensure(int more)
        {
            if (Length + more <= Buffer.Length)
                return;
            long size = Buffer.Length;
            while (size < (long)Length + more) size *= 2;
            var bigger = new byte[size > int.MaxValue ? int.MaxValue : size];
            Array.Copy(Buffer, bigger, Length);
            Buffer = bigger;
        }

        private void PutAscii(string s)
        {
            // Every protocol word and error text is ASCII; a non-ASCII char (from a client's bytes shown
            // in an error) was decoded from one byte and goes back as that byte.
            Ensure(s.Length);
            for (int i = 0; i < s.Length; i++)
                Buffer[Length++] = (byte)s[i];
        }

        private void PutCrlf()
        {
            Buffer[Length++] = (byte)'\r';
            Buffer[Length++] = (byte)'\n';
        }

        private void PutLong(long v)
        {
            Ensure(20);
            if (v < 0)
            {
                Buffer[Length++] = (byte)'-';
                PutULong(0 - (ulong)v);
            }
            else
            {
                PutULong((ulong)v);
            }
        }

        private void PutULong(ulong v)
        {
            int digits = 1;
            for (ulong t = v; t >= 10; t /= 10) digits++;
            int end = Length + digits;
            for (int i = end - 1; i >= Length; i--)
            {
                Buffer[i] = (byte)('0' + (int)(v % 10));
                v /= 10;
            }
            Length = end;
        }

        /// <summary>A line with a type prefix and a number: ":n", "*n", "$n".</summary>
        private void Header(byte prefix, long n)
        {
            Ensure(24);
            Buffer[Length++] = prefix;
            PutLong(n);
            PutCrlf();
        }

        public void Simple(string s)
        {
            Ensure(s.Length + 3);
            Buffer[Length++] = (byte)'+';
            PutAscii(s);
            Ensure(2);
            PutCrlf();
        }

        public void Ok() => Simple("OK");

        /// <summary>An error; "ERR " is prefixed unless the text starts with '-' and its own code (Redis's convention).</summary>
        public void Error(string message)
        {
            Ensure(message.Length + 8);
            if (message.Length > 0 && message[0] == '-')
            {
                Buffer[Length++] = (byte)'-';
                message = message.Substring(1);
            }
            else
            {
                PutAscii("-ERR ");
            }
            // Newlines would end the reply early; Redis replaces them too.
            Ensure(message.Length + 2);
            for (int i = 0; i < message.Length; i++)
            {
                char c = message[i];
                Buffer[Length++] = c == '\r' || c == '\n' ? (byte)' ' : (byte)c;
            }
            PutCrlf();
        }

        public void Integer(long v) => Header((byte)':', v);

        public void ArrayHeader(long n) => Header((byte)'*', n);

        public void NullBulk()
        {
            Ensure(5);
            PutAscii("$-1\r\n");
        }

        public void NullArray()
        {
            Ensure(5);
            PutAscii("*-1\r\n");
        }

        public void Bulk(ReadOnlySpan<byte> data)
        {
            Ensure(data.Length + 24);
            Buffer[Length++] = (byte)'$';
            PutLong(data.Length);
            PutCrlf();
            data.CopyTo(new Span<byte>(Buffer, Length, data.Length));
            Length += data.Length;
            PutCrlf();
        }

        public void BulkString(string s)
        {
            Ensure(s.Length + 24);
            Buffer[Length++] = (byte)'$';
            PutLong(s.Length);
            PutCrlf();
            PutAscii(s);
            Ensure(2);
            PutCrlf();
        }

        public void BulkLong(long v)
        {
            Ensure(48);
            int digits = v < 0 ? 2 : 1;
            for (ulong t = v < 0 ? 0 - (ulong)v : (ulong)v; t >= 10; t /= 10) digits++;
            Buffer[Length++] = (byte)'$';
            PutLong(digits);
            PutCrlf();
            PutLong(v);
            PutCrlf();
        }

        /// <summary>A score, as Redis 7.0 replies with one in RESP2: a bulk string of "%.17g".</summary>
        public void Double(double d) => BulkString(Kv.Util.Numbers.FormatG17(d));

        /// <summary>Bytes as they are (an inline reply built elsewhere).</summary>
        public void Raw(ReadOnlySpan<byte> data)
        {
            Ensure(data.Length);
            data.CopyTo(new Span<byte>(Buffer, Length, data.Length));
            Length += data.Length;
        }
    }
}
