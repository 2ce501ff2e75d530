using System;
using Kv.Platform;
using Kv.Resp;
using Kv.Server;

namespace Kv.Persistence
{
    /// <summary>
    /// Replays the AOF at start, before the server listens. A last record cut short by a crash (the
    /// process died during the write) is truncated away with a warning, as Redis does with
    /// aof-load-truncated yes (redis-check-aof --fix does the same by hand); anything else that is not a
    /// well-formed command is an error and the server does not start.
    /// </summary>
    internal static class AofLoader
    {
        /// <summary>Returns an error text, or null when the file was replayed.</summary>
        public static string Load(KvServer server, IAppendLog log, string name)
        {
            byte[] data = log.ReadAll();
            if (data.Length == 0)
                return null;
            var replay = new ReplayClient(server);
            var parser = replay.Client.Request;
            // The log holds what the server accepted, perhaps under a larger proto-max-bulk-len than now.
            parser.MaxBulkLength = int.MaxValue - 64;
            int pos = 0;
            long commands = 0;
            server.Loading = true;
            try
            {
                while (pos < data.Length)
                {
                    if (data[pos] != (byte)'*')
                        return "Bad file format reading the append only file " + name + " at offset " + pos + ": expected '*'";
                    ParseStatus status = parser.Parse(data, pos, data.Length, out int consumed);
                    if (status == ParseStatus.Incomplete)
                    {
                        Log.Warning("!!! Warning: short read while loading the AOF file " + name + "!!!");
                        Log.Warning("AOF loaded anyway: the last " + (data.Length - pos) + " bytes (an incomplete record) were truncated, file now " + pos + " bytes");
                        log.Truncate(pos);
                        break;
                    }
                    if (status == ParseStatus.Error)
                        return "Bad file format reading the append only file " + name + " at offset " + pos + ": " + parser.Error;
                    pos += consumed;
                    if (status != ParseStatus.Command)
                        continue;
                    replay.Run();
                    if (replay.Failed != null)
                        return "Bad command in the append only file " + name + " at offset " + (pos - consumed) + ": " + replay.Failed;
                    commands++;
                }
            }
            finally
            {
                server.Loading = false;
            }
            Log.Info("DB loaded from append only file: " + commands + " commands");
            return null;
        }

        /// <summary>Runs parsed records as a client without a connection would, and checks the replies for errors.</summary>
        private sealed class ReplayClient
        {
            private readonly KvServer server;
            public readonly Client Client;
            public string Failed;

            public ReplayClient(KvServer server)
            {
                this.server = server;
                Client = new Client(server, null, 0);
            }

            public void Run()
            {
                Client.Reply.Reset();
                server.Now = Clock.UnixMilliseconds();
                server.Execute(Client);
                if (Client.Reply.Length > 0 && Client.Reply.Buffer[0] == (byte)'-')
                {
                    int n = Client.Reply.Length;
                    while (n > 0 && (Client.Reply.Buffer[n - 1] == (byte)'\n' || Client.Reply.Buffer[n - 1] == (byte)'\r')) n--;
                    Failed = Kv.Util.Numbers.Ascii(new ReadOnlySpan<byte>(Client.Reply.Buffer, 1, n - 1));
                }
            }
        }
    }
}
