using System.Runtime;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The wall clock on PVH, for corlib's DateTimeOffset.UtcNow: the CMOS real-time clock (MC146818,
    /// ports 0x70/0x71; QEMU's runs in UTC) read once, at the first use, then advanced by the monotonic
    /// clock. The RTC counts whole seconds, so the wall clock is up to a second behind the host's.
    /// </summary>
    internal static class WallClock
    {
        private const ushort IndexPort = 0x70;
        private const ushort DataPort = 0x71;
        private const byte RegisterSeconds = 0x00;
        private const byte RegisterMinutes = 0x02;
        private const byte RegisterHours = 0x04;
        private const byte RegisterDay = 0x07;
        private const byte RegisterMonth = 0x08;
        private const byte RegisterYear = 0x09;
        private const byte RegisterStatusA = 0x0A;
        private const byte RegisterStatusB = 0x0B;
        /// <summary>The century register QEMU (and the ACPI FADT's usual century index) uses.</summary>
        private const byte RegisterCentury = 0x32;
        private const byte UpdateInProgress = 0x80;
        private const byte StatusBBinary = 0x04;
        private const byte StatusB24Hour = 0x02;

        private static bool s_started;
        private static long s_unixNanosecondsAtRead;
        private static ulong s_clockAtRead;

        [RuntimeExport("tb_clock_unix_nanoseconds", WhenImported = true)]
        private static long UnixNanoseconds()
        {
            if (!s_started)
            {
                s_unixNanosecondsAtRead = ReadRtcUnixSeconds() * 1000000000L;
                s_clockAtRead = Clock.Nanoseconds;
                s_started = true;
            }
            return s_unixNanosecondsAtRead + (long)(Clock.Nanoseconds - s_clockAtRead);
        }

        /// <summary>Seconds since the Unix epoch by the RTC: read until two reads outside an update agree.</summary>
        private static long ReadRtcUnixSeconds()
        {
            long previous = -1;
            for (int attempt = 0; attempt < 100; attempt++)
            {
                long now = ReadOnce();
                if (now == previous)
                    return now;
                previous = now;
            }
            return previous;
        }

        private static long ReadOnce()
        {
            // The RTC updates its registers once a second, for under 2 ms after this flag rises.
            for (int spin = 0; spin < 1000000 && (Read(RegisterStatusA) & UpdateInProgress) != 0; spin++)
                Cpu.Pause();
            byte statusB = Read(RegisterStatusB);
            bool binary = (statusB & StatusBBinary) != 0;
            int second = Decode(Read(RegisterSeconds), binary);
            int minute = Decode(Read(RegisterMinutes), binary);
            byte hourRegister = Read(RegisterHours);
            int day = Decode(Read(RegisterDay), binary);
            int month = Decode(Read(RegisterMonth), binary);
            int year = Decode(Read(RegisterYear), binary);
            int century = Decode(Read(RegisterCentury), binary);
            // 12-hour mode: bit 7 of the hour is PM, and 12 means 0.
            int hour = Decode((byte)(hourRegister & 0x7F), binary);
            if ((statusB & StatusB24Hour) == 0)
            {
                hour %= 12;
                if ((hourRegister & 0x80) != 0)
                    hour += 12;
            }
            year += century >= 19 && century <= 30 ? century * 100 : 2000;
            return DaysSinceEpoch(year, month, day) * 86400L + hour * 3600L + minute * 60L + second;
        }

        private static byte Read(byte register)
        {
            Cpu.OutByte(IndexPort, register);
            return Cpu.InByte(DataPort);
        }

        private static int Decode(byte value, bool binary) => binary ? value : (value >> 4) * 10 + (value & 0x0F);

        /// <summary>Days from 1970-01-01 to the date (proleptic Gregorian; Howard Hinnant's days_from_civil).</summary>
        private static long DaysSinceEpoch(int year, int month, int day)
        {
            year -= month <= 2 ? 1 : 0;
            long era = (year >= 0 ? year : year - 399) / 400;
            long yearOfEra = year - era * 400;
            long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            return era * 146097 + dayOfEra - 719468;
        }
    }
}
