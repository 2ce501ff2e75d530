using System;
using System.Collections.Generic;
using Kv.Data;
using Kv.Server;
using Kv.Util;

namespace Kv.Commands
{
    /// <summary>Sets (Data/Values.cs SetValue).</summary>
    internal static class SetCommands
    {
        public static void Register(CommandTable t)
        {
            t.Group = "set";
            const CommandFlags W = CommandFlags.Write, R = CommandFlags.ReadOnly, F = CommandFlags.Fast;
            t.Add("sadd", -3, W | F, SAdd);
            t.Add("srem", -3, W | F, SRem);
            t.Add("smembers", 2, R, SMembers);
            t.Add("sismember", 3, R | F, SIsMember);
            t.Add("scard", 2, R | F, SCard);
            t.Add("spop", -2, W | F, SPop);
        }

        private static void SAdd(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry _, out SetValue set))
                return;
            if (set == null)
            {
                set = new SetValue();
                c.Db.Add(c.Arg(1), set);
            }
            long added = 0;
            for (int i = 2; i < c.ArgCount; i++)
                if (set.AddMember(c.Arg(i)))
                    added++;
            c.Dirty(added);
            c.Reply.Integer(added);
        }

        private static void SRem(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry e, out SetValue set))
                return;
            long removed = 0;
            if (set != null)
            {
                for (int i = 2; i < c.ArgCount && set.Count > 0; i++)
                    if (set.Remove(c.Arg(i)))
                        removed++;
                if (set.Count == 0)
                    c.Db.Delete(e);
            }
            c.Dirty(removed);
            c.Reply.Integer(removed);
        }

        private static void SMembers(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry _, out SetValue set))
                return;
            if (set == null)
            {
                c.Reply.ArrayHeader(0);
                return;
            }
            c.Reply.ArrayHeader(set.Count);
            if (!set.IntsetEncoded)
            {
                for (int i = 0; i < set.End; i++)
                    if (set.IsLive(i))
                        c.Reply.Bulk(set.KeyAt(i));
                return;
            }
            // Redis would hold an intset: members come out in numeric order.
            var numbers = new long[set.Count];
            int n = 0;
            for (int i = 0; i < set.End; i++)
                if (set.IsLive(i))
                    Numbers.TryParseInt64(set.KeyAt(i), out numbers[n++]);
            Array.Sort(numbers);
            foreach (long v in numbers)
                c.Reply.BulkLong(v);
        }

        private static void SIsMember(Client c)
        {
            if (c.TryLookup(1, out KeyEntry _, out SetValue set))
                c.Reply.Integer(set != null && set.ContainsKey(c.Arg(2)) ? 1 : 0);
        }

        private static void SCard(Client c)
        {
            if (c.TryLookup(1, out KeyEntry _, out SetValue set))
                c.Reply.Integer(set == null ? 0 : set.Count);
        }

        /// <summary>SPOP key [count]: random members; logged as the SREM it amounts to, so a replay removes the same ones.</summary>
        private static void SPop(Client c)
        {
            if (c.ArgCount > 3)
            {
                c.Reply.Error(Errors.Syntax);
                return;
            }
            bool hasCount = c.ArgCount == 3;
            long count = 1;
            if (hasCount && (!Numbers.TryParseInt64(c.Arg(2), out count) || count < 0))
            {
                c.Reply.Error(Errors.NotPositive);
                return;
            }
            if (!c.TryLookup(1, out KeyEntry e, out SetValue set))
                return;
            if (set == null)
            {
                if (hasCount) c.Reply.ArrayHeader(0);
                else c.Reply.NullBulk();
                return;
            }
            if (count > set.Count) count = set.Count;
            var popped = new List<byte[]>((int)Math.Min(count, 1024));
            for (long i = 0; i < count; i++)
            {
                int m = set.RandomEntry(c.Server.Rng);
                popped.Add(set.KeyAt(m));
                set.RemoveAt(m);
            }
            if (hasCount) c.Reply.ArrayHeader(popped.Count);
            foreach (byte[] m in popped)
                c.Reply.Bulk(m);
            if (set.Count == 0)
                c.Db.Delete(e);
            if (popped.Count == 0)
                return;
            c.Dirty(popped.Count);
            if (c.Server.Aof != null)
            {
                c.Server.Aof.BeginRecord(c.Db.Index, popped.Count + 2);
                c.Server.Aof.Arg("SREM");
                c.Server.Aof.Arg(c.Arg(1));
                foreach (byte[] m in popped)
                    c.Server.Aof.Arg(m);
                c.Propagated = true;
            }
        }
    }
}
