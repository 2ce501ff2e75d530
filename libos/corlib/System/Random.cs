using System.Runtime;

namespace System
{
    /// <summary>
    /// .NET's Random. A seeded instance draws the same numbers as .NET's (its compatibility generator, a
    /// subtractive lagged-Fibonacci generator after Knuth), so seeded programs print what CoreCLR prints;
    /// an unseeded one is seeded from the clock.
    /// </summary>
    public class Random
    {
        private const int SeedBase = 161803398;
        private readonly int[] _state = new int[56];
        private int _next;
        private int _nextLagged = 21;

        private static Random s_shared;

        public static Random Shared => s_shared ??= new Random();

        public Random() : this((int)(Clock.Nanoseconds() ^ (Clock.Nanoseconds() >> 32))) { }

        public Random(int Seed)
        {
            int subtraction = Seed == int.MinValue ? int.MaxValue : Math.Abs(Seed);
            int mj = SeedBase - subtraction;
            _state[55] = mj;
            int mk = 1;
            int ii = 0;
            for (int i = 1; i < 55; i++)
            {
                ii += 21;
                if (ii >= 55) ii -= 55;
                _state[ii] = mk;
                mk = mj - mk;
                if (mk < 0) mk += int.MaxValue;
                mj = _state[ii];
            }
            for (int k = 1; k < 5; k++)
                for (int i = 1; i < 56; i++)
                {
                    int n = i + 30;
                    if (n >= 55) n -= 55;
                    _state[i] -= _state[1 + n];
                    if (_state[i] < 0) _state[i] += int.MaxValue;
                }
        }

        private int InternalSample()
        {
            int next = _next + 1;
            if (next >= 56) next = 1;
            int lagged = _nextLagged + 1;
            if (lagged >= 56) lagged = 1;
            int result = _state[next] - _state[lagged];
            if (result == int.MaxValue) result--;
            if (result < 0) result += int.MaxValue;
            _state[next] = result;
            _next = next;
            _nextLagged = lagged;
            return result;
        }

        /// <summary>In [0, 1).</summary>
        protected virtual double Sample() => InternalSample() * (1.0 / int.MaxValue);

        /// <summary>Two samples make one of 2^32 values, for ranges wider than int.MaxValue.</summary>
        private double SampleForLargeRange()
        {
            int result = InternalSample();
            if (InternalSample() % 2 == 0) result = -result;
            double d = result;
            d += int.MaxValue - 1;
            d /= 2.0 * int.MaxValue - 1;
            return d;
        }

        public virtual int Next() => InternalSample();

        public virtual int Next(int maxValue)
        {
            if (maxValue < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(maxValue), $"'{nameof(maxValue)}' must be greater than zero.");
            return (int)(Sample() * maxValue);
        }

        public virtual int Next(int minValue, int maxValue)
        {
            if (minValue > maxValue) ThrowHelpers.ThrowArgumentOutOfRange(nameof(minValue), $"'{nameof(minValue)}' cannot be greater than {nameof(maxValue)}.");
            long range = (long)maxValue - minValue;
            return range <= int.MaxValue ? (int)(Sample() * range) + minValue : (int)((long)(SampleForLargeRange() * range) + minValue);
        }

        public virtual double NextDouble() => Sample();

        public virtual float NextSingle() => (float)Sample();

        public virtual void NextBytes(byte[] buffer)
        {
            if (buffer == null) ThrowHelpers.ThrowArgumentNull(nameof(buffer));
            for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)InternalSample();
        }

        public virtual void NextBytes(Span<byte> buffer)
        {
            for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)InternalSample();
        }

        /// <summary>Fisher–Yates, drawing each position from Next(i, n) as .NET does.</summary>
        public void Shuffle<T>(T[] values)
        {
            if (values == null) ThrowHelpers.ThrowArgumentNull(nameof(values));
            Shuffle(values.AsSpan());
        }

        public void Shuffle<T>(Span<T> values)
        {
            int n = values.Length;
            for (int i = 0; i < n - 1; i++)
            {
                int j = Next(i, n);
                if (j != i)
                {
                    T temp = values[i];
                    values[i] = values[j];
                    values[j] = temp;
                }
            }
        }
    }
}
