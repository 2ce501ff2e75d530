using System;

namespace Http.Server
{
    /// <summary>The command line (README.md, "Options"), nginx's defaults where nginx has the setting.</summary>
    internal sealed class ServerOptions
    {
        public int Port = 8080;
        public string Bind = "0.0.0.0";
        public bool AccessLog = true;
        /// <summary>nginx's keepalive_timeout: an idle keep-alive connection is closed after this long.</summary>
        public int KeepAliveSeconds = 75;
        /// <summary>nginx's client_header_timeout: a request head (and a body being skipped) must arrive within this.</summary>
        public int HeaderTimeoutSeconds = 60;
        /// <summary>nginx's send_timeout, per Send call.</summary>
        public int SendTimeoutSeconds = 60;
        /// <summary>nginx's client_max_body_size (1m): a larger declared body is 413.</summary>
        public long MaxBodyBytes = 1024 * 1024;
        /// <summary>CoreCLR only: serve this directory (read at start-up) instead of the embedded tree.</summary>
        public string Root;
        /// <summary>--tar FILE: serve the files of a tar archive (on PVH, the raw disk /dev/vda).</summary>
        public string Tar;

        public const string Usage =
            "usage: http [--port 8080] [--bind 0.0.0.0] [--no-access-log] [--keepalive-timeout 75] [--header-timeout 60]\n"
            + "            [--send-timeout 60] [--max-body 1048576] [--root DIR (CoreCLR only) | --tar FILE (pvh: --tar /dev/vda)]\n"
            + "   or: http self-bench [--connections 30] [--seconds 3] [--paths /index.html,/64k.bin]";

        /// <summary>Parses <paramref name="args"/>; returns an error message or null.</summary>
        public string Parse(string[] args)
        {
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                if (a == "--no-access-log") { AccessLog = false; continue; }
                if (a == "--access-log") { AccessLog = true; continue; }
                if (i + 1 >= args.Length) return "missing value after " + a;
                string v = args[++i];
                long n;
                switch (a)
                {
                    case "--port":
                        if (!long.TryParse(v, out n) || n < 0 || n > 65535) return "bad port " + v;
                        Port = (int)n;
                        break;
                    case "--bind":
                        Bind = v;
                        break;
                    case "--keepalive-timeout":
                        if (!long.TryParse(v, out n) || n < 1 || n > 86400) return "bad --keepalive-timeout " + v;
                        KeepAliveSeconds = (int)n;
                        break;
                    case "--header-timeout":
                        if (!long.TryParse(v, out n) || n < 1 || n > 86400) return "bad --header-timeout " + v;
                        HeaderTimeoutSeconds = (int)n;
                        break;
                    case "--send-timeout":
                        if (!long.TryParse(v, out n) || n < 1 || n > 86400) return "bad --send-timeout " + v;
                        SendTimeoutSeconds = (int)n;
                        break;
                    case "--max-body":
                        if (!long.TryParse(v, out n) || n < 0) return "bad --max-body " + v;
                        MaxBodyBytes = n;
                        break;
                    case "--root":
                        Root = v;
                        break;
                    case "--tar":
                        Tar = v;
                        break;
                    default:
                        return "unknown option " + a;
                }
            }
            return null;
        }

        /// <summary>Splits baked arguments (Platform/BuildArguments, from -p:HttpArgs=...) at spaces.</summary>
        public static string[] Split(string text)
        {
            return text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
