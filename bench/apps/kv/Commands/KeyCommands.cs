using System;
using System.Collections.Generic;
using Kv.Data;
using Kv.Server;
using Kv.Util;

namespace Kv.Commands
{
    /// <summary>Commands on keys of any type: existence, type, renaming, listing, and expiry.</summary>
    internal static class KeyCommands
    {
        public static void Register(CommandTable t)
        {
            t.Group = "generic";
            const CommandFlags W = CommandFlags.Write, R = CommandFlags.ReadOnly, F = CommandFlags.Fast;
            t.Add("del", -2, W, Del, 1, -1, 1);
            t.Add("unlink", -2, W | F, Del, 1, -1, 1);
            t.Add("exists", -2, R | F, Exists, 1, -1, 1);
            t.Add("type", 2, R | F, Type);
            t.Add("rename", 3, W, Rename, 1, 2, 1);
            t.Add("keys", 2, R, Keys, 0, 0, 0);
            t.Add("scan", -2, R, Scan, 0, 0, 0);
            t.Add("dbsize", 1, R | F, c => c.Reply.Integer(c.Db.Count), 0, 0, 0);
            t.Add("expire", -3, W | F, c => Expire(c, 1000, true, "expire"));
            t.Add("pexpire", -3, W | F, c => Expire(c, 1, true, "pexpire"));
            t.Add("expireat", -3, W | F, c => Expire(c, 1000, false, "expireat"));
            t.Add("pexpireat", -3, W | F, c => Expire(c, 1, false, "pexpireat"));
            t.Add("ttl", 2, R | F, c => Ttl(c, false));
            t.Add("pttl", 2, R | F, c => Ttl(c, true));
            t.Add("persist", 2, W | F, Persist);
        }

        /// <summary>
        /// SET's EX/PX/EXAT/PXAT argument as absolute Unix milliseconds, with Redis's checks (a positive
        /// integer, no overflow).
        /// </summary>
        internal static bool TryExpireTime(Client c, int arg, bool seconds, bool relative, string command, out long at)
        {
            at = 0;
            if (!c.TryArgLong(arg, out long v))
                return false;
            if (v <= 0 || (seconds && v > long.MaxValue / 1000))
            {
                c.Reply.Error(Errors.InvalidExpire(command));
                return false;
            }
            if (seconds) v *= 1000;
            if (relative)
            {
                if (v > long.MaxValue - c.Server.Now)
                {
                    c.Reply.Error(Errors.InvalidExpire(command));
                    return false;
                }
                v += c.Server.Now;
            }
            at = v;
            return true;
        }

        private static void Del(Client c)
        {
            long deleted = 0;
            for (int i = 1; i < c.ArgCount; i++)
            {
                KeyEntry e = c.Lookup(i);
                if (e == null)
                    continue;
                c.Db.Delete(e);
                deleted++;
            }
            c.Dirty(deleted);
            c.Reply.Integer(deleted);
        }

        private static void Exists(Client c)
        {
            long n = 0;
            for (int i = 1; i < c.ArgCount; i++)
                if (c.Lookup(i) != null)
                    n++;
            c.Reply.Integer(n);
        }

        internal static string TypeName(object value) =>
            value is byte[] ? "string" : value is ListValue ? "list" : value is HashValue ? "hash" : value is SetValue ? "set" : "zset";

        private static void Type(Client c)
        {
            KeyEntry e = c.Lookup(1);
            c.Reply.Simple(e == null ? "none" : TypeName(e.Value));
        }

        private static void Rename(Client c)
        {
            KeyEntry source = c.Lookup(1);
            if (source == null)
            {
                c.Reply.Error(Errors.NoSuchKey);
                return;
            }
            if (c.Arg(1).SequenceEqual(c.Arg(2)))
            {
                c.Reply.Ok();
                return;
            }
            object value = source.Value;
            long expireAt = source.ExpireAt;
            KeyEntry target = c.Lookup(2);
            if (target != null)
                c.Db.Delete(target);
            c.Db.Delete(source);
            KeyEntry moved = c.Db.Add(c.Arg(2), value);
            if (expireAt != 0)
                c.Db.SetExpire(moved, expireAt);
            c.Dirty();
            c.Reply.Ok();
        }

        private static void Keys(Client c)
        {
            var all = new List<KeyEntry>();
            c.Db.AllEntries(all);
            ReadOnlySpan<byte> pattern = c.Arg(1);
            bool everything = pattern.Length == 1 && pattern[0] == (byte)'*';
            var matched = new List<byte[]>();
            foreach (KeyEntry e in all)
                if ((e.ExpireAt == 0 || e.ExpireAt > c.Server.Now) && (everything || Glob.Match(pattern, e.Key)))
                    matched.Add(e.Key);
            c.Reply.ArrayHeader(matched.Count);
            foreach (byte[] k in matched)
                c.Reply.Bulk(k);
        }

        private static void Scan(Client c)
        {
            if (!ulong.TryParse(c.ArgString(1), out ulong cursor) || c.Arg(1).Length == 0 || c.Arg(1)[0] == (byte)'+' || c.Arg(1)[0] == (byte)' ')
            {
                c.Reply.Error("invalid cursor");
                return;
            }
            long count = 10;
            int matchArg = -1;
            string type = null;
            for (int i = 2; i < c.ArgCount; i++)
            {
                bool hasNext = i + 1 < c.ArgCount;
                if (c.ArgIs(i, "count") && hasNext)
                {
                    if (!c.TryArgLong(i + 1, out count))
                        return;
                    if (count < 1)
                    {
                        c.Reply.Error(Errors.Syntax);
                        return;
                    }
                    i++;
                }
                else if (c.ArgIs(i, "match") && hasNext)
                {
                    matchArg = ++i;
                }
                else if (c.ArgIs(i, "type") && hasNext)
                {
                    type = c.ArgString(++i).ToLowerInvariant();
                }
                else
                {
                    c.Reply.Error(Errors.Syntax);
                    return;
                }
            }
            var found = new List<KeyEntry>();
            ulong next = c.Db.Scan(cursor, (int)Math.Min(count, 1 << 20), found);
            var keys = new List<byte[]>();
            foreach (KeyEntry e in found)
            {
                if (e.ExpireAt != 0 && e.ExpireAt <= c.Server.Now) continue;
                if (matchArg >= 0 && !(c.Arg(matchArg).Length == 1 && c.Arg(matchArg)[0] == (byte)'*') && !Glob.Match(c.Arg(matchArg), e.Key)) continue;
                if (type != null && TypeName(e.Value) != type) continue;
                keys.Add(e.Key);
            }
            c.Reply.ArrayHeader(2);
            c.Reply.BulkString(next.ToString());
            c.Reply.ArrayHeader(keys.Count);
            foreach (byte[] k in keys)
                c.Reply.Bulk(k);
        }

        private const int NX = 1, XX = 2, GT = 4, LT = 8;

        /// <summary>EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with Redis 7.0's NX/XX/GT/LT; logged as PEXPIREAT.</summary>
        private static void Expire(Client c, long unit, bool relative, string command)
        {
            if (!c.TryArgLong(2, out long when))
                return;
            int flags = 0;
            for (int i = 3; i < c.ArgCount; i++)
            {
                if (c.ArgIs(i, "nx")) flags |= NX;
                else if (c.ArgIs(i, "xx")) flags |= XX;
                else if (c.ArgIs(i, "gt")) flags |= GT;
                else if (c.ArgIs(i, "lt")) flags |= LT;
                else
                {
                    c.Reply.Error("Unsupported option " + c.ArgString(i));
                    return;
                }
            }
            if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0)
            {
                c.Reply.Error("NX and XX, GT or LT options at the same time are not compatible");
                return;
            }
            if ((flags & GT) != 0 && (flags & LT) != 0)
            {
                c.Reply.Error("GT and LT options at the same time are not compatible");
                return;
            }
            if (unit == 1000)
            {
                if (when > long.MaxValue / 1000 || when < long.MinValue / 1000)
                {
                    c.Reply.Error(Errors.InvalidExpire(command));
                    return;
                }
                when *= 1000;
            }
            if (relative)
            {
                if (when > long.MaxValue - c.Server.Now)
                {
                    c.Reply.Error(Errors.InvalidExpire(command));
                    return;
                }
                when += c.Server.Now;
            }
            KeyEntry e = c.Lookup(1);
            if (e == null)
            {
                c.Reply.Integer(0);
                return;
            }
            // A key without expiry counts as an infinite TTL for GT and LT.
            bool has = e.ExpireAt != 0;
            if (((flags & NX) != 0 && has) || ((flags & XX) != 0 && !has)
                || ((flags & GT) != 0 && (!has || when <= e.ExpireAt)) || ((flags & LT) != 0 && has && when >= e.ExpireAt))
            {
                c.Reply.Integer(0);
                return;
            }
            c.Dirty();
            c.Propagated = true;
            var aof = c.Server.Aof;
            if (when <= c.Server.Now && !c.Server.Loading)
            {
                // Already in the past: the key goes now, and the log says DEL.
                c.Db.Delete(e);
                if (aof != null)
                {
                    aof.BeginRecord(c.Db.Index, 2);
                    aof.Arg("DEL");
                    aof.Arg(c.Arg(1));
                }
            }
            else
            {
                c.Db.SetExpire(e, when);
                if (aof != null)
                {
                    aof.BeginRecord(c.Db.Index, 3);
                    aof.Arg("PEXPIREAT");
                    aof.Arg(c.Arg(1));
                    aof.Arg(when);
                }
            }
            c.Reply.Integer(1);
        }

        private static void Ttl(Client c, bool milliseconds)
        {
            KeyEntry e = c.Lookup(1);
            if (e == null) { c.Reply.Integer(-2); return; }
            if (e.ExpireAt == 0) { c.Reply.Integer(-1); return; }
            long ttl = e.ExpireAt - c.Server.Now;
            if (ttl < 0) ttl = 0;
            c.Reply.Integer(milliseconds ? ttl : (ttl + 500) / 1000);
        }

        private static void Persist(Client c)
        {
            KeyEntry e = c.Lookup(1);
            if (e != null && c.Db.RemoveExpire(e))
            {
                c.Dirty();
                c.Reply.Integer(1);
            }
            else
            {
                c.Reply.Integer(0);
            }
        }
    }
}
