using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Kv.Commands;
using Kv.Data;
using Kv.Persistence;
using Kv.Platform;

namespace Kv.Server
{
    /// <summary>
    /// The server: sixteen databases, the command table, the AOF, and one global lock around every
    /// command execution (README.md, "Concurrency"). Threads: one accepting connections, one per client,
    /// one for periodic work (active expiry, everysec fsync), like Redis's serverCron at hz 10.
    /// </summary>
    internal sealed class KvServer
    {
        public readonly object Lock = new object();
        public readonly ServerConfig Config;
        public readonly Database[] Databases = new Database[ServerConfig.DatabaseCount];
        public readonly CommandTable Commands = new CommandTable();
        public readonly Rng Rng;
        public Aof Aof;

        /// <summary>Unix milliseconds at the start of the current batch: the "now" every expiry test in it uses.</summary>
        public long Now;
        /// <summary>Changes to the dataset; a write command that moved it is logged to the AOF.</summary>
        public long Dirty;

        /// <summary>True while the AOF is replayed: nothing is logged and keys do not expire.</summary>
        public bool Loading
        {
            get => loading;
            set
            {
                loading = value;
                foreach (Database db in Databases)
                    db.Loading = value;
            }
        }

        private bool loading;

        public readonly long StartMonotonic = Clock.MonotonicMilliseconds();
        public long TotalCommands, TotalConnections, ExpiredKeys;
        public int ConnectedClients;
        private long nextClientId;

        public KvServer(ServerConfig config)
        {
            Config = config;
            ulong seed = (ulong)Clock.UnixMilliseconds() * 0x9E3779B97F4A7C15UL ^ (ulong)StartMonotonic;
            Rng = new Rng(seed ^ 0xD1B54A32D192ED03UL);
            Now = Clock.UnixMilliseconds();
            for (int i = 0; i < Databases.Length; i++)
            {
                Databases[i] = new Database(i);
                Databases[i].Expired = OnExpired;
            }
        }

        /// <summary>An expired key was deleted: count it and log a DEL so that the AOF agrees (Redis propagates one too).</summary>
        private void OnExpired(Database db, byte[] key)
        {
            ExpiredKeys++;
            if (Aof != null && !Loading)
            {
                Aof.BeginRecord(db.Index, 2);
                Aof.Arg("DEL");
                Aof.Arg(key);
            }
        }

        /// <summary>Listens and serves until the process ends.</summary>
        public void Run() => Serve(Listen());

        /// <summary>The listening socket on Config.Bind:Config.Port (port 0: one the system picks).</summary>
        public Socket Listen()
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Parse(Config.Bind), Config.Port));
            listener.Listen(511);
            Log.Info("listening on " + Config.Bind + ":" + ((IPEndPoint)listener.LocalEndPoint).Port);
            return listener;
        }

        /// <summary>Accepts and serves clients of <paramref name="listener"/> until the process ends.</summary>
        public void Serve(Socket listener)
        {
            var cron = new Thread(CronLoop);
            cron.IsBackground = true;
            cron.Start();

            while (true)
            {
                Socket socket;
                try
                {
                    socket = listener.Accept();
                }
                catch (SocketException e)
                {
                    // EMFILE and friends: keep serving the clients we have.
                    Log.Warning("accept failed: " + e.Message);
                    Thread.Sleep(10);
                    continue;
                }
                bool counted = false;
                try
                {
                    socket.NoDelay = true;
                    Client client;
                    lock (Lock)
                    {
                        client = new Client(this, socket, ++nextClientId);
                        ConnectedClients++;
                        TotalConnections++;
                        counted = true;
                    }
                    var thread = new Thread(client.Run);
                    thread.IsBackground = true;
                    thread.Start();
                }
                catch (Exception e)
                {
                    // No thread or memory for one more client: refuse it, keep the others.
                    Log.Warning("cannot serve a new client: " + e.GetType().Name + ": " + e.Message);
                    try { socket.Close(); } catch (Exception) { }
                    if (counted)
                        lock (Lock) ConnectedClients--;
                }
            }
        }

        public void ClientGone(Client client)
        {
            lock (Lock) ConnectedClients--;
        }

        public void BeginBatch() => Now = Clock.UnixMilliseconds();

        /// <summary>
        /// The batch's effects go to the AOF before any reply leaves (with appendfsync always, to disk):
        /// a client never sees an acknowledgement of a write that a crash could lose.
        /// </summary>
        public void EndBatch(Client client)
        {
            if (Aof == null)
                return;
            if (!Aof.Flush(Clock.MonotonicMilliseconds()))
            {
                // The writes of this batch are not durable: the client must not see them acknowledged.
                client.Reply.Length = 0;
                client.CloseAfterReply = true;
            }
        }

        /// <summary>Looks up and runs the command in <paramref name="c"/>'s request (the lock is held).</summary>
        public void Execute(Client c)
        {
            ReadOnlySpan<byte> name = c.Arg(0);
            Command cmd = Commands.Lookup(name);
            if (cmd == null)
            {
                c.Reply.Error(UnknownCommand(c));
                return;
            }
            int argc = c.ArgCount;
            if ((cmd.Arity > 0 && cmd.Arity != argc) || argc < -cmd.Arity)
            {
                c.Reply.Error(Errors.WrongArity(cmd.Name));
                return;
            }
            if (Aof != null && Aof.Broken && (cmd.Flags & CommandFlags.Write) != 0)
            {
                c.Reply.Error("-MISCONF Errors writing to the AOF file: " + Aof.BrokenReason);
                return;
            }
            long dirtyBefore = Dirty;
            c.Propagated = false;
            cmd.Handler(c);
            TotalCommands++;
            if (Aof != null && !Loading && Dirty != dirtyBefore && !c.Propagated && (cmd.Flags & CommandFlags.Write) != 0)
                Aof.LogRequest(c.Db.Index, c.Request);
        }

        /// <summary>Redis's text: "unknown command 'x', with args beginning with: 'a' 'b' ", at most ~128 bytes of arguments.</summary>
        private static string UnknownCommand(Client c)
        {
            var args = new System.Text.StringBuilder();
            for (int i = 1; i < c.ArgCount && args.Length < 128; i++)
            {
                args.Append('\'');
                args.Append(CString(c.Arg(i), 128 - args.Length));
                args.Append("' ");
            }
            return "unknown command '" + CString(c.Arg(0), 128) + "', with args beginning with: " + args.ToString();
        }

        /// <summary>An argument as C's "%.*s" shows it: up to the first NUL byte, at most <paramref name="max"/> bytes.</summary>
        private static string CString(ReadOnlySpan<byte> s, int max)
        {
            int n = 0;
            while (n < s.Length && n < max && s[n] != 0) n++;
            return Kv.Util.Numbers.Ascii(s.Slice(0, n));
        }

        private void CronLoop()
        {
            while (true)
            {
                Thread.Sleep(1000 / Config.Hz);
                try
                {
                    Cron();
                }
                catch (Exception e)
                {
                    // An unhandled exception would end the process; a failed sweep is retried next tick.
                    Log.Warning("cron: " + e.GetType().Name + ": " + e.Message);
                }
            }
        }

        private void Cron()
        {
            lock (Lock)
            {
                long mono = Clock.MonotonicMilliseconds();
                Now = Clock.UnixMilliseconds();
                // A quarter of the period at most, as Redis's slow cycle (25% of CPU time per hz tick).
                long deadline = mono + 250 / Config.Hz;
                foreach (Database db in Databases)
                    if (db.ExpiresCount > 0)
                        db.ExpireCycle(Now, Rng, deadline, Clock.MonotonicMilliseconds);
                if (Aof != null)
                {
                    Aof.Flush(mono);
                    Aof.Cron(mono);
                }
            }
        }
    }
}
