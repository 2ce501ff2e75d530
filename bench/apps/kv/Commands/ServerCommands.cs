using System;
using System.Text;
using Kv.Data;
using Kv.Platform;
using Kv.Server;
using Kv.Util;

namespace Kv.Commands
{
    /// <summary>Server introspection and administration: COMMAND, CONFIG, INFO, MEMORY PURGE, FLUSHDB, FLUSHALL.</summary>
    internal static class ServerCommands
    {
        public static void Register(CommandTable t)
        {
            t.Group = "server";
            t.Add("command", -1, CommandFlags.Admin, CommandCommand, 0, 0, 0);
            t.Add("config", -2, CommandFlags.Admin, Config, 0, 0, 0);
            t.Add("info", -1, CommandFlags.Admin, Info, 0, 0, 0);
            t.Add("memory", -2, CommandFlags.Admin, Memory, 0, 0, 0);
            t.Add("flushdb", -1, CommandFlags.Write, c => Flush(c, false), 0, 0, 0);
            t.Add("flushall", -1, CommandFlags.Write, c => Flush(c, true), 0, 0, 0);
        }

        private static void Flush(Client c, bool all)
        {
            if (c.ArgCount > 2 || (c.ArgCount == 2 && !c.ArgIs(1, "sync") && !c.ArgIs(1, "async")))
            {
                c.Reply.Error(Errors.Syntax);
                return;
            }
            long removed = 0;
            if (all)
            {
                foreach (Database db in c.Server.Databases)
                {
                    removed += db.Count;
                    db.Clear();
                }
            }
            else
            {
                removed = c.Db.Count;
                c.Db.Clear();
            }
            // Logged even when nothing was there, as Redis does.
            c.Dirty(removed + 1);
            c.Reply.Ok();
        }

        private static void CommandCommand(Client c)
        {
            CommandTable table = c.Server.Commands;
            if (c.ArgCount == 1)
            {
                c.Reply.ArrayHeader(table.All.Count);
                foreach (Command cmd in table.All)
                    Describe(c, cmd);
            }
            else if (c.ArgIs(1, "count"))
            {
                if (c.ArgCount != 2) { c.Reply.Error(Errors.WrongArity("command|count")); return; }
                c.Reply.Integer(table.All.Count);
            }
            else if (c.ArgIs(1, "docs"))
            {
                // What redis-cli reads at start for `help`: name → summary, since, group (no argument
                // descriptions, so no typing hints). Redis 7's shape, flattened for RESP2.
                var wanted = new System.Collections.Generic.List<Command>();
                if (c.ArgCount == 2)
                    wanted.AddRange(table.All);
                for (int i = 2; i < c.ArgCount; i++)
                {
                    Command cmd = table.Lookup(c.Arg(i));
                    if (cmd != null) wanted.Add(cmd);
                }
                c.Reply.ArrayHeader(wanted.Count * 2L);
                foreach (Command cmd in wanted)
                {
                    c.Reply.BulkString(cmd.Name);
                    c.Reply.ArrayHeader(6);
                    c.Reply.BulkString("summary");
                    c.Reply.BulkString("kv's " + cmd.Name.ToUpperInvariant() + " (Redis-compatible)");
                    c.Reply.BulkString("since");
                    c.Reply.BulkString("1.0.0");
                    c.Reply.BulkString("group");
                    c.Reply.BulkString(cmd.Group);
                }
            }
            else if (c.ArgIs(1, "info"))
            {
                c.Reply.ArrayHeader(c.ArgCount - 2);
                for (int i = 2; i < c.ArgCount; i++)
                {
                    Command cmd = table.Lookup(c.Arg(i));
                    if (cmd == null) c.Reply.NullArray();
                    else Describe(c, cmd);
                }
            }
            else
            {
                c.Reply.Error("unknown subcommand '" + ConnectionCommands.Truncate(c.ArgString(1)) + "'. Try COMMAND HELP.");
            }
        }

        /// <summary>One COMMAND entry in Redis 7's ten-element shape (name, arity, flags, keys, categories, tips, key specs, subcommands).</summary>
        private static void Describe(Client c, Command cmd)
        {
            c.Reply.ArrayHeader(10);
            c.Reply.BulkString(cmd.Name);
            c.Reply.Integer(cmd.Arity);
            int flags = ((cmd.Flags & CommandFlags.Write) != 0 ? 1 : 0) + ((cmd.Flags & CommandFlags.ReadOnly) != 0 ? 1 : 0) + ((cmd.Flags & CommandFlags.Fast) != 0 ? 1 : 0);
            c.Reply.ArrayHeader(flags);
            if ((cmd.Flags & CommandFlags.Write) != 0) c.Reply.Simple("write");
            if ((cmd.Flags & CommandFlags.ReadOnly) != 0) c.Reply.Simple("readonly");
            if ((cmd.Flags & CommandFlags.Fast) != 0) c.Reply.Simple("fast");
            c.Reply.Integer(cmd.FirstKey);
            c.Reply.Integer(cmd.LastKey);
            c.Reply.Integer(cmd.Step);
            c.Reply.ArrayHeader(0);
            c.Reply.ArrayHeader(0);
            c.Reply.ArrayHeader(0);
            c.Reply.ArrayHeader(0);
        }

        private static void Config(Client c)
        {
            ServerConfig config = c.Server.Config;
            if (c.ArgIs(1, "get"))
            {
                if (c.ArgCount < 3) { c.Reply.Error(Errors.WrongArity("config|get")); return; }
                var pairs = new System.Collections.Generic.List<string>();
                foreach (string name in ServerConfig.Names)
                {
                    byte[] nameBytes = Encoding.ASCII.GetBytes(name);
                    for (int i = 2; i < c.ArgCount; i++)
                    {
                        if (Glob.Match(c.Arg(i), nameBytes, true))
                        {
                            pairs.Add(name);
                            pairs.Add(config.Get(name));
                            break;
                        }
                    }
                }
                c.Reply.ArrayHeader(pairs.Count);
                foreach (string s in pairs)
                    c.Reply.BulkString(s);
            }
            else if (c.ArgIs(1, "set"))
            {
                if (c.ArgCount < 4 || c.ArgCount % 2 == 1) { c.Reply.Error(Errors.WrongArity("config|set")); return; }
                for (int i = 2; i < c.ArgCount; i += 2)
                {
                    string error = config.Set(c.ArgString(i).ToLowerInvariant(), c.ArgString(i + 1), false);
                    if (error != null)
                    {
                        c.Reply.Error(error);
                        return;
                    }
                }
                c.Reply.Ok();
            }
            else if (c.ArgIs(1, "resetstat"))
            {
                c.Server.TotalCommands = 0;
                c.Server.TotalConnections = 0;
                c.Server.ExpiredKeys = 0;
                c.Reply.Ok();
            }
            else
            {
                c.Reply.Error("unknown subcommand '" + ConnectionCommands.Truncate(c.ArgString(1)) + "'. Try CONFIG HELP.");
            }
        }

        /// <summary>
        /// MEMORY PURGE: Redis has its allocator return unused pages; kv runs a full collection, after which
        /// INFO's used_memory (GC.GetTotalMemory) counts live objects only, not garbage not yet collected
        /// (bench/apps/kv/bench/memory.sh compares that with redis-server's used_memory).
        /// </summary>
        private static void Memory(Client c)
        {
            if (c.ArgIs(1, "purge"))
            {
                if (c.ArgCount != 2) { c.Reply.Error(Errors.WrongArity("memory|purge")); return; }
                GC.Collect();
                c.Reply.Ok();
            }
            else
            {
                c.Reply.Error("unknown subcommand '" + ConnectionCommands.Truncate(c.ArgString(1)) + "'. Try MEMORY HELP.");
            }
        }

        private static long peakMemory;

        /// <summary>INFO [section ...]: Redis's "# Section" blocks of "field:value" lines, the fields clients read.</summary>
        private static void Info(Client c)
        {
            KvServer s = c.Server;
            bool all = c.ArgCount == 1;
            bool Wants(string section)
            {
                if (all) return true;
                for (int i = 1; i < c.ArgCount; i++)
                    if (c.ArgIs(i, section) || c.ArgIs(i, "all") || c.ArgIs(i, "everything") || c.ArgIs(i, "default"))
                        return true;
                return false;
            }
            var sb = new StringBuilder();
            long uptimeSeconds = (Clock.MonotonicMilliseconds() - s.StartMonotonic) / 1000;
            if (Wants("server"))
            {
                Section(sb, "Server");
                sb.Append("redis_version:").Append(ConnectionCommands.RedisVersion).Append("\r\n");
                sb.Append("kv_runtime:").Append(Runtime).Append("\r\n");
                sb.Append("redis_mode:standalone\r\n");
                sb.Append("arch_bits:64\r\n");
                sb.Append("multiplexing_api:thread-per-connection\r\n");
                sb.Append("tcp_port:").Append(s.Config.Port).Append("\r\n");
                sb.Append("uptime_in_seconds:").Append(uptimeSeconds).Append("\r\n");
                sb.Append("uptime_in_days:").Append(uptimeSeconds / 86400).Append("\r\n");
                sb.Append("hz:").Append(s.Config.Hz).Append("\r\n");
            }
            if (Wants("clients"))
            {
                Section(sb, "Clients");
                sb.Append("connected_clients:").Append(s.ConnectedClients).Append("\r\n");
                sb.Append("blocked_clients:0\r\n");
            }
            if (Wants("memory"))
            {
                // The collector's view: live bytes after the last collection plus what was allocated since.
                long used = GC.GetTotalMemory(false);
                if (used > peakMemory) peakMemory = used;
                Section(sb, "Memory");
                sb.Append("used_memory:").Append(used).Append("\r\n");
                sb.Append("used_memory_human:").Append(Human(used)).Append("\r\n");
                sb.Append("used_memory_peak:").Append(peakMemory).Append("\r\n");
                sb.Append("used_memory_peak_human:").Append(Human(peakMemory)).Append("\r\n");
                sb.Append("maxmemory:0\r\n");
                sb.Append("mem_allocator:gc\r\n");
            }
            if (Wants("persistence"))
            {
                Section(sb, "Persistence");
                sb.Append("loading:").Append(s.Loading ? 1 : 0).Append("\r\n");
                sb.Append("rdb_changes_since_last_save:").Append(s.Dirty).Append("\r\n");
                sb.Append("aof_enabled:").Append(s.Aof != null ? 1 : 0).Append("\r\n");
                sb.Append("aof_last_write_status:").Append(s.Aof != null && s.Aof.Broken ? "err" : "ok").Append("\r\n");
            }
            if (Wants("stats"))
            {
                Section(sb, "Stats");
                sb.Append("total_connections_received:").Append(s.TotalConnections).Append("\r\n");
                sb.Append("total_commands_processed:").Append(s.TotalCommands).Append("\r\n");
                sb.Append("expired_keys:").Append(s.ExpiredKeys).Append("\r\n");
            }
            if (Wants("replication"))
            {
                Section(sb, "Replication");
                sb.Append("role:master\r\nconnected_slaves:0\r\n");
            }
            if (Wants("keyspace"))
            {
                Section(sb, "Keyspace");
                foreach (Database db in s.Databases)
                    if (db.Count > 0)
                        sb.Append("db").Append(db.Index).Append(":keys=").Append(db.Count).Append(",expires=").Append(db.ExpiresCount)
                          .Append(",avg_ttl=").Append(db.AverageTtl(s.Now)).Append("\r\n");
            }
            c.Reply.Bulk(Encoding.ASCII.GetBytes(sb.ToString()));
        }

        private static void Section(StringBuilder sb, string name)
        {
            if (sb.Length > 0) sb.Append("\r\n");
            sb.Append("# ").Append(name).Append("\r\n");
        }

        private static string Human(long bytes)
        {
            if (bytes < 1024) return bytes + "B";
            if (bytes < 1024 * 1024) return (bytes / 1024.0).ToString("F2") + "K";
            if (bytes < 1024L * 1024 * 1024) return (bytes / (1024.0 * 1024)).ToString("F2") + "M";
            return (bytes / (1024.0 * 1024 * 1024)).ToString("F2") + "G";
        }

#if KV_CORECLR
        private const string Runtime = "coreclr";
#else
        private const string Runtime = "testbed";
#endif
    }
}
