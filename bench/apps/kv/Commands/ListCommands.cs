using System;
using Kv.Data;
using Kv.Server;

namespace Kv.Commands
{
    /// <summary>Lists (Data/Values.cs ListValue). A list that becomes empty is deleted, as in Redis.</summary>
    internal static class ListCommands
    {
        public static void Register(CommandTable t)
        {
            t.Group = "list";
            const CommandFlags W = CommandFlags.Write, R = CommandFlags.ReadOnly, F = CommandFlags.Fast;
            t.Add("lpush", -3, W | F, c => Push(c, true));
            t.Add("rpush", -3, W | F, c => Push(c, false));
            t.Add("lpop", -2, W | F, c => Pop(c, true));
            t.Add("rpop", -2, W | F, c => Pop(c, false));
            t.Add("llen", 2, R | F, LLen);
            t.Add("lindex", 3, R, LIndex);
            t.Add("lset", 4, W, LSet);
            t.Add("lrem", 4, W, LRem);
            t.Add("lrange", 4, R, LRange);
        }

        private static void Push(Client c, bool left)
        {
            if (!c.TryLookup(1, out KeyEntry e, out ListValue list))
                return;
            if (list == null)
            {
                list = new ListValue();
                c.Db.Add(c.Arg(1), list);
            }
            for (int i = 2; i < c.ArgCount; i++)
            {
                if (left) list.PushLeft(c.ArgCopy(i));
                else list.PushRight(c.ArgCopy(i));
            }
            c.Dirty(c.ArgCount - 2);
            c.Reply.Integer(list.Count);
        }

        private static void Pop(Client c, bool left)
        {
            if (c.ArgCount > 3)
            {
                c.Reply.Error(Errors.WrongArity(left ? "lpop" : "rpop"));
                return;
            }
            long count = 0;
            bool hasCount = c.ArgCount == 3;
            if (hasCount)
            {
                if (!Kv.Util.Numbers.TryParseInt64(c.Arg(2), out count) || count < 0)
                {
                    c.Reply.Error(Errors.NotPositive);
                    return;
                }
            }
            if (!c.TryLookup(1, out KeyEntry e, out ListValue list))
                return;
            if (list == null)
            {
                if (hasCount) c.Reply.NullArray();
                else c.Reply.NullBulk();
                return;
            }
            if (hasCount && count == 0)
            {
                c.Reply.ArrayHeader(0);
                return;
            }
            if (!hasCount)
            {
                c.Reply.Bulk(left ? list.PopLeft() : list.PopRight());
                count = 1;
            }
            else
            {
                if (count > list.Count) count = list.Count;
                c.Reply.ArrayHeader(count);
                for (long i = 0; i < count; i++)
                    c.Reply.Bulk(left ? list.PopLeft() : list.PopRight());
            }
            if (list.Count == 0)
                c.Db.Delete(e);
            c.Dirty(count);
        }

        private static void LLen(Client c)
        {
            if (c.TryLookup(1, out KeyEntry _, out ListValue list))
                c.Reply.Integer(list == null ? 0 : list.Count);
        }

        private static void LIndex(Client c)
        {
            // Key, then type, then index: Redis's order.
            if (!c.TryLookup(1, out KeyEntry _, out ListValue list))
                return;
            if (list == null)
            {
                c.Reply.NullBulk();
                return;
            }
            if (!c.TryArgLong(2, out long index))
                return;
            if (index < 0) index += list.Count;
            if (index < 0 || index >= list.Count) c.Reply.NullBulk();
            else c.Reply.Bulk(list[(int)index]);
        }

        private static void LSet(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry _, out ListValue list))
                return;
            if (list == null)
            {
                c.Reply.Error(Errors.NoSuchKey);
                return;
            }
            if (!c.TryArgLong(2, out long index))
                return;
            if (index < 0) index += list.Count;
            if (index < 0 || index >= list.Count)
            {
                c.Reply.Error(Errors.IndexOutOfRange);
                return;
            }
            list[(int)index] = c.ArgCopy(3);
            c.Dirty();
            c.Reply.Ok();
        }

        /// <summary>LREM key count element: count &gt; 0 from the head, &lt; 0 from the tail, 0 all.</summary>
        private static void LRem(Client c)
        {
            if (!c.TryArgLong(2, out long count))
                return;
            if (!c.TryLookup(1, out KeyEntry e, out ListValue list))
                return;
            if (list == null)
            {
                c.Reply.Integer(0);
                return;
            }
            ReadOnlySpan<byte> element = c.Arg(3);
            long removed = 0;
            if (count >= 0)
            {
                for (int i = 0; i < list.Count && (count == 0 || removed < count);)
                {
                    if (list[i].AsSpan().SequenceEqual(element)) { list.RemoveAt(i); removed++; }
                    else i++;
                }
            }
            else
            {
                for (int i = list.Count - 1; i >= 0 && removed < -count; i--)
                {
                    if (list[i].AsSpan().SequenceEqual(element)) { list.RemoveAt(i); removed++; }
                }
            }
            if (list.Count == 0)
                c.Db.Delete(e);
            c.Dirty(removed);
            c.Reply.Integer(removed);
        }

        /// <summary>Normalises an inclusive [start, stop] range over <paramref name="length"/> elements; false when empty.</summary>
        internal static bool Range(long start, long stop, long length, out long from, out long to)
        {
            if (start < 0) start += length;
            if (stop < 0) stop += length;
            if (start < 0) start = 0;
            from = start;
            to = stop >= length ? length - 1 : stop;
            return !(start > stop || start >= length);
        }

        private static void LRange(Client c)
        {
            if (!c.TryArgLong(2, out long start) || !c.TryArgLong(3, out long stop))
                return;
            if (!c.TryLookup(1, out KeyEntry _, out ListValue list))
                return;
            if (list == null || !Range(start, stop, list.Count, out long from, out long to))
            {
                c.Reply.ArrayHeader(0);
                return;
            }
            c.Reply.ArrayHeader(to - from + 1);
            for (long i = from; i <= to; i++)
                c.Reply.Bulk(list[(int)i]);
        }
    }
}
