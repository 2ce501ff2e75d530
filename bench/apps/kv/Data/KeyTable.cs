using System;
using System.Collections.Generic;

namespace Kv.Data
{
    /// <summary>One key of a database: its bytes, its value and its expiry.</summary>
    internal sealed class KeyEntry
    {
        public byte[] Key;
        public uint Hash;
        public KeyEntry Next;
        /// <summary>byte[] (string), ListValue, HashValue, SetValue or SortedSetValue.</summary>
        public object Value;
        /// <summary>Absolute Unix milliseconds; 0 when the key does not expire.</summary>
        public long ExpireAt;
        /// <summary>Position in the database's list of keys with an expiry (for sampling); -1 when none.</summary>
        public int VolatileIndex = -1;
    }

    /// <summary>
    /// The keyspace of one database: a chained hash table with a power-of-two number of buckets. Not a
    /// Dictionary because SCAN needs Redis's guarantee (every key present for the whole iteration is
    /// returned, though the table may grow or shrink between calls), which a cursor over bucket indices
    /// gives when it counts in reversed-bit order: the buckets a bucket splits into (or merges from)
    /// when the size doubles (or halves) are then visited together. The table is resized in one step;
    /// with a load factor of one, growing a million keys costs one pass over them.
    /// </summary>
    internal sealed class KeyTable
    {
        private KeyEntry[] buckets = new KeyEntry[16];
        private int count;

        public int Count => count;

        public KeyEntry Find(ReadOnlySpan<byte> key, uint hash)
        {
            for (KeyEntry e = buckets[hash & (uint)(buckets.Length - 1)]; e != null; e = e.Next)
                if (e.Hash == hash && ByteKey.Equal(e.Key, key))
                    return e;
            return null;
        }

        /// <summary>Links a new entry (its key known to be absent).</summary>
        public void Add(KeyEntry entry)
        {
            if (count >= buckets.Length)
                Resize(buckets.Length * 2);
            ref KeyEntry head = ref buckets[entry.Hash & (uint)(buckets.Length - 1)];
            entry.Next = head;
            head = entry;
            count++;
        }

        public void Remove(KeyEntry entry)
        {
            ref KeyEntry link = ref buckets[entry.Hash & (uint)(buckets.Length - 1)];
            while (link != entry)
                link = ref link.Next;
            link = entry.Next;
            entry.Next = null;
            count--;
            if (buckets.Length > 16 && count < buckets.Length / 8)
                Resize(buckets.Length / 2);
        }

        public void Clear()
        {
            buckets = new KeyEntry[16];
            count = 0;
        }

        /// <summary>Appends every entry to <paramref name="into"/> (KEYS, FLUSH bookkeeping).</summary>
        public void ForEach(List<KeyEntry> into)
        {
            foreach (KeyEntry head in buckets)
                for (KeyEntry e = head; e != null; e = e.Next)
                    into.Add(e);
        }

        /// <summary>
        /// Appends the entries of about <paramref name="count"/> buckets' worth of keys from
        /// <paramref name="cursor"/> on to <paramref name="into"/>; returns the next cursor, 0 at the end.
        /// </summary>
        public ulong Scan(ulong cursor, int wanted, List<KeyEntry> into)
        {
            ulong mask = (ulong)buckets.Length - 1;
            int steps = 0;
            do
            {
                for (KeyEntry e = buckets[cursor & mask]; e != null; e = e.Next)
                    into.Add(e);
                // Increment the bits above the mask... reversed: set the unused high bits, add one to the
                // reversed value, reverse back.
                cursor |= ~mask;
                cursor = Reverse(Reverse(cursor) + 1);
                steps++;
            } while (cursor != 0 && into.Count < wanted && steps < wanted * 10);
            return cursor;
        }

        private static ulong Reverse(ulong v)
        {
            v = ((v >> 1) & 0x5555555555555555UL) | ((v & 0x5555555555555555UL) << 1);
            v = ((v >> 2) & 0x3333333333333333UL) | ((v & 0x3333333333333333UL) << 2);
            v = ((v >> 4) & 0x0F0F0F0F0F0F0F0FUL) | ((v & 0x0F0F0F0F0F0F0F0FUL) << 4);
            v = ((v >> 8) & 0x00FF00FF00FF00FFUL) | ((v & 0x00FF00FF00FF00FFUL) << 8);
            v = ((v >> 16) & 0x0000FFFF0000FFFFUL) | ((v & 0x0000FFFF0000FFFFUL) << 16);
            return (v >> 32) | (v << 32);
        }

        private void Resize(int size)
        {
            var old = buckets;
            buckets = new KeyEntry[size];
            uint mask = (uint)size - 1;
            foreach (KeyEntry head in old)
            {
                KeyEntry e = head;
                while (e != null)
                {
                    KeyEntry following = e.Next;
                    ref KeyEntry slot = ref buckets[e.Hash & mask];
                    e.Next = slot;
                    slot = e;
                    e = following;
                }
            }
        }
    }
}
