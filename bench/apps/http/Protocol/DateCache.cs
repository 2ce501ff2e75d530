using Http.Platform;

namespace Http.Protocol
{
    /// <summary>
    /// The Date value, formatted once per second and shared by every connection: a new array each second,
    /// published by a reference swap, so a reader never sees a half-written date.
    /// </summary>
    internal static class DateCache
    {
        private static long second = -1;
        private static byte[] current = new byte[HttpDate.Length];

        public static byte[] Current()
        {
            long now = Clock.UnixSeconds();
            byte[] date = current;
            if (now != System.Threading.Volatile.Read(ref second))
            {
                date = new byte[HttpDate.Length];
                HttpDate.Format(now, date);
                current = date;
                System.Threading.Volatile.Write(ref second, now);
            }
            return date;
        }
    }
}
