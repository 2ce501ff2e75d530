using System;
using Kv.Data;
using Kv.Server;
using Kv.Util;

namespace Kv.Commands
{
    /// <summary>Hashes (Data/Values.cs HashValue): fields in insertion order, as Redis's small hashes reply.</summary>
    internal static class HashCommands
    {
        public static void Register(CommandTable t)
        {
            t.Group = "hash";
            const CommandFlags W = CommandFlags.Write, R = CommandFlags.ReadOnly, F = CommandFlags.Fast;
            t.Add("hset", -4, W | F, HSet);
            t.Add("hmset", -4, W | F, HSet);
            t.Add("hget", 3, R | F, HGet);
            t.Add("hgetall", 2, R, HGetAll);
            t.Add("hdel", -3, W | F, HDel);
            t.Add("hincrby", 4, W | F, HIncrBy);
            t.Add("hlen", 2, R | F, HLen);
            t.Add("hexists", 3, R | F, HExists);
        }

        private static void HSet(Client c)
        {
            bool legacy = c.ArgIs(0, "hmset");
            if (c.ArgCount % 2 == 1)
            {
                c.Reply.Error(Errors.WrongArity(legacy ? "hmset" : "hset"));
                return;
            }
            if (!c.TryLookup(1, out KeyEntry _, out HashValue hash))
                return;
            if (hash == null)
            {
                hash = new HashValue();
                c.Db.Add(c.Arg(1), hash);
            }
            long added = 0;
            for (int i = 2; i < c.ArgCount; i += 2)
                if (hash.Set(c.Arg(i), c.ArgCopy(i + 1)))
                    added++;
            c.Dirty((c.ArgCount - 2) / 2);
            if (legacy) c.Reply.Ok();
            else c.Reply.Integer(added);
        }

        private static void HGet(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry _, out HashValue hash))
                return;
            int f = hash == null ? -1 : hash.Find(c.Arg(2));
            if (f < 0) c.Reply.NullBulk();
            else c.Reply.Bulk(hash.ValueAt(f));
        }

        private static void HGetAll(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry _, out HashValue hash))
                return;
            if (hash == null)
            {
                c.Reply.ArrayHeader(0);
                return;
            }
            c.Reply.ArrayHeader(hash.Count * 2L);
            for (int i = 0; i < hash.End; i++)
            {
                if (!hash.IsLive(i)) continue;
                c.Reply.Bulk(hash.KeyAt(i));
                c.Reply.Bulk(hash.ValueAt(i));
            }
        }

        private static void HDel(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry e, out HashValue hash))
                return;
            long deleted = 0;
            if (hash != null)
            {
                for (int i = 2; i < c.ArgCount && hash.Count > 0; i++)
                    if (hash.Remove(c.Arg(i)))
                        deleted++;
                if (hash.Count == 0)
                    c.Db.Delete(e);
            }
            c.Dirty(deleted);
            c.Reply.Integer(deleted);
        }

        private static void HIncrBy(Client c)
        {
            if (!c.TryArgLong(3, out long by))
                return;
            if (!c.TryLookup(1, out KeyEntry _, out HashValue hash))
                return;
            long current = 0;
            int f = hash == null ? -1 : hash.Find(c.Arg(2));
            if (f >= 0 && !Numbers.TryParseInt64(hash.ValueAt(f), out current))
            {
                c.Reply.Error("hash value is not an integer");
                return;
            }
            if ((by < 0 && current < 0 && by < long.MinValue - current) || (by > 0 && current > 0 && by > long.MaxValue - current))
            {
                c.Reply.Error(Errors.Overflow);
                return;
            }
            long result = current + by;
            if (hash == null)
            {
                hash = new HashValue();
                c.Db.Add(c.Arg(1), hash);
            }
            string text = result.ToString();
            var bytes = new byte[text.Length];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)text[i];
            if (f >= 0) hash.ValueAt(f) = bytes;
            else hash.Add(c.ArgCopy(2), bytes);
            c.Dirty();
            c.Reply.Integer(result);
        }

        private static void HLen(Client c)
        {
            if (c.TryLookup(1, out KeyEntry _, out HashValue hash))
                c.Reply.Integer(hash == null ? 0 : hash.Count);
        }

        private static void HExists(Client c)
        {
            if (c.TryLookup(1, out KeyEntry _, out HashValue hash))
                c.Reply.Integer(hash != null && hash.ContainsKey(c.Arg(2)) ? 1 : 0);
        }
    }
}
