using System;

namespace Http.Protocol
{
    /// <summary>
    /// Parses a request head (RFC 9112) in place in the receive buffer. Strict where leniency has been the
    /// root of request smuggling: single spaces in the request line, no whitespace before a field's colon,
    /// no obs-fold, no control characters, one Content-Length, never Content-Length with Transfer-Encoding.
    /// Lenient where RFC 9112 allows it: a bare LF ends a line (§2.2), and empty lines before the request
    /// line are skipped (§2.2). Limits: the request line (414) and each field line (431) at most
    /// <see cref="MaxLine"/> bytes, the whole head (431) at most the buffer, at most <see cref="MaxFields"/>
    /// field lines (431).
    /// </summary>
    internal static class RequestParser
    {
        public const int MaxLine = 8192;
        public const int MaxFields = 100;
        public const int MaxMethod = 32;
        private const int MaxLeadingEmptyLines = 8;

        public enum Result { Incomplete, Complete }

        /// <summary>
        /// Parses the head that starts at <paramref name="start"/>; <paramref name="capacity"/> is the largest head
        /// (the receive buffer). Incomplete: more bytes are needed. Complete: either <see cref="Request.Error"/> is 0
        /// and <see cref="Request.HeadLength"/> is set, or it is the error status to answer before closing.
        /// </summary>
        public static Result Parse(byte[] buffer, int start, int end, int capacity, Request r)
        {
            r.Reset();
            int at = start;
            // Empty lines before the request line (a client's stray CRLF after a body), a few at most.
            for (int skipped = 0; ; skipped++)
            {
                int before = at;
                if (at < end && buffer[at] == '\n') at++;
                else if (at + 1 < end && buffer[at] == '\r' && buffer[at + 1] == '\n') at += 2;
                else if (at + 1 == end && buffer[at] == '\r') return Result.Incomplete;
                if (at == before) break;
                if (skipped == MaxLeadingEmptyLines) return Fail(r, 400);
            }
            int lineEnd = FindLineEnd(buffer, at, end);
            if (lineEnd < 0)
            {
                if (end - at > MaxLine) return Fail(r, 414);
                return end - start >= capacity ? Fail(r, 431) : Result.Incomplete;
            }
            int lineLength = ContentEnd(buffer, at, lineEnd) - at;
            if (lineLength > MaxLine) return Fail(r, 414);
            r.RequestLine = new Slice { Start = at, Length = lineLength };
            int error = RequestLine(buffer, at, at + lineLength, r);
            if (error != 0) return Fail(r, error);

            int next = lineEnd + 1;
            for (int fields = 0; ; fields++)
            {
                lineEnd = FindLineEnd(buffer, next, end);
                if (lineEnd < 0)
                {
                    if (end - next > MaxLine || end - start >= capacity) return Fail(r, 431);
                    return Result.Incomplete;
                }
                int contentEnd = ContentEnd(buffer, next, lineEnd);
                if (contentEnd == next)
                {
                    r.HeadLength = lineEnd + 1 - start;
                    r.Error = Check(r);
                    return Result.Complete;
                }
                if (contentEnd - next > MaxLine || fields == MaxFields) return Fail(r, 431);
                error = Field(buffer, next, contentEnd, r);
                if (error != 0) return Fail(r, error);
                next = lineEnd + 1;
            }
        }

        /// <summary>
        /// A head that can never be accepted is answered at once, without waiting for its end: the connection
        /// is closed after the response (its remaining bytes are drained by the lingering close).
        /// </summary>
        private static Result Fail(Request r, int status)
        {
            r.Error = status;
            r.HeadLength = 0;
            return Result.Complete;
        }

        private static int FindLineEnd(byte[] buffer, int from, int end) =>
            from >= end ? -1 : Array.IndexOf(buffer, (byte)'\n', from, end - from);

        /// <summary>The end of a line's content: before the CR of a CRLF, or at a bare LF.</summary>
        private static int ContentEnd(byte[] buffer, int start, int lineEnd) =>
            lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;

        /// <summary>method SP request-target SP HTTP-version.</summary>
        private static int RequestLine(byte[] b, int start, int end, Request r)
        {
            int i = start;
            while (i < end && IsTokenChar(b[i])) i++;
            if (i == start || i == end || b[i] != ' ' || i - start > MaxMethod) return 400;
            r.MethodName = new Slice { Start = start, Length = i - start };
            r.Method = Is(b, start, i, "GET") ? Method.Get : Is(b, start, i, "HEAD") ? Method.Head : Method.Other;
            int targetStart = ++i;
            while (i < end && b[i] > 0x20 && b[i] < 0x7F) i++;
            if (i == targetStart || i == end || b[i] != ' ') return 400;
            r.Target = new Slice { Start = targetStart, Length = i - targetStart };
            i++;
            // HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3).
            if (end - i != 8 || !Is(b, i, i + 5, "HTTP/") || !IsDigit(b[i + 5]) || b[i + 6] != '.' || !IsDigit(b[i + 7]))
                return 400;
            int major = b[i + 5] - '0';
            if (major != 1) return 505;
            r.Minor = b[i + 7] == '0' ? 0 : 1;
            return 0;
        }

        /// <summary>field-name ":" OWS field-value OWS.</summary>
        private static int Field(byte[] b, int start, int end, Request r)
        {
            // A line starting with whitespace is obs-fold (RFC 9112 §5.2: reject with 400) or whitespace
            // before the first field name (§2.2: reject).
            int i = start;
            while (i < end && IsTokenChar(b[i])) i++;
            if (i == start || i == end || b[i] != ':') return 400;
            int nameEnd = i;
            int valueStart = i + 1;
            while (valueStart < end && (b[valueStart] == ' ' || b[valueStart] == '\t')) valueStart++;
            int valueEnd = end;
            while (valueEnd > valueStart && (b[valueEnd - 1] == ' ' || b[valueEnd - 1] == '\t')) valueEnd--;
            for (int j = valueStart; j < valueEnd; j++)
            {
                byte c = b[j];
                if ((c < 0x20 && c != '\t') || c == 0x7F) return 400;
            }
            var value = new Slice { Start = valueStart, Length = valueEnd - valueStart };
            int nameLength = nameEnd - start;
            switch (nameLength)
            {
                case 4:
                    if (IsName(b, start, nameEnd, "host"))
                    {
                        if (++r.HostCount > 1) return 400;
                        if (!ValidHost(b, valueStart, valueEnd)) return 400;
                        r.Host = value;
                    }
                    break;
                case 5:
                    if (IsName(b, start, nameEnd, "range")) Once(ref r.Range, value, r);
                    break;
                case 6:
                    if (IsName(b, start, nameEnd, "expect")) r.ExpectContinue = IsName(b, valueStart, valueEnd, "100-continue");
                    break;
                case 7:
                    if (IsName(b, start, nameEnd, "referer")) r.Referer = value;
                    break;
                case 8:
                    if (IsName(b, start, nameEnd, "if-range")) Once(ref r.IfRange, value, r);
                    break;
                case 10:
                    if (IsName(b, start, nameEnd, "connection")) ConnectionOptions(b, valueStart, valueEnd, r);
                    else if (IsName(b, start, nameEnd, "user-agent")) r.UserAgent = value;
                    break;
                case 13:
                    if (IsName(b, start, nameEnd, "if-none-match")) Once(ref r.IfNoneMatch, value, r);
                    break;
                case 14:
                    if (IsName(b, start, nameEnd, "content-length"))
                    {
                        // Exactly one, all digits: a list or a second field (even an equal one) is an attack vector.
                        if (r.ContentLength >= 0 || valueEnd == valueStart || valueEnd - valueStart > 18) return 400;
                        long n = 0;
                        for (int j = valueStart; j < valueEnd; j++)
                        {
                            if (!IsDigit(b[j])) return 400;
                            n = n * 10 + (b[j] - '0');
                        }
                        r.ContentLength = n;
                    }
                    break;
                case 17:
                    if (IsName(b, start, nameEnd, "if-modified-since")) Once(ref r.IfModifiedSince, value, r);
                    else if (IsName(b, start, nameEnd, "transfer-encoding"))
                    {
                        r.Chunked = !r.HasTransferEncoding && IsName(b, valueStart, valueEnd, "chunked");
                        r.HasTransferEncoding = true;
                    }
                    break;
            }
            return 0;
        }

        /// <summary>Checks that need the whole head.</summary>
        private static int Check(Request r)
        {
            if (r.HasTransferEncoding)
            {
                // RFC 9112 §6.1: with Content-Length too it is an attack; in HTTP/1.0 it is not understood.
                if (r.ContentLength >= 0 || r.Minor == 0) return 400;
                if (!r.Chunked) return 501;
            }
            if (r.Minor >= 1 && r.HostCount == 0) return 400;
            return 0;
        }

        private static void Once(ref Slice field, Slice value, Request r)
        {
            if (field.Present) r.Repeated = true;
            field = value;
        }

        private static void ConnectionOptions(byte[] b, int start, int end, Request r)
        {
            int i = start;
            while (i < end)
            {
                while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == ',')) i++;
                int tokenStart = i;
                while (i < end && b[i] != ',' && b[i] != ' ' && b[i] != '\t') i++;
                if (IsName(b, tokenStart, i, "close")) r.ConnectionClose = true;
                else if (IsName(b, tokenStart, i, "keep-alive")) r.ConnectionKeepAlive = true;
            }
        }

        /// <summary>A host and optional port: letters, digits, '.', '-', '_', ':', '[', ']' (IPv6 literals); nothing that could name a path.</summary>
        private static bool ValidHost(byte[] b, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                byte c = b[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
                if (!ok) return false;
            }
            return true;
        }

        public static bool IsDigit(byte c) => c >= '0' && c <= '9';

        /// <summary>tchar (RFC 9110 §5.6.2).</summary>
        public static bool IsTokenChar(byte c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '!' || c == '#' || c == '$' || c == '%' || c == '&'
            || c == '\'' || c == '*' || c == '+' || c == '-' || c == '.' || c == '^' || c == '_' || c == '`' || c == '|' || c == '~';

        /// <summary>Exact, case-sensitive comparison with ASCII text.</summary>
        public static bool Is(byte[] b, int start, int end, string text)
        {
            if (end - start != text.Length) return false;
            for (int i = 0; i < text.Length; i++)
                if (b[start + i] != text[i]) return false;
            return true;
        }

        /// <summary>Case-insensitive comparison with lower-case ASCII text.</summary>
        public static bool IsName(byte[] b, int start, int end, string lower)
        {
            if (end - start != lower.Length) return false;
            for (int i = 0; i < lower.Length; i++)
            {
                int c = b[start + i];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (c != lower[i]) return false;
            }
            return true;
        }
    }
}
