using System.Runtime;

namespace System
{
    /// <summary>
    /// A minimal .NET TimeSpan: a count of 100-nanosecond ticks, its components and totals, the
    /// From* factories, arithmetic, comparison and the invariant "c" format of ToString()
    /// ([-][d.]hh:mm:ss[.fffffff]). No parsing, no custom formats.
    /// </summary>
    public readonly struct TimeSpan : IComparable, IComparable<TimeSpan>, IEquatable<TimeSpan>
    {
        public const long TicksPerMicrosecond = 10L;
        public const long TicksPerMillisecond = 10000L;
        public const long TicksPerSecond = TicksPerMillisecond * 1000;
        public const long TicksPerMinute = TicksPerSecond * 60;
        public const long TicksPerHour = TicksPerMinute * 60;
        public const long TicksPerDay = TicksPerHour * 24;

        public static readonly TimeSpan Zero = new TimeSpan(0);
        public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
        public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

        private readonly long _ticks;

        public TimeSpan(long ticks)
        {
            _ticks = ticks;
        }

        public TimeSpan(int hours, int minutes, int seconds)
        {
            _ticks = hours * TicksPerHour + minutes * TicksPerMinute + seconds * TicksPerSecond;
        }

        public TimeSpan(int days, int hours, int minutes, int seconds)
            : this(days, hours, minutes, seconds, 0)
        {
        }

        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds)
        {
            _ticks = days * TicksPerDay + hours * TicksPerHour + minutes * TicksPerMinute + seconds * TicksPerSecond
                + milliseconds * TicksPerMillisecond;
        }

        public long Ticks => _ticks;

        public int Days => (int)(_ticks / TicksPerDay);

        public int Hours => (int)(_ticks / TicksPerHour % 24);

        public int Minutes => (int)(_ticks / TicksPerMinute % 60);

        public int Seconds => (int)(_ticks / TicksPerSecond % 60);

        public int Milliseconds => (int)(_ticks / TicksPerMillisecond % 1000);

        public double TotalDays => (double)_ticks / TicksPerDay;

        public double TotalHours => (double)_ticks / TicksPerHour;

        public double TotalMinutes => (double)_ticks / TicksPerMinute;

        public double TotalSeconds => (double)_ticks / TicksPerSecond;

        public double TotalMilliseconds => (double)_ticks / TicksPerMillisecond;

        public static TimeSpan FromTicks(long value) => new TimeSpan(value);

        public static TimeSpan FromDays(double value) => FromUnits(value, TicksPerDay);

        public static TimeSpan FromHours(double value) => FromUnits(value, TicksPerHour);

        public static TimeSpan FromMinutes(double value) => FromUnits(value, TicksPerMinute);

        public static TimeSpan FromSeconds(double value) => FromUnits(value, TicksPerSecond);

        public static TimeSpan FromMilliseconds(double value) => FromUnits(value, TicksPerMillisecond);

        // .NET 9's exact overloads: whole units, no rounding through double.
        public static TimeSpan FromDays(int days) => FromWholeUnits(days, TicksPerDay);

        public static TimeSpan FromHours(int hours) => FromWholeUnits(hours, TicksPerHour);

        public static TimeSpan FromMinutes(long minutes) => FromWholeUnits(minutes, TicksPerMinute);

        public static TimeSpan FromSeconds(long seconds) => FromWholeUnits(seconds, TicksPerSecond);

        public static TimeSpan FromMilliseconds(long milliseconds) => FromWholeUnits(milliseconds, TicksPerMillisecond);

        public static TimeSpan FromMilliseconds(long milliseconds, long microseconds)
        {
            long whole = FromWholeUnits(milliseconds, TicksPerMillisecond)._ticks, fraction = FromWholeUnits(microseconds, TicksPerMicrosecond)._ticks;
            long ticks = whole + fraction;
            if (((whole ^ ticks) & (fraction ^ ticks)) < 0) ThrowHelpers.ThrowArgumentOutOfRange(null, "TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(ticks);
        }

        public static TimeSpan FromMicroseconds(long microseconds) => FromWholeUnits(microseconds, TicksPerMicrosecond);

        private static TimeSpan FromWholeUnits(long units, long ticksPerUnit)
        {
            if (units > long.MaxValue / ticksPerUnit || units < long.MinValue / ticksPerUnit)
                ThrowHelpers.ThrowArgumentOutOfRange(null, "TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(units * ticksPerUnit);
        }

        private static TimeSpan FromUnits(double value, long ticksPerUnit)
        {
            if (double.IsNaN(value))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            double ticks = value * ticksPerUnit;
            if (ticks > long.MaxValue || ticks < long.MinValue)
                throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan((long)ticks);
        }

        public TimeSpan Add(TimeSpan ts) => this + ts;

        public TimeSpan Subtract(TimeSpan ts) => this - ts;

        public TimeSpan Negate() => -this;

        public TimeSpan Duration() => _ticks < 0 ? -this : this;

        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2) => new TimeSpan(checked(t1._ticks + t2._ticks));

        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2) => new TimeSpan(checked(t1._ticks - t2._ticks));

        public static TimeSpan operator -(TimeSpan t) => new TimeSpan(checked(-t._ticks));

        public static bool operator ==(TimeSpan t1, TimeSpan t2) => t1._ticks == t2._ticks;

        public static bool operator !=(TimeSpan t1, TimeSpan t2) => t1._ticks != t2._ticks;

        public static bool operator <(TimeSpan t1, TimeSpan t2) => t1._ticks < t2._ticks;

        public static bool operator <=(TimeSpan t1, TimeSpan t2) => t1._ticks <= t2._ticks;

        public static bool operator >(TimeSpan t1, TimeSpan t2) => t1._ticks > t2._ticks;

        public static bool operator >=(TimeSpan t1, TimeSpan t2) => t1._ticks >= t2._ticks;

        public bool Equals(TimeSpan obj) => _ticks == obj._ticks;

        public override bool Equals(object value) => value is TimeSpan other && _ticks == other._ticks;

        public override int GetHashCode() => _ticks.GetHashCode();

        public int CompareTo(TimeSpan value) => _ticks.CompareTo(value._ticks);

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (value is TimeSpan other)
                return CompareTo(other);
            throw new ArgumentException("Object must be of type TimeSpan.");
        }

        /// <summary>The constant ("c") format: [-][d.]hh:mm:ss[.fffffff].</summary>
        public override string ToString()
        {
            long ticks = _ticks;
            var text = new System.Text.StringBuilder();
            ulong magnitude;
            if (ticks < 0)
            {
                text.Append('-');
                magnitude = (ulong)(-(ticks + 1)) + 1;
            }
            else
                magnitude = (ulong)ticks;
            ulong days = magnitude / (ulong)TicksPerDay;
            ulong rest = magnitude % (ulong)TicksPerDay;
            if (days != 0)
                text.Append(days.ToString()).Append('.');
            AppendTwoDigits(text, rest / (ulong)TicksPerHour);
            text.Append(':');
            AppendTwoDigits(text, rest / (ulong)TicksPerMinute % 60);
            text.Append(':');
            AppendTwoDigits(text, rest / (ulong)TicksPerSecond % 60);
            ulong fraction = rest % (ulong)TicksPerSecond;
            if (fraction != 0)
            {
                text.Append('.');
                string digits = fraction.ToString();
                for (int i = digits.Length; i < 7; i++)
                    text.Append('0');
                text.Append(digits);
            }
            return text.ToString();
        }

        private static void AppendTwoDigits(System.Text.StringBuilder text, ulong value)
        {
            text.Append((char)('0' + (int)(value / 10)));
            text.Append((char)('0' + (int)(value % 10)));
        }
    }
}
