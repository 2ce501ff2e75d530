using System;
using System.Text;
using Http.Platform;
using Http.Protocol;

namespace Http.Server
{
    /// <summary>
    /// One line per request on standard output, in the combined log format:
    /// 127.0.0.1 - - [06/Dec/2026:07:10:34 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/7.88.1".
    /// Bytes of the request a terminal or a log parser could misread (quotes, backslashes, controls,
    /// non-ASCII) are written as \xHH. Lines are built whole and written under one lock so they never mix.
    /// </summary>
    internal static class AccessLog
    {
        private static readonly object Gate = new object();

        public static void Write(string remote, byte[] b, Request r, int status, long bodyBytes, int fallbackStart, int fallbackEnd)
        {
            var sb = new StringBuilder(160);
            sb.Append(remote).Append(" - - [").Append(HttpDate.LogTime(Clock.UnixSeconds())).Append("] \"");
            if (r.RequestLine.Present)
                Escape(sb, b, r.RequestLine.Start, r.RequestLine.Length);
            else
            {
                // No request line was parsed (the head was refused first): the start of what was received.
                int end = fallbackStart;
                while (end < fallbackEnd && end - fallbackStart < 256 && b[end] != '\n' && b[end] != '\r') end++;
                Escape(sb, b, fallbackStart, end - fallbackStart);
            }
            sb.Append("\" ").Append(status).Append(' ').Append(bodyBytes).Append(" \"");
            Field(sb, b, r.Referer);
            sb.Append("\" \"");
            Field(sb, b, r.UserAgent);
            sb.Append('"');
            string line = sb.ToString();
            lock (Gate) Console.WriteLine(line);
        }

        private static void Field(StringBuilder sb, byte[] b, Slice s)
        {
            if (s.Present && s.Length > 0) Escape(sb, b, s.Start, s.Length);
            else sb.Append('-');
        }

        private static void Escape(StringBuilder sb, byte[] b, int start, int length)
        {
            const string hex = "0123456789ABCDEF";
            for (int i = start; i < start + length; i++)
            {
                byte c = b[i];
                if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') sb.Append((char)c);
                else sb.Append("\\x").Append(hex[c >> 4]).Append(hex[c & 15]);
            }
        }
    }
}
