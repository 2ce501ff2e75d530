namespace System.Collections.Generic
{
    /// <summary>.NET's table sizes for hashed collections: the primes it grows through, and its growth rule.</summary>
    internal static class HashHelpers
    {
        private static readonly int[] s_primes =
        {
            3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353, 431, 521, 631, 761, 919,
            1103, 1327, 1597, 1931, 2333, 2801, 3371, 4049, 4861, 5839, 7013, 8419, 10103, 12143, 14591,
            17519, 21023, 25229, 30293, 36353, 43627, 52361, 62851, 75431, 90523, 108631, 130363, 156437,
            187751, 225307, 270371, 324449, 389357, 467237, 560689, 672827, 807403, 968897, 1162687, 1395263,
            1674319, 2009191, 2411033, 2893249, 3471899, 4166287, 4999559, 5999471, 7199369
        };

        private const int HashPrime = 101;
        private const int MaxPrimeArrayLength = 0x7FFFFFC3;

        private static bool IsPrime(int candidate)
        {
            if ((candidate & 1) == 0) return candidate == 2;
            for (int divisor = 3; divisor * divisor <= candidate; divisor += 2)
            {
                if (candidate % divisor == 0) return false;
            }
            return true;
        }

        internal static int GetPrime(int min)
        {
            if (min < 0) throw new ArgumentException("Hashtable's capacity overflowed and went negative. Check load factor, capacity and the current size of the table.");
            foreach (int prime in s_primes)
            {
                if (prime >= min) return prime;
            }
            for (int i = min | 1; i < int.MaxValue; i += 2)
            {
                if (IsPrime(i) && (i - 1) % HashPrime != 0) return i;
            }
            return min;
        }

        /// <summary>
        /// Lemire's fastmod: with M = 2^64 / divisor rounded up, value mod divisor is the top 32 bits
        /// of (the low 64 bits of M * value) * divisor, exact for 32-bit values and divisors. Two
        /// multiplications instead of a division, which costs 20 to 40 cycles on every probe.
        /// </summary>
        internal static ulong GetFastModMultiplier(uint divisor) => ulong.MaxValue / divisor + 1;

        internal static uint FastMod(uint value, uint divisor, ulong multiplier) =>
            (uint)(((((multiplier * value) >> 32) + 1) * divisor) >> 32);

        internal static int ExpandPrime(int oldSize)
        {
            int newSize = 2 * oldSize;
            if ((uint)newSize > MaxPrimeArrayLength && MaxPrimeArrayLength > oldSize) return MaxPrimeArrayLength;
            return GetPrime(newSize);
        }
    }

    /// <summary>
    /// Whether T is a value type, found once per T without reflection: boxing default(T) gives null
    /// exactly for reference types (and Nullable&lt;T&gt;, which may be null too). Lets generic code skip
    /// null checks that would box a value on every call.
    /// </summary>
    internal static class TypeTraits<T>
    {
        internal static readonly bool IsValueType = default(T) != null;
    }
}
