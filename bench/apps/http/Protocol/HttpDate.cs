using System;

namespace Http.Protocol
{
    /// <summary>
    /// HTTP dates without DateTime (the core library has none): RFC 9110's IMF-fixdate
    /// ("Sun, 06 Nov 1994 08:49:37 GMT", always 29 bytes) written and parsed on Unix seconds, the access
    /// log's "06/Nov/1994:08:49:37 +0000", and the civil calendar they need (Howard Hinnant's algorithms).
    /// </summary>
    internal static class HttpDate
    {
        public const int Length = 29;

        private static readonly string[] Days = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
        private static readonly string[] Months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        /// <summary>Writes the IMF-fixdate of <paramref name="unixSeconds"/> (≥ 0) into 29 bytes.</summary>
        public static void Format(long unixSeconds, Span<byte> to)
        {
            long days = unixSeconds / 86400;
            long secondOfDay = unixSeconds % 86400;
            CivilFromDays(days, out long year, out int month, out int day);
            string weekday = Days[(int)(days % 7)];
            to[0] = (byte)weekday[0]; to[1] = (byte)weekday[1]; to[2] = (byte)weekday[2];
            to[3] = (byte)','; to[4] = (byte)' ';
            Two(to, 5, day);
            to[7] = (byte)' ';
            string m = Months[month - 1];
            to[8] = (byte)m[0]; to[9] = (byte)m[1]; to[10] = (byte)m[2];
            to[11] = (byte)' ';
            Two(to, 12, (int)(year / 100 % 100));
            Two(to, 14, (int)(year % 100));
            to[16] = (byte)' ';
            Two(to, 17, (int)(secondOfDay / 3600));
            to[19] = (byte)':';
            Two(to, 20, (int)(secondOfDay / 60 % 60));
            to[22] = (byte)':';
            Two(to, 23, (int)(secondOfDay % 60));
            to[25] = (byte)' '; to[26] = (byte)'G'; to[27] = (byte)'M'; to[28] = (byte)'T';
        }

        /// <summary>The access log's time: "06/Nov/1994:08:49:37 +0000".</summary>
        public static string LogTime(long unixSeconds)
        {
            long days = unixSeconds / 86400;
            long s = unixSeconds % 86400;
            CivilFromDays(days, out long year, out int month, out int day);
            Span<char> c = stackalloc char[26];
            c[0] = (char)('0' + day / 10); c[1] = (char)('0' + day % 10); c[2] = '/';
            string m = Months[month - 1];
            c[3] = m[0]; c[4] = m[1]; c[5] = m[2]; c[6] = '/';
            c[7] = (char)('0' + year / 1000 % 10); c[8] = (char)('0' + year / 100 % 10);
            c[9] = (char)('0' + year / 10 % 10); c[10] = (char)('0' + year % 10); c[11] = ':';
            int h = (int)(s / 3600), mi = (int)(s / 60 % 60), se = (int)(s % 60);
            c[12] = (char)('0' + h / 10); c[13] = (char)('0' + h % 10); c[14] = ':';
            c[15] = (char)('0' + mi / 10); c[16] = (char)('0' + mi % 10); c[17] = ':';
            c[18] = (char)('0' + se / 10); c[19] = (char)('0' + se % 10);
            c[20] = ' '; c[21] = '+'; c[22] = '0'; c[23] = '0'; c[24] = '0'; c[25] = '0';
            return new string(c);
        }

        /// <summary>
        /// Parses an IMF-fixdate (the only form a sender may generate); -1 for anything else, which
        /// RFC 9110 §13.1.3 says to ignore. The obsolete RFC 850 and asctime forms are not accepted.
        /// </summary>
        public static long Parse(ReadOnlySpan<byte> s)
        {
            if (s.Length != Length || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' '
                || s[19] != ':' || s[22] != ':' || s[25] != ' ' || s[26] != 'G' || s[27] != 'M' || s[28] != 'T')
                return -1;
            int day = Digits(s, 5, 2), year = Digits(s, 12, 4), hour = Digits(s, 17, 2), minute = Digits(s, 20, 2), second = Digits(s, 23, 2);
            int month = -1;
            for (int i = 0; i < 12; i++)
                if (s[8] == Months[i][0] && s[9] == Months[i][1] && s[10] == Months[i][2])
                    month = i + 1;
            if (day < 1 || year < 1970 || month < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
                return -1;
            if (day > DaysInMonth(year, month))
                return -1;
            return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + Math.Min(second, 59);
        }

        private static int Digits(ReadOnlySpan<byte> s, int at, int count)
        {
            int v = 0;
            for (int i = at; i < at + count; i++)
            {
                int d = s[i] - '0';
                if (d < 0 || d > 9) return -1;
                v = v * 10 + d;
            }
            return v;
        }

        private static void Two(Span<byte> to, int at, int value)
        {
            to[at] = (byte)('0' + value / 10);
            to[at + 1] = (byte)('0' + value % 10);
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2) return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        private static long DaysFromCivil(long y, int m, int d)
        {
            y -= m <= 2 ? 1 : 0;
            long era = y / 400;
            long yoe = y - era * 400;
            long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
            long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            return era * 146097 + doe - 719468;
        }

        private static void CivilFromDays(long z, out long year, out int month, out int day)
        {
            z += 719468;
            long era = z / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            day = (int)(doy - (153 * mp + 2) / 5 + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        }
    }
}
