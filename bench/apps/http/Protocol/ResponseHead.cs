using System.Text;

namespace Http.Protocol
{
    /// <summary>
    /// The start every response shares: status line, Server and (with a clock) Date, in nginx's order. The
    /// status line always says HTTP/1.1, also to HTTP/1.0 clients (RFC 9110 §6.2: the highest minor version
    /// the server supports).
    /// </summary>
    internal static class ResponseHead
    {
        public const string ServerName = "tbhttp";

        private const string StatusLinePrefix = "HTTP/1.1 ";
        private const string ServerLine = "Server: " + ServerName + "\r\n";

        /// <summary>Appends the status line, Server and a Date placeholder (patched when sent).</summary>
        public static void AppendStart(StringBuilder sb, string status)
        {
            sb.Append(StatusLinePrefix).Append(status).Append("\r\n").Append(ServerLine);
            sb.Append("Date: ").Append(' ', HttpDate.Length).Append("\r\n");
        }

        /// <summary>Where the Date value starts in a head made by <see cref="AppendStart"/>.</summary>
        public static int DateOffsetFor(string status) =>
            StatusLinePrefix.Length + status.Length + 2 + ServerLine.Length + "Date: ".Length;
    }
}
