using System;
using Kv.Persistence;
using Kv.Platform;
using Kv.Server;

namespace Kv
{
    /// <summary>
    /// kv: a Redis-compatible key-value server (README.md). Options use redis-server's names:
    /// --port 6379 --bind 0.0.0.0 --appendonly yes --appendfsync always|everysec|no --dir D ...
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var config = new ServerConfig();
            string error = config.Parse(args);
            if (error != null)
            {
                Console.WriteLine("kv: " + error);
                Console.WriteLine("usage: kv [--port 6379] [--bind 0.0.0.0] [--appendonly yes|no] [--appendfsync always|everysec|no] [--dir D]");
                Console.WriteLine("          [--appendfilename appendonly.aof] [--proto-max-bulk-len N] [--client-query-buffer-limit N] [--hz 10] [--verbose]");
                return 1;
            }
            Log.VerboseEnabled = config.Verbose;
            var server = new KvServer(config);
            if (config.AppendOnly)
            {
                if (!FileAppendLog.DirectoryExists(config.Dir))
                {
                    Console.WriteLine("kv: the directory '" + config.Dir + "' does not exist");
                    return 1;
                }
                string path = config.Dir.EndsWith("/") ? config.Dir + config.AppendFilename : config.Dir + "/" + config.AppendFilename;
                IAppendLog log = new FileAppendLog(path);
                error = AofLoader.Load(server, log, path);
                if (error != null)
                {
                    Console.WriteLine("kv: " + error);
                    return 1;
                }
                server.Aof = new Aof(log, config);
            }
            server.Run();
            return 0;
        }
    }
}
