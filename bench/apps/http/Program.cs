using System;
using System.Net.Sockets;
using Http.Content;
using Http.Platform;
using Http.SelfBench;
using Http.Server;

namespace Http
{
    /// <summary>
    /// tbhttp: a static-file HTTP/1.1 server (README.md). Serves the tree embedded at build time (www/ plus
    /// generated benchmark files), or on CoreCLR a directory given with --root.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            // Testbed's Main gets no arguments yet: then the ones baked in at build time (-p:HttpArgs=...) apply.
            if (args.Length == 0) args = ServerOptions.Split(BuildArguments.Value);
            if (args.Length > 0 && args[0] == "self-bench")
            {
                var embedded = new FileTable();
                AddEmbedded(embedded);
                return SelfBenchmark.Run(args, embedded);
            }
            var options = new ServerOptions();
            string error = options.Parse(args);
            if (error != null)
            {
                Console.WriteLine("http: " + error);
                Console.WriteLine(ServerOptions.Usage);
                return 1;
            }
            var files = new FileTable();
            if (options.Root != null && options.Tar != null)
            {
                Console.WriteLine("http: --root and --tar exclude each other");
                return 1;
            }
            if (options.Tar != null)
            {
                string problem;
                try
                {
                    problem = TarTree.Load(options.Tar, files);
                }
                catch (System.IO.IOException e)
                {
                    problem = "cannot read " + options.Tar + ": " + e.Message;
                }
                if (problem != null)
                {
                    Console.WriteLine("http: " + problem);
                    return 1;
                }
            }
            else if (options.Root != null)
            {
#if HTTP_CORECLR
                DiskTree.Load(options.Root, files);
#else
                Console.WriteLine("http: --root needs a file system; this build serves its embedded tree only");
                return 1;
#endif
            }
            else
                AddEmbedded(files);
            var server = new HttpServer(options, files);
            Socket listener;
            try
            {
                listener = server.Listen();
            }
            catch (SocketException e)
            {
                Console.WriteLine("http: cannot listen on " + options.Bind + ":" + options.Port + ": " + e.Message);
                return 1;
            }
            Console.WriteLine("http: serving " + files.FileCount + " files (" + files.TotalBytes + " bytes"
                + (options.Root != null ? " from " + options.Root : options.Tar != null ? " from tar " + options.Tar : ", embedded") + ") on http://" + options.Bind + ":" + options.Port
                + "/ (access log " + (options.AccessLog ? "on" : "off") + ")");
            server.Run(listener);
            return 0;
        }

        /// <summary>The tree embedded at build time (www/ and the generated benchmark files).</summary>
        private static void AddEmbedded(FileTable files)
        {
            foreach (var f in EmbeddedTree.Files())
                files.Add(new StaticFile(f.Path, EmbeddedFile.ToBytes(f.Data), f.ModifiedUnixSeconds));
        }
    }
}
