using System.Collections.Generic;

namespace System
{
    /// <summary>
    /// .NET's HashCode: xxHash32 over the values' hash codes, four lanes of 32 bits, the values that do
    /// not fill a stripe mixed in one by one at the end. .NET seeds it randomly per process, so no
    /// program can depend on its values; the seed here is a fixed constant (an image's hashes are
    /// reproducible from run to run) and every relation between hashes .NET guarantees holds.
    /// </summary>
    public struct HashCode
    {
        private const uint Seed = 0x6A09E667; // any value serves; this is the fractional part of √2
        private const uint Prime1 = 2654435761U;
        private const uint Prime2 = 2246822519U;
        private const uint Prime3 = 3266489917U;
        private const uint Prime4 = 668265263U;
        private const uint Prime5 = 374761393U;

        private uint _v1, _v2, _v3, _v4;
        private uint _queue1, _queue2, _queue3;
        private uint _length;

        private static uint HashOf<T>(T value) => value == null ? 0 : (uint)value.GetHashCode();

        public static int Combine<T1>(T1 value1)
        {
            uint hash = MixEmptyState() + 4;
            hash = QueueRound(hash, HashOf(value1));
            return (int)MixFinal(hash);
        }

        public static int Combine<T1, T2>(T1 value1, T2 value2)
        {
            uint hash = MixEmptyState() + 8;
            hash = QueueRound(hash, HashOf(value1));
            hash = QueueRound(hash, HashOf(value2));
            return (int)MixFinal(hash);
        }

        public static int Combine<T1, T2, T3>(T1 value1, T2 value2, T3 value3)
        {
            uint hash = MixEmptyState() + 12;
            hash = QueueRound(hash, HashOf(value1));
            hash = QueueRound(hash, HashOf(value2));
            hash = QueueRound(hash, HashOf(value3));
            return (int)MixFinal(hash);
        }

        public static int Combine<T1, T2, T3, T4>(T1 value1, T2 value2, T3 value3, T4 value4)
        {
            Initialize(out uint v1, out uint v2, out uint v3, out uint v4);
            v1 = Round(v1, HashOf(value1));
            v2 = Round(v2, HashOf(value2));
            v3 = Round(v3, HashOf(value3));
            v4 = Round(v4, HashOf(value4));
            uint hash = MixState(v1, v2, v3, v4) + 16;
            return (int)MixFinal(hash);
        }

        public static int Combine<T1, T2, T3, T4, T5>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5)
        {
            Initialize(out uint v1, out uint v2, out uint v3, out uint v4);
            v1 = Round(v1, HashOf(value1));
            v2 = Round(v2, HashOf(value2));
            v3 = Round(v3, HashOf(value3));
            v4 = Round(v4, HashOf(value4));
            uint hash = MixState(v1, v2, v3, v4) + 20;
            hash = QueueRound(hash, HashOf(value5));
            return (int)MixFinal(hash);
        }

        public static int Combine<T1, T2, T3, T4, T5, T6>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5, T6 value6)
        {
            Initialize(out uint v1, out uint v2, out uint v3, out uint v4);
            v1 = Round(v1, HashOf(value1));
            v2 = Round(v2, HashOf(value2));
            v3 = Round(v3, HashOf(value3));
            v4 = Round(v4, HashOf(value4));
            uint hash = MixState(v1, v2, v3, v4) + 24;
            hash = QueueRound(hash, HashOf(value5));
            hash = QueueRound(hash, HashOf(value6));
            return (int)MixFinal(hash);
        }

        public static int Combine<T1, T2, T3, T4, T5, T6, T7>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5, T6 value6, T7 value7)
        {
            Initialize(out uint v1, out uint v2, out uint v3, out uint v4);
            v1 = Round(v1, HashOf(value1));
            v2 = Round(v2, HashOf(value2));
            v3 = Round(v3, HashOf(value3));
            v4 = Round(v4, HashOf(value4));
            uint hash = MixState(v1, v2, v3, v4) + 28;
            hash = QueueRound(hash, HashOf(value5));
            hash = QueueRound(hash, HashOf(value6));
            hash = QueueRound(hash, HashOf(value7));
            return (int)MixFinal(hash);
        }

        public static int Combine<T1, T2, T3, T4, T5, T6, T7, T8>(T1 value1, T2 value2, T3 value3, T4 value4, T5 value5, T6 value6, T7 value7, T8 value8)
        {
            Initialize(out uint v1, out uint v2, out uint v3, out uint v4);
            v1 = Round(v1, HashOf(value1));
            v2 = Round(v2, HashOf(value2));
            v3 = Round(v3, HashOf(value3));
            v4 = Round(v4, HashOf(value4));
            v1 = Round(v1, HashOf(value5));
            v2 = Round(v2, HashOf(value6));
            v3 = Round(v3, HashOf(value7));
            v4 = Round(v4, HashOf(value8));
            uint hash = MixState(v1, v2, v3, v4) + 32;
            return (int)MixFinal(hash);
        }

        public void Add<T>(T value) => Add(HashOf(value));

        public void Add<T>(T value, IEqualityComparer<T> comparer)
        {
            if (value == null) Add(0u);
            else Add(comparer != null ? (uint)comparer.GetHashCode(value) : (uint)value.GetHashCode());
        }

        /// <summary>
        /// Values are queued until four have arrived; the fourth of each stripe starts (first stripe)
        /// or advances the four lanes, so that Add in sequence gives what Combine gives.
        /// </summary>
        private void Add(uint value)
        {
            uint previousLength = _length++;
            uint position = previousLength % 4;
            if (position == 0) _queue1 = value;
            else if (position == 1) _queue2 = value;
            else if (position == 2) _queue3 = value;
            else
            {
                if (previousLength == 3) Initialize(out _v1, out _v2, out _v3, out _v4);
                _v1 = Round(_v1, _queue1);
                _v2 = Round(_v2, _queue2);
                _v3 = Round(_v3, _queue3);
                _v4 = Round(_v4, value);
            }
        }

        public int ToHashCode()
        {
            uint length = _length;
            uint position = length % 4;
            uint hash = length < 4 ? MixEmptyState() : MixState(_v1, _v2, _v3, _v4);
            hash += length * 4;
            if (position > 0)
            {
                hash = QueueRound(hash, _queue1);
                if (position > 1)
                {
                    hash = QueueRound(hash, _queue2);
                    if (position > 2) hash = QueueRound(hash, _queue3);
                }
            }
            return (int)MixFinal(hash);
        }

        public override int GetHashCode() =>
            throw new NotSupportedException("HashCode is a mutable struct and should not be compared with other HashCodes. Use ToHashCode to retrieve the computed hash code.");

        public override bool Equals(object obj) =>
            throw new NotSupportedException("HashCode is a mutable struct and should not be compared with other HashCodes.");

        private static void Initialize(out uint v1, out uint v2, out uint v3, out uint v4)
        {
            v1 = unchecked(Seed + Prime1 + Prime2);
            v2 = unchecked(Seed + Prime2);
            v3 = Seed;
            v4 = unchecked(Seed - Prime1);
        }

        private static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));

        private static uint Round(uint hash, uint input) => RotateLeft(hash + input * Prime2, 13) * Prime1;

        private static uint QueueRound(uint hash, uint queuedValue) => RotateLeft(hash + queuedValue * Prime3, 17) * Prime4;

        private static uint MixState(uint v1, uint v2, uint v3, uint v4) =>
            RotateLeft(v1, 1) + RotateLeft(v2, 7) + RotateLeft(v3, 12) + RotateLeft(v4, 18);

        private static uint MixEmptyState() => Seed + Prime5;

        private static uint MixFinal(uint hash)
        {
            hash ^= hash >> 15;
            hash *= Prime2;
            hash ^= hash >> 13;
            hash *= Prime3;
            hash ^= hash >> 16;
            return hash;
        }
    }
}
