using System;
using System.Collections.Generic;

namespace Kv.Data
{
    /// <summary>
    /// One of the sixteen databases: the key table, and the keys that have an expiry in a list of their
    /// own so that the periodic sweep can sample them uniformly in O(1) (Redis samples its `expires`
    /// dictionary). Expiry is lazy (a lookup of an expired key deletes it, <see cref="Lookup"/>) and active
    /// (<see cref="ExpireCycle"/>). Every caller holds the server lock.
    /// </summary>
    internal sealed class Database
    {
        private readonly KeyTable table = new KeyTable();
        private readonly List<KeyEntry> volatileKeys = new List<KeyEntry>();

        public Database(int index) { Index = index; }

        public int Index { get; }

        public int Count => table.Count;

        public int ExpiresCount => volatileKeys.Count;

        /// <summary>Called with every key deleted because it expired (the AOF logs a DEL, as Redis propagates one).</summary>
        public Action<Database, byte[]> Expired;

        /// <summary>
        /// While the AOF is replayed keys do not expire (as in Redis): the log was written when they were
        /// alive, and a replayed INCR on a key that has expired since would otherwise start a new key
        /// without a TTL. The first sweep after loading deletes them.
        /// </summary>
        public bool Loading;

        /// <summary>The live entry of <paramref name="key"/>, or null; an expired one is deleted first.</summary>
        public KeyEntry Lookup(ReadOnlySpan<byte> key, long now)
        {
            KeyEntry e = table.Find(key, ByteKey.Hash(key));
            if (e != null && e.ExpireAt != 0 && e.ExpireAt <= now && !Loading)
            {
                DeleteExpired(e);
                return null;
            }
            return e;
        }

        /// <summary>A new key (known to be absent or just deleted) holding <paramref name="value"/>.</summary>
        public KeyEntry Add(ReadOnlySpan<byte> key, object value)
        {
            var e = new KeyEntry { Key = key.ToArray(), Value = value };
            e.Hash = ByteKey.Hash(e.Key);
            table.Add(e);
            return e;
        }

        public void Delete(KeyEntry e)
        {
            RemoveExpire(e);
            table.Remove(e);
        }

        public void SetExpire(KeyEntry e, long at)
        {
            if (e.VolatileIndex < 0)
            {
                e.VolatileIndex = volatileKeys.Count;
                volatileKeys.Add(e);
            }
            e.ExpireAt = at;
        }

        /// <summary>Makes the key persistent; false when it had no expiry.</summary>
        public bool RemoveExpire(KeyEntry e)
        {
            int i = e.VolatileIndex;
            if (i < 0)
                return false;
            // Swap-remove: the list's order carries no meaning.
            int last = volatileKeys.Count - 1;
            KeyEntry moved = volatileKeys[last];
            volatileKeys[i] = moved;
            moved.VolatileIndex = i;
            volatileKeys.RemoveAt(last);
            e.VolatileIndex = -1;
            e.ExpireAt = 0;
            return true;
        }

        public void Clear()
        {
            table.Clear();
            volatileKeys.Clear();
        }

        public void AllEntries(List<KeyEntry> into) => table.ForEach(into);

        public ulong Scan(ulong cursor, int count, List<KeyEntry> into) => table.Scan(cursor, count, into);

        /// <summary>INFO keyspace's avg_ttl, estimated from up to 64 keys with an expiry.</summary>
        public long AverageTtl(long now)
        {
            if (volatileKeys.Count == 0)
                return 0;
            long sum = 0;
            int n = volatileKeys.Count < 64 ? volatileKeys.Count : 64;
            for (int i = 0; i < n; i++)
            {
                long ttl = volatileKeys[i].ExpireAt - now;
                sum += ttl > 0 ? ttl : 0;
            }
            return sum / n;
        }

        /// <summary>
        /// One round of active expiry, in the spirit of Redis's activeExpireCycle: test 20 random keys that
        /// have an expiry, delete the expired ones, and go on while more than a quarter of a sample was
        /// expired (many keys are probably waiting) and the time budget lasts. Returns the keys deleted.
        /// </summary>
        public int ExpireCycle(long now, Rng rng, long deadlineMonotonic, Func<long> monotonic)
        {
            const int Sample = 20;
            int deleted = 0;
            for (int round = 0; volatileKeys.Count > 0; round++)
            {
                int expired = 0;
                int n = volatileKeys.Count < Sample ? volatileKeys.Count : Sample;
                for (int i = 0; i < n && volatileKeys.Count > 0; i++)
                {
                    KeyEntry e = volatileKeys[rng.Next(volatileKeys.Count)];
                    if (e.ExpireAt <= now)
                    {
                        DeleteExpired(e);
                        expired++;
                    }
                }
                deleted += expired;
                if (expired * 4 <= n)
                    break;
                if ((round & 15) == 15 && monotonic() >= deadlineMonotonic)
                    break;
            }
            return deleted;
        }

        private void DeleteExpired(KeyEntry e)
        {
            Delete(e);
            Action<Database, byte[]> expired = Expired;
            if (expired != null)
                expired(this, e.Key);
        }
    }
}
