using System.Text;

namespace Http.Protocol
{
    /// <summary>
    /// Reason phrases (RFC 9110's) and the small HTML body of each error response, laid out as nginx lays
    /// out its own: title and heading "NNN Reason", then a rule and the server's name. Made once.
    /// </summary>
    internal static class StatusPages
    {
        private static readonly int[] Codes = { 200, 206, 301, 304, 400, 404, 405, 408, 413, 414, 416, 431, 500, 501, 505 };
        private static readonly string[] Reasons =
        {
            "OK", "Partial Content", "Moved Permanently", "Not Modified", "Bad Request", "Not Found", "Method Not Allowed",
            "Request Timeout", "Content Too Large", "URI Too Long", "Range Not Satisfiable", "Request Header Fields Too Large",
            "Internal Server Error", "Not Implemented", "HTTP Version Not Supported",
        };
        private static readonly byte[][] Bodies = MakeBodies();
        private static readonly byte[][] Starts = MakeStarts();

        /// <summary>"404 Not Found".</summary>
        public static string StatusText(int code)
        {
            for (int i = 0; i < Codes.Length; i++)
                if (Codes[i] == code) return code.ToString() + " " + Reasons[i];
            return code.ToString() + " Unknown";
        }

        /// <summary>The HTML page of an error status.</summary>
        public static byte[] Body(int code)
        {
            for (int i = 0; i < Codes.Length; i++)
                if (Codes[i] == code) return Bodies[i];
            return Bodies[Bodies.Length - 3];
        }

        /// <summary>"HTTP/1.1 404 Not Found\r\nServer: tbhttp\r\n": the status line and Server field.</summary>
        public static byte[] Start(int code)
        {
            for (int i = 0; i < Codes.Length; i++)
                if (Codes[i] == code) return Starts[i];
            return Starts[Starts.Length - 3];
        }

        private static byte[][] MakeStarts()
        {
            var starts = new byte[Codes.Length][];
            for (int i = 0; i < Codes.Length; i++)
                starts[i] = Encoding.ASCII.GetBytes("HTTP/1.1 " + Codes[i].ToString() + " " + Reasons[i] + "\r\nServer: " + ResponseHead.ServerName + "\r\n");
            return starts;
        }

        private static byte[][] MakeBodies()
        {
            var bodies = new byte[Codes.Length][];
            for (int i = 0; i < Codes.Length; i++)
            {
                string status = Codes[i].ToString() + " " + Reasons[i];
                bodies[i] = Encoding.ASCII.GetBytes(
                    "<html>\r\n<head><title>" + status + "</title></head>\r\n<body>\r\n<center><h1>" + status
                    + "</h1></center>\r\n<hr><center>" + ResponseHead.ServerName + "</center>\r\n</body>\r\n</html>\r\n");
            }
            return bodies;
        }
    }
}
