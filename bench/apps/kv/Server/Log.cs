using System;

namespace Kv.Server
{
    /// <summary>
    /// The server's log, on standard output (the core library has no Console.Error yet). Lines are
    /// written whole under a lock of their own so that threads do not interleave them.
    /// </summary>
    internal static class Log
    {
        private static readonly object Gate = new object();

        public static bool VerboseEnabled;

        public static void Info(string message)
        {
            lock (Gate) Console.WriteLine("kv: " + message);
        }

        public static void Warning(string message)
        {
            lock (Gate) Console.WriteLine("kv: warning: " + message);
        }

        public static void Verbose(string message)
        {
            if (VerboseEnabled)
                Info(message);
        }
    }
}
