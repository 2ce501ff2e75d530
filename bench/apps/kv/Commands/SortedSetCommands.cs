using System;
using Kv.Data;
using Kv.Server;
using Kv.Util;

namespace Kv.Commands
{
    /// <summary>Sorted sets (Data/SortedSetValue.cs). Scores reply as "%.17g" bulk strings (Redis 7.0, RESP2).</summary>
    internal static class SortedSetCommands
    {
        public static void Register(CommandTable t)
        {
            t.Group = "sorted-set";
            const CommandFlags W = CommandFlags.Write, R = CommandFlags.ReadOnly, F = CommandFlags.Fast;
            t.Add("zadd", -4, W | F, ZAdd);
            t.Add("zincrby", 4, W | F, ZIncrBy);
            t.Add("zscore", 3, R | F, ZScore);
            t.Add("zrem", -3, W | F, ZRem);
            t.Add("zcard", 2, R | F, ZCard);
            t.Add("zrange", -4, R, ZRange);
            t.Add("zpopmin", -2, W | F, ZPopMin);
        }

        private const int NX = 1, XX = 2, CH = 4, INCR = 8, GT = 16, LT = 32;

        private static void ZAdd(Client c)
        {
            int flags = 0, i = 2;
            for (; i < c.ArgCount; i++)
            {
                if (c.ArgIs(i, "nx")) flags |= NX;
                else if (c.ArgIs(i, "xx")) flags |= XX;
                else if (c.ArgIs(i, "ch")) flags |= CH;
                else if (c.ArgIs(i, "incr")) flags |= INCR;
                else if (c.ArgIs(i, "gt")) flags |= GT;
                else if (c.ArgIs(i, "lt")) flags |= LT;
                else break;
            }
            int elements = c.ArgCount - i;
            if (elements % 2 != 0 || elements == 0)
            {
                c.Reply.Error(Errors.Syntax);
                return;
            }
            elements /= 2;
            if ((flags & NX) != 0 && (flags & XX) != 0)
            {
                c.Reply.Error("XX and NX options at the same time are not compatible");
                return;
            }
            if (((flags & GT) != 0 && (flags & NX) != 0) || ((flags & LT) != 0 && (flags & NX) != 0) || ((flags & GT) != 0 && (flags & LT) != 0))
            {
                c.Reply.Error("GT, LT, and/or NX options at the same time are not compatible");
                return;
            }
            if ((flags & INCR) != 0 && elements > 1)
            {
                c.Reply.Error("INCR option supports a single increment-element pair");
                return;
            }
            // Every score is checked before anything changes.
            for (int j = 0; j < elements; j++)
                if (!Numbers.TryParseDouble(c.Arg(i + 2 * j), out _))
                {
                    c.Reply.Error(Errors.NotFloat);
                    return;
                }
            if (!c.TryLookup(1, out KeyEntry _, out SortedSetValue zset))
                return;
            if (zset == null)
            {
                if ((flags & XX) != 0)
                {
                    if ((flags & INCR) != 0) c.Reply.NullBulk();
                    else c.Reply.Integer(0);
                    return;
                }
                zset = new SortedSetValue();
                c.Db.Add(c.Arg(1), zset);
            }
            long added = 0, updated = 0;
            bool processed = false;
            double last = 0;
            for (int j = 0; j < elements; j++)
            {
                Numbers.TryParseDouble(c.Arg(i + 2 * j), out double score);
                ReadOnlySpan<byte> member = c.Arg(i + 2 * j + 1);
                bool exists = zset.TryGetScore(member, out double current);
                if (exists)
                {
                    if ((flags & NX) != 0) continue;
                    if ((flags & INCR) != 0)
                    {
                        score += current;
                        if (double.IsNaN(score))
                        {
                            c.Reply.Error("resulting score is not a number (NaN)");
                            return;
                        }
                    }
                    if (((flags & GT) != 0 && score <= current) || ((flags & LT) != 0 && score >= current))
                        continue;
                    last = score;
                    processed = true;
                    if (score != current)
                    {
                        zset.Set(member, score, c.Server.Rng);
                        updated++;
                    }
                }
                else
                {
                    if ((flags & XX) != 0) continue;
                    zset.Set(member, score, c.Server.Rng);
                    added++;
                    last = score;
                    processed = true;
                }
            }
            if (zset.Count == 0)
                c.Db.Delete(c.Lookup(1));
            c.Dirty(added + updated);
            if ((flags & INCR) != 0)
            {
                if (processed) c.Reply.Double(last);
                else c.Reply.NullBulk();
            }
            else
            {
                c.Reply.Integer((flags & CH) != 0 ? added + updated : added);
            }
        }

        private static void ZIncrBy(Client c)
        {
            if (!c.TryArgDouble(2, out double by))
                return;
            if (!c.TryLookup(1, out KeyEntry _, out SortedSetValue zset))
                return;
            if (zset == null)
            {
                zset = new SortedSetValue();
                c.Db.Add(c.Arg(1), zset);
            }
            // A new member takes the increment itself (so -0 replies "-0", as in Redis).
            double score = zset.TryGetScore(c.Arg(3), out double current) ? current + by : by;
            if (double.IsNaN(score))
            {
                c.Reply.Error("resulting score is not a number (NaN)");
                return;
            }
            zset.Set(c.Arg(3), score, c.Server.Rng);
            c.Dirty();
            c.Reply.Double(score);
        }

        private static void ZScore(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry _, out SortedSetValue zset))
                return;
            if (zset != null && zset.TryGetScore(c.Arg(2), out double score)) c.Reply.Double(score);
            else c.Reply.NullBulk();
        }

        private static void ZRem(Client c)
        {
            if (!c.TryLookup(1, out KeyEntry e, out SortedSetValue zset))
                return;
            long removed = 0;
            if (zset != null)
            {
                for (int i = 2; i < c.ArgCount; i++)
                    if (zset.Remove(c.Arg(i)))
                        removed++;
                if (zset.Count == 0)
                    c.Db.Delete(e);
            }
            c.Dirty(removed);
            c.Reply.Integer(removed);
        }

        private static void ZCard(Client c)
        {
            if (c.TryLookup(1, out KeyEntry _, out SortedSetValue zset))
                c.Reply.Integer(zset == null ? 0 : zset.Count);
        }

        /// <summary>ZRANGE key start stop [BYSCORE] [REV] [LIMIT offset count] [WITHSCORES]; BYLEX is not implemented.</summary>
        private static void ZRange(Client c)
        {
            bool withScores = false, rev = false, byScore = false, byLex = false, limit = false;
            long offset = 0, limitCount = -1;
            for (int i = 4; i < c.ArgCount; i++)
            {
                bool twoMore = i + 2 < c.ArgCount;
                if (c.ArgIs(i, "withscores")) withScores = true;
                else if (c.ArgIs(i, "rev")) rev = true;
                else if (c.ArgIs(i, "byscore")) byScore = true;
                else if (c.ArgIs(i, "bylex")) byLex = true;
                else if (c.ArgIs(i, "limit") && twoMore)
                {
                    if (!c.TryArgLong(i + 1, out offset) || !c.TryArgLong(i + 2, out limitCount))
                        return;
                    limit = true;
                    i += 2;
                }
                else
                {
                    c.Reply.Error(Errors.Syntax);
                    return;
                }
            }
            if (limit && !byScore && !byLex)
            {
                c.Reply.Error("syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
                return;
            }
            if (withScores && byLex)
            {
                c.Reply.Error("syntax error, WITHSCORES not supported in combination with BYLEX");
                return;
            }
            if (byLex)
            {
                c.Reply.Error("ZRANGE BYLEX is not supported by kv");
                return;
            }
            if (byScore)
            {
                RangeByScore(c, rev, withScores, offset, limitCount);
                return;
            }
            if (!c.TryArgLong(2, out long start) || !c.TryArgLong(3, out long stop))
                return;
            if (!c.TryLookup(1, out KeyEntry _, out SortedSetValue zset))
                return;
            if (zset == null || !ListCommands.Range(start, stop, zset.Count, out long from, out long to))
            {
                c.Reply.ArrayHeader(0);
                return;
            }
            long n = to - from + 1;
            c.Reply.ArrayHeader(withScores ? n * 2 : n);
            SortedSetValue.Node node = zset.AtRank((int)(rev ? zset.Count - 1 - from : from));
            for (long k = 0; k < n && node != null; k++)
            {
                c.Reply.Bulk(node.Member);
                if (withScores) c.Reply.Double(node.Score);
                node = rev ? node.Backward : node.Forward[0];
            }
        }

        /// <summary>A score bound: "(x" is exclusive, "-inf"/"+inf" allowed.</summary>
        private static bool TryBound(ReadOnlySpan<byte> s, out double value, out bool exclusive)
        {
            exclusive = s.Length > 0 && s[0] == (byte)'(';
            return Numbers.TryParseRangeBound(exclusive ? s.Slice(1) : s, out value);
        }

        private static void RangeByScore(Client c, bool rev, bool withScores, long offset, long limitCount)
        {
            // With REV the arguments are max then min.
            if (!TryBound(c.Arg(rev ? 3 : 2), out double min, out bool minEx) || !TryBound(c.Arg(rev ? 2 : 3), out double max, out bool maxEx))
            {
                c.Reply.Error("min or max is not a float");
                return;
            }
            if (!c.TryLookup(1, out KeyEntry _, out SortedSetValue zset))
                return;
            var members = new System.Collections.Generic.List<SortedSetValue.Node>();
            if (zset != null && offset >= 0)
            {
                SortedSetValue.Node node = rev ? zset.Last : zset.First;
                long skipped = 0;
                while (node != null && (limitCount < 0 || members.Count < limitCount))
                {
                    bool aboveMin = minEx ? node.Score > min : node.Score >= min;
                    bool belowMax = maxEx ? node.Score < max : node.Score <= max;
                    if (rev ? !aboveMin : !belowMax)
                        break;
                    if (aboveMin && belowMax && skipped++ >= offset)
                        members.Add(node);
                    node = rev ? node.Backward : node.Forward[0];
                }
            }
            c.Reply.ArrayHeader(withScores ? members.Count * 2L : members.Count);
            foreach (SortedSetValue.Node m in members)
            {
                c.Reply.Bulk(m.Member);
                if (withScores) c.Reply.Double(m.Score);
            }
        }

        private static void ZPopMin(Client c)
        {
            if (c.ArgCount > 3)
            {
                c.Reply.Error(Errors.Syntax);
                return;
            }
            long count = 1;
            if (c.ArgCount == 3 && (!Numbers.TryParseInt64(c.Arg(2), out count) || count < 0))
            {
                c.Reply.Error(Errors.NotPositive);
                return;
            }
            if (!c.TryLookup(1, out KeyEntry e, out SortedSetValue zset))
                return;
            if (zset == null)
            {
                c.Reply.ArrayHeader(0);
                return;
            }
            if (count > zset.Count) count = zset.Count;
            c.Reply.ArrayHeader(count * 2);
            for (long i = 0; i < count; i++)
            {
                SortedSetValue.Node first = zset.First;
                c.Reply.Bulk(first.Member);
                c.Reply.Double(first.Score);
                zset.Remove(first.Member);
            }
            if (zset.Count == 0)
                c.Db.Delete(e);
            c.Dirty(count);
        }
    }
}
