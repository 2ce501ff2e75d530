using System.Runtime;

namespace System.Diagnostics
{
    /// <summary>
    /// .NET's Stopwatch on the library OS's monotonic clock (<see cref="Clock"/>): a timestamp is
    /// nanoseconds, so <see cref="Frequency"/> is 10⁹, as CoreCLR's on Linux.
    /// </summary>
    public class Stopwatch
    {
        /// <summary>Timestamp ticks per second.</summary>
        public static readonly long Frequency = 1000000000L;

        public static readonly bool IsHighResolution = true;

        private long _elapsed;
        private long _startTimestamp;
        private bool _isRunning;

        public Stopwatch()
        {
        }

        public static Stopwatch StartNew()
        {
            var stopwatch = new Stopwatch();
            stopwatch.Start();
            return stopwatch;
        }

        public static long GetTimestamp() => (long)Clock.Nanoseconds();

        /// <summary>The time between two timestamps of <see cref="GetTimestamp"/>.</summary>
        public static TimeSpan GetElapsedTime(long startingTimestamp) => GetElapsedTime(startingTimestamp, GetTimestamp());

        public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) =>
            new TimeSpan((endingTimestamp - startingTimestamp) / 100);

        public bool IsRunning => _isRunning;

        public void Start()
        {
            if (_isRunning)
                return;
            _startTimestamp = GetTimestamp();
            _isRunning = true;
        }

        public void Stop()
        {
            if (!_isRunning)
                return;
            _elapsed += GetTimestamp() - _startTimestamp;
            _isRunning = false;
            if (_elapsed < 0)
                _elapsed = 0;
        }

        public void Reset()
        {
            _elapsed = 0;
            _isRunning = false;
            _startTimestamp = 0;
        }

        public void Restart()
        {
            _elapsed = 0;
            _startTimestamp = GetTimestamp();
            _isRunning = true;
        }

        /// <summary>In timestamp ticks (nanoseconds).</summary>
        public long ElapsedTicks => _isRunning ? _elapsed + GetTimestamp() - _startTimestamp : _elapsed;

        public long ElapsedMilliseconds => ElapsedTicks / 1000000L;

        /// <summary>TimeSpan ticks are 100 ns.</summary>
        public TimeSpan Elapsed => new TimeSpan(ElapsedTicks / 100);
    }
}
