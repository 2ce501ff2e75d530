using System;
using Kv.Platform;
using Kv.Resp;
using Kv.Server;

namespace Kv.Persistence
{
    /// <summary>
    /// The append-only file: every command that changed the dataset, as the RESP array a client would
    /// send, with SELECT records when the database changes. Records are gathered in a buffer while a batch
    /// runs and written with one Append when it ends (<see cref="Flush"/>); with appendfsync always the
    /// log is also synced there, before the batch's replies are sent; with everysec the cron syncs at most
    /// once a second; with no, never (the operating system decides). One file, not Redis 7's multi-part
    /// directory, and no rewrite (README.md, "Persistence").
    /// </summary>
    internal sealed class Aof
    {
        private readonly IAppendLog log;
        private readonly ServerConfig config;
        private byte[] buffer = new byte[64 * 1024];
        private int length;
        private int selectedDb = -1;
        private bool unsynced;
        private long lastSync;

        public bool Broken;
        public string BrokenReason;

        public Aof(IAppendLog log, ServerConfig config)
        {
            this.log = log;
            this.config = config;
        }

        public void BeginRecord(int db, int argc)
        {
            if (db != selectedDb)
            {
                selectedDb = db;
                Header((byte)'*', 2);
                Arg("SELECT");
                Arg(db);
            }
            Header((byte)'*', argc);
        }

        public void Arg(ReadOnlySpan<byte> value)
        {
            Header((byte)'$', value.Length);
            Ensure(value.Length + 2);
            value.CopyTo(new Span<byte>(buffer, length, value.Length));
            length += value.Length;
            buffer[length++] = (byte)'\r';
            buffer[length++] = (byte)'\n';
        }

        public void Arg(string ascii)
        {
            Header((byte)'$', ascii.Length);
            Ensure(ascii.Length + 2);
            for (int i = 0; i < ascii.Length; i++)
                buffer[length++] = (byte)ascii[i];
            buffer[length++] = (byte)'\r';
            buffer[length++] = (byte)'\n';
        }

        public void Arg(long value) => Arg(value.ToString());

        /// <summary>Logs the request as the client sent it.</summary>
        public void LogRequest(int db, RequestParser request)
        {
            BeginRecord(db, request.Count);
            for (int i = 0; i < request.Count; i++)
                Arg(request.Arg(i));
        }

        /// <summary>Writes what the batch logged (and syncs, with always); false when that failed.</summary>
        public bool Flush(long monotonicNow)
        {
            if (Broken)
            {
                // Write commands are refused (MISCONF) since the failure; what a later batch logged can only
                // be expiry DELs, which acknowledge nothing: drop them, and let read replies through.
                length = 0;
                return true;
            }
            if (length == 0)
                return true;
            try
            {
                log.Append(buffer, 0, length);
                length = 0;
                if (buffer.Length > 1024 * 1024)
                    buffer = new byte[64 * 1024];
                if (config.AppendFsync == FsyncPolicy.Always)
                {
                    log.Sync();
                    lastSync = monotonicNow;
                }
                else
                {
                    unsynced = true;
                }
                return true;
            }
            catch (Exception e)
            {
                // Memory and disk now disagree; refuse writes from now on, as Redis does (MISCONF).
                Broken = true;
                BrokenReason = e.Message;
                Log.Warning("writing the AOF failed, writes are refused from now on: " + e.Message);
                return false;
            }
        }

        /// <summary>everysec: sync once a second when something was written since the last sync.</summary>
        public void Cron(long monotonicNow)
        {
            if (!unsynced || Broken || config.AppendFsync != FsyncPolicy.EverySec || monotonicNow - lastSync < 1000)
                return;
            try
            {
                log.Sync();
                unsynced = false;
                lastSync = monotonicNow;
            }
            catch (Exception e)
            {
                Broken = true;
                BrokenReason = e.Message;
                Log.Warning("fsync of the AOF failed, writes are refused from now on: " + e.Message);
            }
        }

        public void Close()
        {
            try { log.Sync(); log.Close(); } catch (Exception) { }
        }

        private void Header(byte prefix, long n)
        {
            Ensure(24);
            buffer[length++] = prefix;
            string digits = n.ToString();
            for (int i = 0; i < digits.Length; i++)
                buffer[length++] = (byte)digits[i];
            buffer[length++] = (byte)'\r';
            buffer[length++] = (byte)'\n';
        }

        private void Ensure(int more)
        {
            if (length + more <= buffer.Length)
                return;
            long size = buffer.Length;
            while (size < (long)length + more) size *= 2;
            Array.Resize(ref buffer, (int)Math.Min(size, int.MaxValue));
        }
    }
}
