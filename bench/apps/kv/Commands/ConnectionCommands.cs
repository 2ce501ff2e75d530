using System;
using Kv.Server;

namespace Kv.Commands
{
    /// <summary>Commands about the connection itself: what redis-cli and client libraries send on connecting.</summary>
    internal static class ConnectionCommands
    {
        /// <summary>The Redis version kv answers as, for clients that pick features by it.</summary>
        public const string RedisVersion = "7.0.15";

        public static void Register(CommandTable t)
        {
            t.Group = "connection";
            const CommandFlags A = CommandFlags.Admin, F = CommandFlags.Fast;
            t.Add("ping", -1, A | F, Ping, 0, 0, 0);
            t.Add("echo", 2, A | F, c => c.Reply.Bulk(c.Arg(1)), 0, 0, 0);
            t.Add("select", 2, A | F, Select, 0, 0, 0);
            t.Add("quit", -1, A | F, c => { c.Reply.Ok(); c.CloseAfterReply = true; }, 0, 0, 0);
            t.Add("hello", -1, A | F, Hello, 0, 0, 0);
            t.Add("client", -2, A, ClientCommand, 0, 0, 0);
        }

        private static void Ping(Client c)
        {
            if (c.ArgCount > 2) c.Reply.Error(Errors.WrongArity("ping"));
            else if (c.ArgCount == 2) c.Reply.Bulk(c.Arg(1));
            else c.Reply.Simple("PONG");
        }

        private static void Select(Client c)
        {
            if (!Kv.Util.Numbers.TryParseInt64(c.Arg(1), out long index) || index < int.MinValue || index > int.MaxValue)
            {
                c.Reply.Error(Errors.NotInteger);
                return;
            }
            if (index < 0 || index >= c.Server.Databases.Length)
            {
                c.Reply.Error("DB index is out of range");
                return;
            }
            c.Db = c.Server.Databases[index];
            c.Reply.Ok();
        }

        /// <summary>HELLO [2 [SETNAME name]]: only RESP2 is spoken; RESP3 is refused as a server without it would.</summary>
        private static void Hello(Client c)
        {
            if (c.ArgCount >= 2)
            {
                if (!Kv.Util.Numbers.TryParseInt64(c.Arg(1), out long version) || version > int.MaxValue || version < int.MinValue)
                {
                    c.Reply.Error("Protocol version is not an integer or out of range");
                    return;
                }
                if (version != 2)
                {
                    c.Reply.Error("-NOPROTO unsupported protocol version");
                    return;
                }
                for (int i = 2; i < c.ArgCount; i++)
                {
                    if (c.ArgIs(i, "setname") && i + 1 < c.ArgCount)
                    {
                        if (!TrySetName(c, ++i))
                            return;
                    }
                    else if (c.ArgIs(i, "auth") && i + 2 < c.ArgCount)
                    {
                        c.Reply.Error("-WRONGPASS invalid username-password pair or user is disabled.");
                        return;
                    }
                    else
                    {
                        c.Reply.Error("Syntax error in HELLO option '" + c.ArgString(i) + "'");
                        return;
                    }
                }
            }
            c.Reply.ArrayHeader(14);
            c.Reply.BulkString("server");
            c.Reply.BulkString("redis");
            c.Reply.BulkString("version");
            c.Reply.BulkString(RedisVersion);
            c.Reply.BulkString("proto");
            c.Reply.Integer(2);
            c.Reply.BulkString("id");
            c.Reply.Integer(c.Id);
            c.Reply.BulkString("mode");
            c.Reply.BulkString("standalone");
            c.Reply.BulkString("role");
            c.Reply.BulkString("master");
            c.Reply.BulkString("modules");
            c.Reply.ArrayHeader(0);
        }

        private static bool TrySetName(Client c, int arg)
        {
            ReadOnlySpan<byte> name = c.Arg(arg);
            foreach (byte b in name)
            {
                if (b < (byte)'!' || b > (byte)'~')
                {
                    c.Reply.Error("Client names cannot contain spaces, newlines or special characters.");
                    return false;
                }
            }
            c.Name = name.Length == 0 ? null : name.ToArray();
            return true;
        }

        private static void ClientCommand(Client c)
        {
            if (c.ArgIs(1, "setname"))
            {
                if (c.ArgCount != 3) { c.Reply.Error(Errors.WrongArity("client|setname")); return; }
                if (TrySetName(c, 2)) c.Reply.Ok();
            }
            else if (c.ArgIs(1, "getname"))
            {
                if (c.ArgCount != 2) { c.Reply.Error(Errors.WrongArity("client|getname")); return; }
                if (c.Name == null) c.Reply.NullBulk();
                else c.Reply.Bulk(c.Name);
            }
            else if (c.ArgIs(1, "id"))
            {
                if (c.ArgCount != 2) { c.Reply.Error(Errors.WrongArity("client|id")); return; }
                c.Reply.Integer(c.Id);
            }
            else if (c.ArgIs(1, "info"))
            {
                if (c.ArgCount != 2) { c.Reply.Error(Errors.WrongArity("client|info")); return; }
                string name = c.Name == null ? "" : Kv.Util.Numbers.Ascii(c.Name);
                c.Reply.BulkString("id=" + c.Id + " name=" + name + " db=" + c.Db.Index + " resp=2\n");
            }
            else
            {
                c.Reply.Error("unknown subcommand '" + Truncate(c.ArgString(1)) + "'. Try CLIENT HELP.");
            }
        }

        internal static string Truncate(string s) => s.Length > 128 ? s.Substring(0, 128) : s;
    }
}
