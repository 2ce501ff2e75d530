using System;

namespace Kv.Data
{
    /// <summary>
    /// A list: a ring buffer of elements, so that pushes and pops at both ends are O(1) and LINDEX, LSET and
    /// LRANGE index directly (Redis's quicklist trades that for memory).
    /// </summary>
    internal sealed class ListValue
    {
        private byte[][] items = new byte[8][];
        private int head;
        private int count;

        public int Count => count;

        public byte[] this[int index]
        {
            get => items[(head + index) & (items.Length - 1)];
            set => items[(head + index) & (items.Length - 1)] = value;
        }

        public void PushLeft(byte[] item)
        {
            if (count == items.Length) Grow();
            head = (head - 1) & (items.Length - 1);
            items[head] = item;
            count++;
        }

        public void PushRight(byte[] item)
        {
            if (count == items.Length) Grow();
            items[(head + count) & (items.Length - 1)] = item;
            count++;
        }

        public byte[] PopLeft()
        {
            byte[] item = items[head];
            items[head] = null;
            head = (head + 1) & (items.Length - 1);
            count--;
            return item;
        }

        public byte[] PopRight()
        {
            int i = (head + count - 1) & (items.Length - 1);
            byte[] item = items[i];
            items[i] = null;
            count--;
            return item;
        }

        /// <summary>Removes the element at <paramref name="index"/>, closing the gap (LREM).</summary>
        public void RemoveAt(int index)
        {
            for (int i = index; i < count - 1; i++)
                this[i] = this[i + 1];
            this[count - 1] = null;
            count--;
        }

        private void Grow()
        {
            var bigger = new byte[items.Length * 2][];
            for (int i = 0; i < count; i++)
                bigger[i] = this[i];
            items = bigger;
            head = 0;
        }
    }

    /// <summary>A hash: field → value, in insertion order (BytesMap).</summary>
    internal sealed class HashValue : BytesMap<byte[]>
    {
    }

    /// <summary>
    /// A set. Redis 7.0 keeps a set of integers (up to set-max-intset-entries, 512) as a sorted intset and
    /// any other as a hash table, and SMEMBERS shows that: integer sets come out in numeric order. We track
    /// whether Redis would still hold an intset (it never converts back) and sort on the way out when so.
    /// </summary>
    internal sealed class SetValue : BytesMap<byte>
    {
        public const int MaxIntsetEntries = 512;

        public bool IntsetEncoded = true;

        public bool AddMember(ReadOnlySpan<byte> member)
        {
            if (Find(member) >= 0)
                return false;
            if (IntsetEncoded && (Count >= MaxIntsetEntries || !Kv.Util.Numbers.TryParseInt64(member, out _)))
                IntsetEncoded = false;
            Add(member.ToArray(), 0);
            return true;
        }
    }
}
