using System.Collections.Generic;

namespace Kv.SelfBench
{
    /// <summary>The options of `kv self-bench`, with redis-benchmark's defaults where it has one.</summary>
    internal sealed class SelfBenchOptions
    {
        public int Clients = 30;
        public int Requests = 100000;
        public List<int> Pipelines = new List<int> { 1, 16 };
        public List<string> Tests = new List<string> { "set", "get" };
        public int DataSize = 3;

        /// <summary>Parses the arguments after "self-bench"; returns an error text or null.</summary>
        public string Parse(string[] args)
        {
            for (int i = 1; i < args.Length; i++)
            {
                string name = args[i];
                if (i + 1 >= args.Length)
                    return "option '" + name + "' needs a value";
                string value = args[++i];
                switch (name)
                {
                    case "--clients":
                        if (!TryInt(value, 1, 1000, out Clients))
                            return "--clients: expected 1 to 1000, got '" + value + "'";
                        break;
                    case "--requests":
                        if (!TryInt(value, 1, 1000000000, out Requests))
                            return "--requests: expected 1 to 1000000000, got '" + value + "'";
                        break;
                    case "--data-size":
                        if (!TryInt(value, 1, 65536, out DataSize))
                            return "--data-size: expected 1 to 65536 bytes, got '" + value + "'";
                        break;
                    case "--pipelines":
                        Pipelines.Clear();
                        foreach (string item in value.Split(','))
                        {
                            if (!TryInt(item, 1, 1000, out int pipeline))
                                return "--pipelines: expected numbers from 1 to 1000 separated by commas, got '" + value + "'";
                            Pipelines.Add(pipeline);
                        }
                        break;
                    case "--tests":
                        Tests.Clear();
                        foreach (string item in value.Split(','))
                        {
                            if (item != "set" && item != "get")
                                return "--tests: expected set and/or get, got '" + item + "'";
                            Tests.Add(item);
                        }
                        break;
                    default:
                        return "unknown option '" + name + "'";
                }
            }
            return null;
        }

        private static bool TryInt(string text, int min, int max, out int value)
            => int.TryParse(text, out value) && value >= min && value <= max;
    }
}
