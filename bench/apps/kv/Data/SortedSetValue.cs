using System;

namespace Kv.Data
{
    /// <summary>
    /// A sorted set as Redis builds one: a map member → score for O(1) ZSCORE, and a skip list ordered by
    /// (score, member bytes) whose links carry spans (how many elements each link jumps), so that ranks
    /// and ZRANGE by index take O(log n). The order equals that of Redis's small (listpack) encoding, so
    /// replies match Redis's at every size.
    /// </summary>
    internal sealed class SortedSetValue
    {
        private const int MaxLevel = 32;

        internal sealed class Node
        {
            public byte[] Member;
            public double Score;
            public Node Backward;
            public Node[] Forward;
            public int[] Span;

            public Node(int levels, double score, byte[] member)
            {
                Member = member;
                Score = score;
                Forward = new Node[levels];
                Span = new int[levels];
            }
        }

        private readonly BytesMap<double> scores = new BytesMap<double>();
        private readonly Node header = new Node(MaxLevel, 0, null);
        private readonly Node[] update = new Node[MaxLevel];
        private readonly int[] rankAt = new int[MaxLevel];
        private Node tail;
        private int level = 1;
        private int length; // nodes in the skip list (equals Count except inside Set)

        public int Count => scores.Count;

        public Node First => header.Forward[0];

        public Node Last => tail;

        public bool TryGetScore(ReadOnlySpan<byte> member, out double score)
        {
            int e = scores.Find(member);
            score = e >= 0 ? scores.ValueAt(e) : 0;
            return e >= 0;
        }

        /// <summary>Adds or moves <paramref name="member"/> to <paramref name="score"/>; true when it was added.</summary>
        public bool Set(ReadOnlySpan<byte> member, double score, Rng rng)
        {
            // Redis's small encoding stores scores as text that loses the sign of zero: -0 is kept as 0.
            if (score == 0)
                score = 0;
            int e = scores.Find(member);
            if (e >= 0)
            {
                double old = scores.ValueAt(e);
                if (old != score)
                {
                    byte[] key = scores.KeyAt(e);
                    Unlink(old, key);
                    Insert(score, key, rng);
                    scores.ValueAt(e) = score;
                }
                return false;
            }
            byte[] owned = member.ToArray();
            scores.Add(owned, score);
            Insert(score, owned, rng);
            return true;
        }

        public bool Remove(ReadOnlySpan<byte> member)
        {
            int e = scores.Find(member);
            if (e < 0)
                return false;
            Unlink(scores.ValueAt(e), scores.KeyAt(e));
            scores.RemoveAt(e);
            return true;
        }

        /// <summary>The element at 0-based <paramref name="rank"/> (which must be in range).</summary>
        public Node AtRank(int rank)
        {
            int traversed = 0;
            Node x = header;
            rank++; // spans count from the header, which is rank 0
            for (int i = level - 1; i >= 0; i--)
            {
                while (x.Forward[i] != null && traversed + x.Span[i] <= rank)
                {
                    traversed += x.Span[i];
                    x = x.Forward[i];
                }
                if (traversed == rank)
                    return x;
            }
            return null;
        }

        private static bool Before(double score, byte[] member, Node n) =>
            n.Score < score || (n.Score == score && ByteKey.Compare(n.Member, member) < 0);

        private int RandomLevel(Rng rng)
        {
            // Each level with probability 1/4, as Redis's ZSKIPLIST_P.
            int l = 1;
            ulong bits = rng.NextUInt64();
            while (l < MaxLevel && (bits & 3) == 0)
            {
                l++;
                bits >>= 2;
            }
            return l;
        }

        private void Insert(double score, byte[] member, Rng rng)
        {
            Node x = header;
            for (int i = level - 1; i >= 0; i--)
            {
                rankAt[i] = i == level - 1 ? 0 : rankAt[i + 1];
                while (x.Forward[i] != null && Before(score, member, x.Forward[i]))
                {
                    rankAt[i] += x.Span[i];
                    x = x.Forward[i];
                }
                update[i] = x;
            }
            int newLevel = RandomLevel(rng);
            if (newLevel > level)
            {
                for (int i = level; i < newLevel; i++)
                {
                    rankAt[i] = 0;
                    update[i] = header;
                    header.Span[i] = length;
                }
                level = newLevel;
            }
            var node = new Node(newLevel, score, member);
            for (int i = 0; i < newLevel; i++)
            {
                node.Forward[i] = update[i].Forward[i];
                update[i].Forward[i] = node;
                node.Span[i] = update[i].Span[i] - (rankAt[0] - rankAt[i]);
                update[i].Span[i] = rankAt[0] - rankAt[i] + 1;
            }
            for (int i = newLevel; i < level; i++)
                update[i].Span[i]++;
            node.Backward = update[0] == header ? null : update[0];
            if (node.Forward[0] != null)
                node.Forward[0].Backward = node;
            else
                tail = node;
            length++;
        }

        private void Unlink(double score, byte[] member)
        {
            Node x = header;
            for (int i = level - 1; i >= 0; i--)
            {
                while (x.Forward[i] != null && Before(score, member, x.Forward[i]))
                    x = x.Forward[i];
                update[i] = x;
            }
            x = x.Forward[0]; // the node itself: (score, member) is unique
            for (int i = 0; i < level; i++)
            {
                if (update[i].Forward[i] == x)
                {
                    update[i].Span[i] += x.Span[i] - 1;
                    update[i].Forward[i] = x.Forward[i];
                }
                else
                {
                    update[i].Span[i]--;
                }
            }
            if (x.Forward[0] != null)
                x.Forward[0].Backward = x.Backward;
            else
                tail = x.Backward;
            while (level > 1 && header.Forward[level - 1] == null)
                level--;
            length--;
        }
    }
}
