using System;

namespace Kv.Resp
{
    internal enum ParseStatus
    {
        /// <summary>A command is in <see cref="RequestParser"/>'s arguments.</summary>
        Command,
        /// <summary>A request without arguments (an empty line, "*0"): consumed, nothing to run.</summary>
        Empty,
        /// <summary>More bytes are needed.</summary>
        Incomplete,
        /// <summary>A protocol error: reply <see cref="RequestParser.Error"/> and close, as Redis does.</summary>
        Error,
    }

    /// <summary>
    /// Parses one request (RESP2 multibulk "*N\r\n$len\r\n...", or an inline line) in place: arguments are
    /// (offset, length) pairs into the receive buffer, nothing is copied, nothing allocated. Inline
    /// arguments with quotes or escapes are decoded into a scratch buffer. The parser keeps no state
    /// between calls: an incomplete request is parsed again from its start once more bytes arrive, which
    /// costs a rescan of its headers only (bulk payloads are skipped by length). Errors and their order
    /// follow Redis 7.0's processMultibulkBuffer/processInlineBuffer.
    /// </summary>
    internal sealed class RequestParser
    {
        /// <summary>Redis's PROTO_INLINE_MAX_SIZE: the longest inline request or header line.</summary>
        public const int InlineMax = 64 * 1024;

        public byte[] Buffer;          // what the arguments point into
        public int[] Start = new int[16];
        public int[] Length = new int[16];
        public int Count;
        public string Error;

        /// <summary>proto-max-bulk-len: a longer bulk is a protocol error.</summary>
        public long MaxBulkLength = 512L * 1024 * 1024;

        private byte[] scratch = new byte[256];

        public ReadOnlySpan<byte> Arg(int i) => new ReadOnlySpan<byte>(Buffer, Start[i], Length[i]);

        public ParseStatus Parse(byte[] buf, int pos, int end, out int consumed)
        {
            consumed = 0;
            Buffer = buf;
            Count = 0;
            return buf[pos] == (byte)'*' ? ParseMultibulk(buf, pos, end, out consumed) : ParseInline(buf, pos, end, out consumed);
        }

        private ParseStatus ParseMultibulk(byte[] buf, int pos, int end, out int consumed)
        {
            consumed = 0;
            int cr = LineEnd(buf, pos, end, (byte)'\r');
            if (cr < 0 || cr + 1 >= end)
                return end - pos > InlineMax ? Fail("Protocol error: too big mbulk count string") : ParseStatus.Incomplete;
            if (!ParseLong(buf, pos + 1, cr, out long n) || n > int.MaxValue)
                return Fail("Protocol error: invalid multibulk length");
            int q = cr + 2;
            if (n <= 0)
            {
                consumed = q - pos;
                return ParseStatus.Empty;
            }
            for (int i = 0; i < n; i++)
            {
                if (q >= end)
                    return ParseStatus.Incomplete;
                // The whole header line first, then its '$': Redis's order, which decides what an
                // incomplete malformed header yields (waiting, not an error).
                cr = LineEnd(buf, q, end, (byte)'\r');
                if (cr < 0 || cr + 1 >= end)
                    return end - q > InlineMax ? Fail("Protocol error: too big bulk count string") : ParseStatus.Incomplete;
                if (buf[q] != (byte)'$')
                    return Fail("Protocol error: expected '$', got '" + (char)buf[q] + "'");
                if (!ParseLong(buf, q + 1, cr, out long len) || len < 0 || len > MaxBulkLength)
                    return Fail("Protocol error: invalid bulk length");
                q = cr + 2;
                if ((long)end - q < len + 2)
                    return ParseStatus.Incomplete;
                AddArg(q, (int)len);
                // Like Redis, the two bytes after the payload are skipped, not checked.
                q += (int)len + 2;
            }
            consumed = q - pos;
            return ParseStatus.Command;
        }

        private ParseStatus ParseInline(byte[] buf, int pos, int end, out int consumed)
        {
            consumed = 0;
            int nl = LineEnd(buf, pos, end, (byte)'\n');
            if (nl < 0)
                return end - pos > InlineMax ? Fail("Protocol error: too big inline request") : ParseStatus.Incomplete;
            consumed = nl + 1 - pos;
            int lineEnd = nl > pos && buf[nl - 1] == (byte)'\r' ? nl - 1 : nl;
            if (!SplitArgs(buf, pos, lineEnd))
                return Fail("Protocol error: unbalanced quotes in request");
            return Count == 0 ? ParseStatus.Empty : ParseStatus.Command;
        }

        /// <summary>Redis's sdssplitargs: spaces separate, "..." with C escapes and \xHH, '...' with \'.</summary>
        private bool SplitArgs(byte[] buf, int p, int end)
        {
            if (scratch.Length < end - p)
                scratch = new byte[end - p];
            int w = 0;
            while (true)
            {
                while (p < end && IsSpace(buf[p])) p++;
                if (p >= end)
                    break;
                int start = w;
                bool inDouble = false, inSingle = false, done = false;
                while (!done)
                {
                    if (inDouble)
                    {
                        if (p >= end) return false;
                        byte c = buf[p];
                        if (c == (byte)'\\' && p + 3 < end && buf[p + 1] == (byte)'x' && IsHex(buf[p + 2]) && IsHex(buf[p + 3]))
                        {
                            scratch[w++] = (byte)(Hex(buf[p + 2]) * 16 + Hex(buf[p + 3]));
                            p += 3;
                        }
                        else if (c == (byte)'\\' && p + 1 < end)
                        {
                            p++;
                            byte e = buf[p];
                            scratch[w++] = e == (byte)'n' ? (byte)'\n' : e == (byte)'r' ? (byte)'\r' : e == (byte)'t' ? (byte)'\t'
                                : e == (byte)'b' ? (byte)'\b' : e == (byte)'a' ? (byte)7 : e;
                        }
                        else if (c == (byte)'"')
                        {
                            // The closing quote must end the argument.
                            if (p + 1 < end && !IsSpace(buf[p + 1])) return false;
                            done = true;
                        }
                        else
                        {
                            scratch[w++] = c;
                        }
                    }
                    else if (inSingle)
                    {
                        if (p >= end) return false;
                        byte c = buf[p];
                        if (c == (byte)'\\' && p + 1 < end && buf[p + 1] == (byte)'\'')
                        {
                            p++;
                            scratch[w++] = (byte)'\'';
                        }
                        else if (c == (byte)'\'')
                        {
                            if (p + 1 < end && !IsSpace(buf[p + 1])) return false;
                            done = true;
                        }
                        else
                        {
                            scratch[w++] = c;
                        }
                    }
                    else
                    {
                        if (p >= end) break;
                        byte c = buf[p];
                        if (c == (byte)' ' || c == (byte)'\n' || c == (byte)'\r' || c == (byte)'\t' || c == 0)
                            done = true;
                        else if (c == (byte)'"')
                            inDouble = true;
                        else if (c == (byte)'\'')
                            inSingle = true;
                        else
                            scratch[w++] = c;
                    }
                    if (p < end) p++;
                }
                AddArg(start, w - start);
            }
            Buffer = scratch;
            return true;
        }

        private void AddArg(int start, int length)
        {
            if (Count == Start.Length)
            {
                Array.Resize(ref Start, Count * 2);
                Array.Resize(ref Length, Count * 2);
            }
            Start[Count] = start;
            Length[Count] = length;
            Count++;
        }

        private ParseStatus Fail(string message)
        {
            Error = message;
            return ParseStatus.Error;
        }

        /// <summary>
        /// A line end as Redis finds it, with strchr on its NUL-terminated buffer: a NUL byte before it hides
        /// it, so the request stays incomplete (until the 64 KB limit makes it an error), as in Redis.
        /// </summary>
        private static int LineEnd(byte[] buf, int from, int end, byte value)
        {
            int i = new ReadOnlySpan<byte>(buf, from, end - from).IndexOfAny(value, (byte)0);
            return i < 0 || buf[from + i] == 0 ? -1 : from + i;
        }

        /// <summary>string2ll over buf[from..to).</summary>
        private static bool ParseLong(byte[] buf, int from, int to, out long value) =>
            Kv.Util.Numbers.TryParseInt64(new ReadOnlySpan<byte>(buf, from, to - from), out value);

        private static bool IsSpace(byte b) => b == (byte)' ' || (b >= 9 && b <= 13);

        private static bool IsHex(byte b) => (b >= (byte)'0' && b <= (byte)'9') || ((b | 32) >= (byte)'a' && (b | 32) <= (byte)'f');

        private static int Hex(byte b) => b <= (byte)'9' ? b - '0' : (b | 32) - 'a' + 10;
    }
}
