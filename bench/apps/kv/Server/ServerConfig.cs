using System;
using System.Collections.Generic;

namespace Kv.Server
{
    internal enum FsyncPolicy { Always, EverySec, No }

    /// <summary>
    /// Settings from the command line (Redis's spelling: --port 6379 --appendonly yes ...), readable and
    /// partly writable with CONFIG GET/SET. Limits differ from Redis's where its defaults do not suit a
    /// small unikernel heap (README.md, "Limits").
    /// </summary>
    internal sealed class ServerConfig
    {
        public int Port = 6379;
        public string Bind = "0.0.0.0";
        public string Dir = ".";
        public bool AppendOnly;
        public FsyncPolicy AppendFsync = FsyncPolicy.EverySec;
        public string AppendFilename = "appendonly.aof";
        /// <summary>appenddevice (kv's own): a raw block device for the AOF instead of DIR/appendfilename ("": none).</summary>
        public string AppendDevice = "";
        public const int DatabaseCount = 16;
        /// <summary>proto-max-bulk-len: Redis allows 512 MB; we 32 MB.</summary>
        public long MaxBulkLength = 32L * 1024 * 1024;
        /// <summary>client-query-buffer-limit: Redis allows 1 GB; we 64 MB (a bulk of the maximum size plus its pipeline).</summary>
        public long QueryBufferLimit = 64L * 1024 * 1024;
        public int Hz = 10;
        public string Save = "";
        public bool Verbose;

        /// <summary>Parses "--name value" pairs; returns an error text or null.</summary>
        public string Parse(string[] args)
        {
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                if (!a.StartsWith("--"))
                    return "unexpected argument '" + a + "'";
                string name = a.Substring(2).ToLowerInvariant();
                if (name == "verbose")
                {
                    Verbose = true;
                    continue;
                }
                if (i + 1 >= args.Length)
                    return "option '" + a + "' needs a value";
                string error = Set(name, args[++i], true);
                if (error != null)
                    return error;
            }
            return null;
        }

        /// <summary>The parameter names CONFIG GET knows, in a fixed order.</summary>
        public static readonly string[] Names =
        {
            "port", "bind", "dir", "appendonly", "appendfsync", "appendfilename", "appenddevice", "databases", "proto-max-bulk-len",
            "client-query-buffer-limit", "hz", "save", "maxmemory", "timeout", "tcp-keepalive",
        };

        public string Get(string name)
        {
            switch (name)
            {
                case "port": return Port.ToString();
                case "bind": return Bind;
                case "dir": return Dir;
                case "appendonly": return AppendOnly ? "yes" : "no";
                case "appendfsync": return AppendFsync == FsyncPolicy.Always ? "always" : AppendFsync == FsyncPolicy.EverySec ? "everysec" : "no";
                case "appendfilename": return AppendFilename;
                case "appenddevice": return AppendDevice;
                case "databases": return DatabaseCount.ToString();
                case "proto-max-bulk-len": return MaxBulkLength.ToString();
                case "client-query-buffer-limit": return QueryBufferLimit.ToString();
                case "hz": return Hz.ToString();
                case "save": return Save;
                case "maxmemory": return "0";
                case "timeout": return "0";
                case "tcp-keepalive": return "0";
                default: return null;
            }
        }

        /// <summary>Sets a parameter; at start-up everything may be set, at run time (CONFIG SET) only some.</summary>
        public string Set(string name, string value, bool startup)
        {
            switch (name)
            {
                case "port":
                    if (!startup) return Immutable(name);
                    return TryInt(value, 0, 65535, ref Port) ? null : BadValue(name, value);
                case "bind":
                    if (!startup) return Immutable(name);
                    Bind = value;
                    return null;
                case "dir":
                    if (!startup) return Immutable(name);
                    Dir = value;
                    return null;
                case "appendonly":
                    // Turning the AOF on at run time needs a rewrite of the dataset (not implemented).
                    if (!startup) return Immutable(name);
                    if (value == "yes") AppendOnly = true;
                    else if (value == "no") AppendOnly = false;
                    else return OneOf(name, "yes, no");
                    return null;
                case "appendfsync":
                    if (value == "always") AppendFsync = FsyncPolicy.Always;
                    else if (value == "everysec") AppendFsync = FsyncPolicy.EverySec;
                    else if (value == "no") AppendFsync = FsyncPolicy.No;
                    else return OneOf(name, "everysec, always, no");
                    return null;
                case "appendfilename":
                    if (!startup) return Immutable(name);
                    AppendFilename = value;
                    return null;
                case "appenddevice":
                    if (!startup) return Immutable(name);
                    AppendDevice = value;
                    return null;
                case "proto-max-bulk-len":
                    return TryLong(value, 1024 * 1024, 512L * 1024 * 1024, ref MaxBulkLength) ? null : BadValue(name, value);
                case "client-query-buffer-limit":
                    return TryLong(value, 1024 * 1024, 1024L * 1024 * 1024, ref QueryBufferLimit) ? null : BadValue(name, value);
                case "hz":
                    return TryInt(value, 1, 500, ref Hz) ? null : BadValue(name, value);
                case "save":
                    // Accepted and ignored: there are no RDB snapshots, only the AOF.
                    Save = value;
                    return null;
                default:
                    return null == Get(name) ? "Unknown option or number of arguments for CONFIG SET - '" + name + "'" : Immutable(name);
            }
        }

        private static string Immutable(string name) => "CONFIG SET failed (possibly related to argument '" + name + "') - can't set immutable config";

        private static string OneOf(string name, string choices) => "CONFIG SET failed (possibly related to argument '" + name + "') - argument(s) must be one of the following: " + choices;

        private static string BadValue(string name, string value) => "CONFIG SET failed (possibly related to argument '" + name + "') - argument couldn't be parsed into an integer";

        /// <summary>Assigns only a valid value, so a bad CONFIG SET leaves the setting as it was.</summary>
        private static bool TryInt(string s, int min, int max, ref int v)
        {
            if (!int.TryParse(s, out int parsed) || parsed < min || parsed > max)
                return false;
            v = parsed;
            return true;
        }

        private static bool TryLong(string s, long min, long max, ref long v)
        {
            if (!long.TryParse(s, out long parsed) || parsed < min || parsed > max)
                return false;
            v = parsed;
            return true;
        }
    }
}
