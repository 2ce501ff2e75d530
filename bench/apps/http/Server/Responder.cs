using System;
using Http.Content;
using Http.Protocol;

namespace Http.Server
{
    /// <summary>
    /// Chooses and writes the response to one parsed request head: the precomputed 200 of a file, 206 for a
    /// byte range, 304, a redirect of "/dir" to "/dir/", or an error page. One per connection (it holds the
    /// decoded-path scratch buffer), used on the connection's thread only.
    /// </summary>
    internal sealed class Responder
    {
        private readonly FileTable files;
        private readonly long maxBody;
        private readonly byte[] path = new byte[RequestParser.MaxLine + 16];

        /// <summary>The status of the last response and its body bytes, for the access log.</summary>
        public int Status;
        public long BodyBytes;

        public Responder(FileTable files, long maxBody)
        {
            this.files = files;
            this.maxBody = maxBody;
        }

        /// <summary>Writes the response; returns whether the connection may carry another request.</summary>
        public bool Respond(byte[] b, Request r, OutputBuffer output)
        {
            BodyBytes = 0;
            bool head = r.Method == Method.Head;
            if (r.Error != 0)
                return Error(output, r.Error, head, keepAlive: false);
            // The connection survives a request with a body only when the body can be skipped: its length is
            // known (not chunked) and the client is not waiting for a 100 (Continue) before sending it.
            bool keepAlive = r.WantsKeepAlive && !r.Chunked && !(r.ExpectContinue && r.ContentLength > 0);
            if (r.ContentLength > maxBody)
                return Error(output, 413, head, keepAlive: false);
            int length = TargetPath.Decode(b, r.Target, path, out bool endsWithSlash);
            if (length < 0)
                return Error(output, 400, head, keepAlive: false);
            if (r.Method == Method.Other)
                return Error(output, 405, false, keepAlive, "Allow: GET, HEAD\r\n");
            var file = files.Find(new ReadOnlySpan<byte>(path, 0, length), out bool isDirectory);
            if (file == null)
            {
                if (isDirectory && !endsWithSlash)
                    return Redirect(output, b, r, head, keepAlive);
                return Error(output, 404, head, keepAlive);
            }
            if (Preconditions.NotModified(b, r, file))
                return NotModified(output, file, keepAlive);
            switch (Preconditions.Range(b, r, file, out long first, out long last))
            {
                case Preconditions.RangeResult.Partial:
                    return Partial(output, file, first, last, keepAlive);
                case Preconditions.RangeResult.Unsatisfiable:
                    return Error(output, 416, head, keepAlive, "Content-Range: bytes */" + file.Body.Length.ToString() + "\r\n");
            }
            // The hot path: the precomputed head, the Date patched in, the body unless HEAD.
            Status = 200;
            byte[] prepared = keepAlive ? file.HeadKeepAlive : file.HeadClose;
            var to = output.Reserve(prepared.Length);
            new ReadOnlySpan<byte>(prepared).CopyTo(to);
            new ReadOnlySpan<byte>(DateCache.Current()).CopyTo(to.Slice(file.DateOffset));
            if (!head)
            {
                output.AppendBody(file.Body);
                BodyBytes = file.Body.Length;
            }
            return keepAlive;
        }

        private bool NotModified(OutputBuffer output, StaticFile file, bool keepAlive)
        {
            Status = 304;
            Start(output, 304);
            output.Append("Last-Modified: ");
            output.Append(file.LastModified);
            output.Append(keepAlive ? "\r\nConnection: keep-alive\r\nETag: " : "\r\nConnection: close\r\nETag: ");
            output.Append(file.ETag);
            output.Append("\r\n\r\n");
            return keepAlive;
        }

        private bool Partial(OutputBuffer output, StaticFile file, long first, long last, bool keepAlive)
        {
            Status = 206;
            Start(output, 206);
            output.Append("Content-Type: ");
            output.Append(file.ContentType);
            output.Append("\r\nContent-Length: ");
            output.AppendNumber(last - first + 1);
            output.Append("\r\nLast-Modified: ");
            output.Append(file.LastModified);
            output.Append(keepAlive ? "\r\nConnection: keep-alive\r\nETag: " : "\r\nConnection: close\r\nETag: ");
            output.Append(file.ETag);
            output.Append("\r\nContent-Range: bytes ");
            output.AppendNumber(first);
            output.Append("-");
            output.AppendNumber(last);
            output.Append("/");
            output.AppendNumber(file.Body.Length);
            output.Append("\r\n\r\n");
            output.AppendBody(new ReadOnlySpan<byte>(file.Body, (int)first, (int)(last - first + 1)));
            BodyBytes = last - first + 1;
            return keepAlive;
        }

        /// <summary>"/dir" names a directory: 301 to "/dir/" (the raw path, so its escapes stay as the client sent them), query kept.</summary>
        private bool Redirect(OutputBuffer output, byte[] b, Request r, bool head, bool keepAlive)
        {
            int pathEnd = r.Target.Start;
            int end = r.Target.Start + r.Target.Length;
            while (pathEnd < end && b[pathEnd] != '?') pathEnd++;
            var location = new byte[r.Target.Length + 1];
            Array.Copy(b, r.Target.Start, location, 0, pathEnd - r.Target.Start);
            location[pathEnd - r.Target.Start] = (byte)'/';
            Array.Copy(b, pathEnd, location, pathEnd - r.Target.Start + 1, end - pathEnd);
            return Error(output, 301, head, keepAlive, null, location);
        }

        /// <summary>An HTML status page (the body left out for HEAD) with optional extra header lines.</summary>
        private bool Error(OutputBuffer output, int status, bool head, bool keepAlive, string extra = null, byte[] location = null)
        {
            Status = status;
            byte[] body = StatusPages.Body(status);
            Start(output, status);
            output.Append("Content-Type: text/html\r\nContent-Length: ");
            output.AppendNumber(body.Length);
            output.Append(keepAlive ? "\r\nConnection: keep-alive\r\n" : "\r\nConnection: close\r\n");
            if (location != null)
            {
                output.Append("Location: ");
                output.Append(location);
                output.Append("\r\n");
            }
            if (extra != null) output.Append(extra);
            output.Append("\r\n");
            if (!head)
            {
                output.AppendBody(body);
                BodyBytes = body.Length;
            }
            return keepAlive;
        }

        /// <summary>Status line, Server and Date.</summary>
        private static void Start(OutputBuffer output, int status)
        {
            output.Append(StatusPages.Start(status));
            output.Append("Date: ");
            output.Append(DateCache.Current());
            output.Append("\r\n");
        }
    }
}
