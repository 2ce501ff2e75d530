using System;
using Kv.Data;
using Kv.Server;
using Kv.Util;

namespace Kv.Commands
{
    /// <summary>Strings: the value is the byte[] itself. Argument checks come in Redis 7.0's order, so the same error wins.</summary>
    internal static class StringCommands
    {
        public static void Register(CommandTable t)
        {
            t.Group = "string";
            const CommandFlags W = CommandFlags.Write, R = CommandFlags.ReadOnly, F = CommandFlags.Fast;
            t.Add("get", 2, R | F, Get);
            t.Add("set", -3, W, Set);
            t.Add("setnx", 3, W | F, SetNx);
            t.Add("getset", 3, W | F, GetSet);
            t.Add("getdel", 2, W | F, GetDel);
            t.Add("append", 3, W, Append);
            t.Add("strlen", 2, R | F, StrLen);
            t.Add("incr", 2, W | F, c => IncrBy(c, 1));
            t.Add("decr", 2, W | F, c => IncrBy(c, -1));
            t.Add("incrby", 3, W | F, c => { if (c.TryArgLong(2, out long by)) IncrBy(c, by); });
            t.Add("decrby", 3, W | F, DecrBy);
            t.Add("incrbyfloat", 3, W | F, IncrByFloat);
            t.Add("mget", -2, R, MGet, 1, -1, 1);
            t.Add("mset", -3, W, MSet, 1, -1, 2);
        }

        /// <summary>Stores a string at <paramref name="key"/>, replacing any value; the expiry goes unless <paramref name="keepTtl"/>.</summary>
        internal static KeyEntry Store(Client c, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool keepTtl)
        {
            KeyEntry e = c.Db.Lookup(key, c.Server.Now);
            if (e == null)
                return c.Db.Add(key, value.ToArray());
            // Values are never shared, so one of the same length is overwritten in place: a SET that
            // replaces a value allocates nothing.
            if (e.Value is byte[] old && old.Length == value.Length)
                value.CopyTo(old);
            else
                e.Value = value.ToArray();
            if (!keepTtl)
                c.Db.RemoveExpire(e);
            return e;
        }

        private static bool TryGetString(Client c, int arg, out byte[] value)
        {
            if (!c.TryLookup(arg, out KeyEntry _, out value))
                return false;
            return true;
        }

        private static void Get(Client c)
        {
            if (!TryGetString(c, 1, out byte[] v))
                return;
            if (v == null) c.Reply.NullBulk();
            else c.Reply.Bulk(v);
        }

        private const int NX = 1, XX = 2, GET = 4, KEEPTTL = 8, EX = 16, PX = 32, EXAT = 64, PXAT = 128;

        private static void Set(Client c)
        {
            int flags = 0, expireArg = -1;
            for (int j = 3; j < c.ArgCount; j++)
            {
                bool hasNext = j + 1 < c.ArgCount;
                const int AnyExpire = EX | PX | EXAT | PXAT;
                if (c.ArgIs(j, "nx") && (flags & XX) == 0) flags |= NX;
                else if (c.ArgIs(j, "xx") && (flags & NX) == 0) flags |= XX;
                else if (c.ArgIs(j, "get")) flags |= GET;
                else if (c.ArgIs(j, "keepttl") && (flags & AnyExpire) == 0) flags |= KEEPTTL;
                else if (c.ArgIs(j, "ex") && (flags & (KEEPTTL | EXAT | PX | PXAT)) == 0 && hasNext) { flags |= EX; expireArg = ++j; }
                else if (c.ArgIs(j, "px") && (flags & (KEEPTTL | EX | EXAT | PXAT)) == 0 && hasNext) { flags |= PX; expireArg = ++j; }
                else if (c.ArgIs(j, "exat") && (flags & (KEEPTTL | EX | PX | PXAT)) == 0 && hasNext) { flags |= EXAT; expireArg = ++j; }
                else if (c.ArgIs(j, "pxat") && (flags & (KEEPTTL | EX | EXAT | PX)) == 0 && hasNext) { flags |= PXAT; expireArg = ++j; }
                else
                {
                    c.Reply.Error(Errors.Syntax);
                    return;
                }
            }
            long at = 0;
            if (expireArg >= 0 && !KeyCommands.TryExpireTime(c, expireArg, (flags & (EX | EXAT)) != 0, (flags & (EX | PX)) != 0, "set", out at))
                return;
            if ((flags & GET) != 0)
            {
                if (!TryGetString(c, 1, out byte[] old))
                    return;
                if (old == null) c.Reply.NullBulk();
                else c.Reply.Bulk(old);
            }
            bool found = c.Lookup(1) != null;
            if (((flags & NX) != 0 && found) || ((flags & XX) != 0 && !found))
            {
                if ((flags & GET) == 0)
                    c.Reply.NullBulk();
                return;
            }
            KeyEntry e = Store(c, c.Arg(1), c.Arg(2), (flags & KEEPTTL) != 0);
            c.Dirty();
            if (expireArg >= 0)
            {
                c.Db.SetExpire(e, at);
                // Logged with an absolute time, so that a replay later does not extend the key's life.
                if (c.Server.Aof != null)
                {
                    c.Server.Aof.BeginRecord(c.Db.Index, 5);
                    c.Server.Aof.Arg("SET");
                    c.Server.Aof.Arg(c.Arg(1));
                    c.Server.Aof.Arg(c.Arg(2));
                    c.Server.Aof.Arg("PXAT");
                    c.Server.Aof.Arg(at);
                    c.Propagated = true;
                }
            }
            if ((flags & GET) == 0)
                c.Reply.Ok();
        }

        private static void SetNx(Client c)
        {
            if (c.Lookup(1) != null)
            {
                c.Reply.Integer(0);
                return;
            }
            Store(c, c.Arg(1), c.Arg(2), false);
            c.Dirty();
            c.Reply.Integer(1);
        }

        private static void GetSet(Client c)
        {
            if (!TryGetString(c, 1, out byte[] old))
                return;
            if (old == null) c.Reply.NullBulk();
            else c.Reply.Bulk(old);
            // Store may overwrite the old array in place: the reply has already copied it.
            Store(c, c.Arg(1), c.Arg(2), false);
            c.Dirty();
        }

        private static void GetDel(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry e, out byte[] v))
                return;
            if (v == null)
            {
                c.Reply.NullBulk();
                return;
            }
            c.Reply.Bulk(v);
            c.Db.Delete(e);
            c.Dirty();
        }

        private static void Append(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry e, out byte[] v))
                return;
            ReadOnlySpan<byte> more = c.Arg(2);
            if (e == null)
            {
                c.Db.Add(c.Arg(1), more.ToArray());
                c.Reply.Integer(more.Length);
                c.Dirty();
                return;
            }
            if ((long)v.Length + more.Length > c.Server.Config.MaxBulkLength)
            {
                c.Reply.Error("string exceeds maximum allowed size (proto-max-bulk-len)");
                return;
            }
            var joined = new byte[v.Length + more.Length];
            Array.Copy(v, joined, v.Length);
            more.CopyTo(new Span<byte>(joined, v.Length, more.Length));
            e.Value = joined;
            c.Reply.Integer(joined.Length);
            c.Dirty();
        }

        private static void StrLen(Client c)
        {
            if (TryGetString(c, 1, out byte[] v))
                c.Reply.Integer(v == null ? 0 : v.Length);
        }

        private static void DecrBy(Client c)
        {
            if (!c.TryArgLong(2, out long by))
                return;
            if (by == long.MinValue)
            {
                c.Reply.Error("decrement would overflow");
                return;
            }
            IncrBy(c, -by);
        }

        private static void IncrBy(Client c, long by)
        {
            if (!c.TryLookup(1, out KeyEntry e, out byte[] v))
                return;
            long current = 0;
            if (v != null && !Numbers.TryParseInt64(v, out current))
            {
                c.Reply.Error(Errors.NotInteger);
                return;
            }
            if ((by < 0 && current < 0 && by < long.MinValue - current) || (by > 0 && current > 0 && by > long.MaxValue - current))
            {
                c.Reply.Error(Errors.Overflow);
                return;
            }
            long result = current + by;
            string text = result.ToString();
            if (e == null)
            {
                e = c.Db.Add(c.Arg(1), new byte[text.Length]);
                v = (byte[])e.Value;
            }
            else if (v.Length != text.Length)
            {
                v = new byte[text.Length];
                e.Value = v;
            }
            for (int i = 0; i < text.Length; i++)
                v[i] = (byte)text[i];
            c.Dirty();
            c.Reply.Integer(result);
        }

        private static void IncrByFloat(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry e, out byte[] v))
                return;
            if (!Numbers.TryIncrByFloat(v ?? new byte[] { (byte)'0' }, c.Arg(2), out string result, out bool notFloat))
            {
                c.Reply.Error(notFloat ? Errors.NotFloat : "increment would produce NaN or Infinity");
                return;
            }
            var bytes = new byte[result.Length];
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = (byte)result[i];
            if (e == null) c.Db.Add(c.Arg(1), bytes);
            else e.Value = bytes;
            c.Dirty();
            c.Reply.Bulk(bytes);
            // Logged as the value it produced: float arithmetic must not be redone differently on replay.
            if (c.Server.Aof != null)
            {
                c.Server.Aof.BeginRecord(c.Db.Index, 4);
                c.Server.Aof.Arg("SET");
                c.Server.Aof.Arg(c.Arg(1));
                c.Server.Aof.Arg(bytes);
                c.Server.Aof.Arg("KEEPTTL");
                c.Propagated = true;
            }
        }

        private static void MGet(Client c)
        {
            c.Reply.ArrayHeader(c.ArgCount - 1);
            for (int i = 1; i < c.ArgCount; i++)
            {
                KeyEntry e = c.Lookup(i);
                if (e != null && e.Value is byte[] v) c.Reply.Bulk(v);
                else c.Reply.NullBulk();
            }
        }

        private static void MSet(Client c)
        {
            if (c.ArgCount % 2 == 0)
            {
                c.Reply.Error(Errors.WrongArity("mset"));
                return;
            }
            for (int i = 1; i < c.ArgCount; i += 2)
                Store(c, c.Arg(i), c.Arg(i + 1), false);
            c.Dirty(c.ArgCount / 2);
            c.Reply.Ok();
        }
    }
}
