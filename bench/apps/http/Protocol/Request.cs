namespace Http.Protocol
{
    internal enum Method : byte { Get, Head, Other }

    /// <summary>A field of the request head: an offset and length into the connection's receive buffer; -1 when absent.</summary>
    internal struct Slice
    {
        public int Start;
        public int Length;

        public bool Present => Start >= 0;

        public static Slice None => new Slice { Start = -1, Length = 0 };
    }

    /// <summary>
    /// One parsed request head, in place: every field is a <see cref="Slice"/> of the receive buffer, so
    /// parsing allocates nothing. One instance per connection, reset before each request.
    /// </summary>
    internal sealed class Request
    {
        /// <summary>0 when the head is well formed so far; else the status the request gets (400, 414, 431, 501, 505).</summary>
        public int Error;
        /// <summary>Bytes from the request's first byte (leading empty lines included) to the end of the empty line.</summary>
        public int HeadLength;

        public Method Method;
        public Slice MethodName;
        public Slice Target;
        /// <summary>The request line without its line ending, for the access log.</summary>
        public Slice RequestLine;
        /// <summary>1 for HTTP/1.1 and later 1.x, 0 for HTTP/1.0.</summary>
        public int Minor;

        public int HostCount;
        public Slice Host;
        /// <summary>-1 without Content-Length.</summary>
        public long ContentLength;
        public bool HasTransferEncoding;
        public bool Chunked;
        public bool ConnectionClose;
        public bool ConnectionKeepAlive;
        /// <summary>Expect: 100-continue: the client may hold its body back until told to send it.</summary>
        public bool ExpectContinue;

        public Slice IfNoneMatch;
        public Slice IfModifiedSince;
        public Slice Range;
        public Slice IfRange;
        /// <summary>A conditional or range field that came twice: the request is served as if it had neither.</summary>
        public bool Repeated;
        public Slice UserAgent;
        public Slice Referer;

        public void Reset()
        {
            Error = 0;
            HeadLength = 0;
            Method = Method.Other;
            MethodName = Slice.None;
            Target = Slice.None;
            RequestLine = Slice.None;
            Minor = 1;
            HostCount = 0;
            Host = Slice.None;
            ContentLength = -1;
            HasTransferEncoding = false;
            Chunked = false;
            ConnectionClose = false;
            ConnectionKeepAlive = false;
            ExpectContinue = false;
            IfNoneMatch = Slice.None;
            IfModifiedSince = Slice.None;
            Range = Slice.None;
            IfRange = Slice.None;
            Repeated = false;
            UserAgent = Slice.None;
            Referer = Slice.None;
        }

        /// <summary>Whether the connection may carry another request after this one's response.</summary>
        public bool WantsKeepAlive => !ConnectionClose && (Minor >= 1 || ConnectionKeepAlive);
    }
}
