using System;
using System.IO;
using Kv.Persistence;
using Kv.Platform;
using Kv.SelfBench;
using Kv.Server;

namespace Kv
{
    /// <summary>
    /// kv: a Redis-compatible key-value server (README.md). Options use redis-server's names:
    /// --port 6379 --bind 0.0.0.0 --appendonly yes --appendfsync always|everysec|no --dir D [--appenddevice /dev/vda] ...
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "self-bench")
                return SelfBenchmark.Run(args);
            var config = new ServerConfig();
            string error = config.Parse(args);
            if (error != null)
            {
                Console.WriteLine("kv: " + error);
                Console.WriteLine("usage: kv [--port 6379] [--bind 0.0.0.0] [--appendonly yes|no] [--appendfsync always|everysec|no] [--dir D]");
                Console.WriteLine("          [--appendfilename appendonly.aof] [--appenddevice /dev/vda] [--proto-max-bulk-len N] [--client-query-buffer-limit N] [--hz 10] [--verbose]");
                Console.WriteLine("   or: kv self-bench [--clients 30] [--requests 100000] [--pipelines 1,16] [--tests set,get] [--data-size 3]");
                return 1;
            }
            Log.VerboseEnabled = config.Verbose;
            var server = new KvServer(config);
            if (config.AppendOnly)
            {
                try
                {
                    IAppendLog log = OpenAppendLog(config, out string name);
                    if (log == null)
                        error = "the directory '" + config.Dir + "' does not exist";
                    else
                        error = AofLoader.Load(server, log, name);
                    server.Aof = new Aof(log, config);
                }
                catch (IOException e)
                {
                    error = "cannot use the append-only file: " + e.Message;
                }
                if (error != null)
                {
                    Console.WriteLine("kv: " + error);
                    return 1;
                }
            }
            else if (config.AppendDevice.Length > 0)
            {
                Console.WriteLine("kv: --appenddevice is the AOF's storage, and the AOF is off: add --appendonly yes");
                return 1;
            }
            server.Run();
            return 0;
        }

        /// <summary>The AOF's storage: the raw device if one is named, else DIR/appendfilename; null when DIR is missing.</summary>
        private static IAppendLog OpenAppendLog(ServerConfig config, out string name)
        {
            if (config.AppendDevice.Length > 0)
            {
                name = config.AppendDevice;
                return BlockAppendLog.Open(name);
            }
            name = config.Dir.EndsWith("/") ? config.Dir + config.AppendFilename : config.Dir + "/" + config.AppendFilename;
            return FileAppendLog.DirectoryExists(config.Dir) ? new FileAppendLog(name) : null;
        }
    }
}
