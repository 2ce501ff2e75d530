using System;
using System.Net.Sockets;
using System.Threading;
using Kv.Commands;
using Kv.Data;
using Kv.Resp;

namespace Kv.Server
{
    /// <summary>
    /// One connection, served by its own thread (README.md, "Concurrency"): receive into a buffer, then,
    /// under the server lock, parse and run every complete command in it, replies accumulating in one
    /// buffer; log the batch to the AOF (and fsync, with appendfsync always) before anything is
    /// acknowledged; release the lock and send all replies with one Send. Handlers see this object: the
    /// arguments, the reply writer and the selected database.
    /// </summary>
    internal sealed class Client
    {
        private const int InitialInput = 16 * 1024;

        private readonly KvServer server;
        private readonly Socket socket;
        private byte[] input = new byte[InitialInput];
        private int start, end;

        public readonly RequestParser Request;
        public readonly ReplyWriter Reply = new ReplyWriter();
        public readonly long Id;
        public Database Db;
        public byte[] Name;
        public bool CloseAfterReply;
        /// <summary>Set by a handler that logged its effect to the AOF itself (e.g. EXPIRE as PEXPIREAT).</summary>
        public bool Propagated;

        public Client(KvServer server, Socket socket, long id)
        {
            this.server = server;
            this.socket = socket;
            Id = id;
            Db = server.Databases[0];
            Request = new RequestParser { MaxBulkLength = server.Config.MaxBulkLength };
        }

        public KvServer Server => server;

        /// <summary>The loop of the connection's thread; returns when the client is gone.</summary>
        public void Run()
        {
            try
            {
                bool pending = false;
                while (true)
                {
                    if (!pending)
                    {
                        if (!MakeRoom())
                            break;
                        int n = socket.Receive(input, end, input.Length - end, SocketFlags.None);
                        if (n <= 0)
                            break;
                        end += n;
                    }
                    lock (server.Lock)
                    {
                        server.BeginBatch();
                        Request.MaxBulkLength = server.Config.MaxBulkLength; // CONFIG SET applies at once
                        pending = ProcessInput();
                        server.EndBatch(this);
                    }
                    if (Reply.Length > 0)
                        SendAll();
                    Reply.Reset();
                    if (CloseAfterReply)
                        break;
                    // More input is already here: let others run before it does (on Testbed, threads are
                    // cooperative and this one would not block in Receive).
                    if (pending)
                        Thread.Yield();
                }
            }
            catch (SocketException)
            {
                // The peer reset or went away: nothing to tell anyone.
            }
            catch (Exception e)
            {
                // A bug in a handler must cost this client, never the server.
                Log.Warning("client " + Id + " closed after an internal error: " + e.GetType().Name + ": " + e.Message);
            }
            finally
            {
                try { socket.Close(); } catch (Exception) { }
                server.ClientGone(this);
            }
        }

        /// <summary>Free space at the end of the input buffer; false when the query buffer limit is reached.</summary>
        private bool MakeRoom()
        {
            if (start == end)
            {
                start = end = 0;
                if (input.Length > 1024 * 1024)
                    input = new byte[InitialInput];
            }
            if (end < input.Length)
                return true;
            if (start > 0)
            {
                Array.Copy(input, start, input, 0, end - start);
                end -= start;
                start = 0;
                return true;
            }
            if (input.Length >= server.Config.QueryBufferLimit)
            {
                // Redis closes such a client without a reply and logs it; so do we.
                Log.Warning("closing client " + Id + " that reached max query buffer length (" + server.Config.QueryBufferLimit + " bytes)");
                return false;
            }
            long size = Math.Min((long)input.Length * 2, server.Config.QueryBufferLimit);
            Array.Resize(ref input, (int)size);
            return true;
        }

        /// <summary>
        /// Runs the complete commands in the input. Returns true when it stopped early because the
        /// replies passed <see cref="BatchReplyLimit"/>: they are sent before the rest runs, so a long
        /// pipeline of large replies does not pile up in memory (nor hold the lock for long).
        /// </summary>
        private bool ProcessInput()
        {
            while (start < end && !CloseAfterReply)
            {
                if (Reply.Length > BatchReplyLimit)
                    return true;
                ParseStatus status = Request.Parse(input, start, end, out int consumed);
                if (status == ParseStatus.Incomplete)
                    return false;
                if (status == ParseStatus.Error)
                {
                    Reply.Error(Request.Error);
                    CloseAfterReply = true;
                    Log.Verbose("protocol error from client " + Id + ": " + Request.Error);
                    return false;
                }
                start += consumed;
                if (status == ParseStatus.Command)
                    server.Execute(this);
            }
            return false;
        }

        private const int BatchReplyLimit = 1024 * 1024;

        private void SendAll()
        {
            int sent = 0;
            while (sent < Reply.Length)
            {
                int n = socket.Send(Reply.Buffer, sent, Reply.Length - sent, SocketFlags.None);
                if (n <= 0)
                    throw new SocketException((int)SocketError.ConnectionReset);
                sent += n;
            }
        }

        // ---- What handlers use -------------------------------------------------------------------

        public int ArgCount => Request.Count;

        public ReadOnlySpan<byte> Arg(int i) => Request.Arg(i);

        /// <summary>A copy of an argument, for storing (the receive buffer is reused).</summary>
        public byte[] ArgCopy(int i) => Request.Arg(i).ToArray();

        public string ArgString(int i) => Kv.Util.Numbers.Ascii(Request.Arg(i));

        /// <summary>Whether argument <paramref name="i"/> is <paramref name="lowerWord"/> in any case.</summary>
        public bool ArgIs(int i, string lowerWord)
        {
            ReadOnlySpan<byte> a = Request.Arg(i);
            if (a.Length != lowerWord.Length)
                return false;
            for (int k = 0; k < a.Length; k++)
            {
                int b = a[k];
                if (b >= 'A' && b <= 'Z') b += 32;
                if (b != lowerWord[k])
                    return false;
            }
            return true;
        }

        /// <summary>Parses an integer argument or replies Redis's error and returns false.</summary>
        public bool TryArgLong(int i, out long value)
        {
            if (Kv.Util.Numbers.TryParseInt64(Request.Arg(i), out value))
                return true;
            Reply.Error(Errors.NotInteger);
            return false;
        }

        public bool TryArgDouble(int i, out double value)
        {
            if (Kv.Util.Numbers.TryParseDouble(Request.Arg(i), out value))
                return true;
            Reply.Error(Errors.NotFloat);
            return false;
        }

        /// <summary>The live entry of key argument <paramref name="i"/> in the selected database, or null.</summary>
        public KeyEntry Lookup(int i) => Db.Lookup(Request.Arg(i), server.Now);

        /// <summary>
        /// The value of key argument <paramref name="i"/> as a <typeparamref name="T"/>: true with null when
        /// the key does not exist; false (WRONGTYPE replied) when it holds another type.
        /// </summary>
        public bool TryLookup<T>(int i, out KeyEntry entry, out T value) where T : class
        {
            entry = Lookup(i);
            value = null;
            if (entry == null)
                return true;
            value = entry.Value as T;
            if (value != null)
                return true;
            Reply.Error(Errors.WrongType);
            return false;
        }

        /// <summary>Marks the dataset changed: the command is logged to the AOF.</summary>
        public void Dirty(long changes = 1) => server.Dirty += changes;
    }
}
