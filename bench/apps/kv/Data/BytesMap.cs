using System;

namespace Kv.Data
{
    /// <summary>
    /// A hash map from byte strings to <typeparamref name="V"/> that keeps insertion order: hash fields,
    /// set members and sorted-set members. Insertion order is what Redis's small encodings (listpack)
    /// show, so HGETALL of a small hash replies in Redis's order; a removed entry leaves a hole that later
    /// insertions do not fill (they append), again as a listpack behaves. Entries live in parallel arrays
    /// chained from power-of-two buckets; holes are squeezed out when the arrays fill up or fall to a quarter.
    /// </summary>
    internal class BytesMap<V>
    {
        private int[] buckets;       // entry index + 1; 0 ends a chain
        private byte[][] keys;       // null: a removed entry (hole)
        private uint[] hashes;
        private int[] next;          // entry index + 1 of the next in the chain
        private V[] values;
        private int used;            // entries used, holes included
        private int count;

        public BytesMap(int capacity = 4)
        {
            int c = 4;
            while (c < capacity) c <<= 1;
            Allocate(c);
        }

        public int Count => count;

        /// <summary>One past the last entry index; iterate 0..End and skip <see cref="IsLive"/> false.</summary>
        public int End => used;

        public bool IsLive(int entry) => keys[entry] != null;

        public byte[] KeyAt(int entry) => keys[entry];

        public ref V ValueAt(int entry) => ref values[entry];

        public int Find(ReadOnlySpan<byte> key)
        {
            uint h = ByteKey.Hash(key);
            for (int e = buckets[h & (uint)(buckets.Length - 1)] - 1; e >= 0; e = next[e] - 1)
                if (hashes[e] == h && ByteKey.Equal(keys[e], key))
                    return e;
            return -1;
        }

        public bool ContainsKey(ReadOnlySpan<byte> key) => Find(key) >= 0;

        /// <summary>Sets the value; true when the key was added (its bytes copied), false when replaced.</summary>
        public bool Set(ReadOnlySpan<byte> key, V value)
        {
            int e = Find(key);
            if (e >= 0)
            {
                values[e] = value;
                return false;
            }
            Add(key.ToArray(), value);
            return true;
        }

        /// <summary>Adds a key known to be absent, taking ownership of <paramref name="key"/>; returns its entry.</summary>
        public int Add(byte[] key, V value)
        {
            if (used == keys.Length)
                Rebuild(count * 2 >= keys.Length ? keys.Length * 2 : keys.Length);
            uint h = ByteKey.Hash(key);
            int e = used++;
            keys[e] = key;
            hashes[e] = h;
            values[e] = value;
            ref int bucket = ref buckets[h & (uint)(buckets.Length - 1)];
            next[e] = bucket;
            bucket = e + 1;
            count++;
            return e;
        }

        public bool Remove(ReadOnlySpan<byte> key)
        {
            int e = Find(key);
            if (e < 0)
                return false;
            RemoveAt(e);
            return true;
        }

        public void RemoveAt(int e)
        {
            ref int link = ref buckets[hashes[e] & (uint)(buckets.Length - 1)];
            while (link != e + 1)
                link = ref next[link - 1];
            link = next[e];
            keys[e] = null;
            values[e] = default;
            count--;
            if (e == used - 1)
                used--;
            // Keeps random picks (SPOP) cheap and memory bounded: at least a quarter of entries are live.
            if (used > 16 && count < used / 4)
                Rebuild(count * 2);
        }

        /// <summary>A uniformly random live entry (the map must not be empty).</summary>
        public int RandomEntry(Rng rng)
        {
            while (true)
            {
                int e = rng.Next(used);
                if (keys[e] != null)
                    return e;
            }
        }

        private void Allocate(int capacity)
        {
            buckets = new int[capacity];
            keys = new byte[capacity][];
            hashes = new uint[capacity];
            next = new int[capacity];
            values = new V[capacity];
            used = 0;
        }

        private void Rebuild(int capacity)
        {
            // A power of two (the bucket mask) with room for every live entry.
            int size = 4;
            while (size < capacity || size <= count) size <<= 1;
            capacity = size;
            byte[][] oldKeys = keys;
            uint[] oldHashes = hashes;
            V[] oldValues = values;
            int oldUsed = used;
            Allocate(capacity);
            for (int i = 0; i < oldUsed; i++)
            {
                if (oldKeys[i] == null)
                    continue;
                int e = used++;
                keys[e] = oldKeys[i];
                hashes[e] = oldHashes[i];
                values[e] = oldValues[i];
                ref int bucket = ref buckets[hashes[e] & (uint)(capacity - 1)];
                next[e] = bucket;
                bucket = e + 1;
            }
        }
    }
}
