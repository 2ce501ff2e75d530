using System.Text;
using Http.Protocol;

namespace Http.Content
{
    /// <summary>
    /// A served file with everything about it that does not depend on the request computed once at start-up:
    /// its validators (nginx's ETag format, "hex mtime-hex length"; Last-Modified) and its whole 200 response
    /// head in both Connection variants, so that serving it is one copy plus, with a clock, the Date bytes.
    /// </summary>
    internal sealed class StaticFile
    {
        public readonly string Path;
        public readonly byte[] Body;
        public readonly long Modified;
        public readonly string ContentType;
        public readonly byte[] ETag;
        public readonly byte[] LastModified;
        public readonly byte[] HeadKeepAlive;
        public readonly byte[] HeadClose;

        /// <summary>Where the 29 Date bytes go in both heads.</summary>
        public readonly int DateOffset;

        public StaticFile(string path, byte[] body, long modified)
        {
            Path = path;
            Body = body;
            Modified = modified;
            ContentType = MimeTypes.ForPath(path);
            ETag = Encoding.ASCII.GetBytes("\"" + modified.ToString("x") + "-" + body.Length.ToString("x") + "\"");
            LastModified = new byte[HttpDate.Length];
            HttpDate.Format(modified, LastModified);
            string lastModified = Encoding.ASCII.GetString(LastModified);
            string etag = Encoding.ASCII.GetString(ETag);
            DateOffset = ResponseHead.DateOffsetFor("200 OK");
            HeadKeepAlive = Head(lastModified, etag, "keep-alive");
            HeadClose = Head(lastModified, etag, "close");
        }

        private byte[] Head(string lastModified, string etag, string connection)
        {
            var sb = new StringBuilder();
            ResponseHead.AppendStart(sb, "200 OK");
            sb.Append("Content-Type: ").Append(ContentType).Append("\r\n");
            sb.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
            sb.Append("Last-Modified: ").Append(lastModified).Append("\r\n");
            sb.Append("Connection: ").Append(connection).Append("\r\n");
            sb.Append("ETag: ").Append(etag).Append("\r\n");
            sb.Append("Accept-Ranges: bytes\r\n\r\n");
            return Encoding.ASCII.GetBytes(sb.ToString());
        }
    }
}
