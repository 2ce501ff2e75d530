// A log analysis written with LINQ: parses generated web-server log lines, then answers questions
// with GroupBy/OrderByDescending/ThenBy/Take, ToLookup, Join against a user table, GroupJoin,
// Distinct/Except, Zip over consecutive entries, SelectMany over words, Aggregate, Chunk and
// percentiles from ordered sequences; prints reports and a checksum of everything computed.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

sealed class Entry
{
    public int Time;
    public string User;
    public string Method;
    public string Path;
    public int Status;
    public int Bytes;
    public double Millis;
}

static class Program
{
    static uint s_seed = 12345;
    static uint Next() { s_seed = s_seed * 1664525 + 1013904223; return s_seed >> 8; }

    static readonly string[] Users = { "alice", "bob", "carol", "dave", "erin", "frank", "grace" };
    static readonly string[] Paths = { "/", "/login", "/api/items", "/api/items/7", "/api/cart", "/static/app.js", "/static/site.css", "/search?q=linq", "/admin" };
    static readonly string[] Methods = { "GET", "GET", "GET", "POST", "PUT", "DELETE" };

    static IEnumerable<string> GenerateLog(int count)
    {
        int time = 1000;
        for (int i = 0; i < count; i++)
        {
            time += (int)(Next() % 7);
            string user = Users[Next() % (uint)Users.Length];
            string path = Paths[Next() % (uint)Paths.Length];
            string method = path.StartsWith("/static") ? "GET" : Methods[Next() % (uint)Methods.Length];
            uint roll = Next() % 100;
            int status = roll < 78 ? 200 : roll < 85 ? 304 : roll < 93 ? 404 : roll < 97 ? 403 : 500;
            if (path == "/admin" && user != "grace") status = 403;
            int bytes = status == 304 ? 0 : (int)(Next() % 5000) + 120;
            double ms = (Next() % 20000) / 100.0;
            yield return time + " " + user + " " + method + " " + path + " " + status + " " + bytes + " " + ms.ToString("F2");
        }
    }

    static Entry Parse(string line)
    {
        string[] f = line.Split(' ');
        return new Entry { Time = int.Parse(f[0]), User = f[1], Method = f[2], Path = f[3], Status = int.Parse(f[4]), Bytes = int.Parse(f[5]), Millis = double.Parse(f[6]) };
    }

    static double Percentile(IEnumerable<double> values, double p)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        int index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Max(0, index)];
    }

    static ulong s_checksum = 14695981039346656037;
    static void Mix(string s)
    {
        foreach (char c in s) { s_checksum ^= c; s_checksum *= 1099511628211; }
        Console.WriteLine(s);
    }

    static int Main()
    {
        List<Entry> log = GenerateLog(600).Select(Parse).ToList();
        Mix("entries " + log.Count + " span " + (log.Last().Time - log.First().Time));

        Mix("-- status counts");
        foreach (var g in log.GroupBy(e => e.Status).OrderBy(g => g.Key))
            Mix(g.Key + ": " + g.Count() + " (" + (100.0 * g.Count() / log.Count).ToString("F1") + "%)");

        Mix("-- top paths by hits");
        var topPaths = log.GroupBy(e => e.Path)
            .Select(g => new { Path = g.Key, Hits = g.Count(), Bytes = g.Sum(e => (long)e.Bytes), Avg = g.Average(e => e.Millis) })
            .OrderByDescending(x => x.Hits).ThenBy(x => x.Path).Take(5);
        foreach (var p in topPaths)
            Mix(p.Path.PadRight(16) + p.Hits.ToString().PadLeft(4) + p.Bytes.ToString().PadLeft(8) + p.Avg.ToString("F3").PadLeft(10));

        Mix("-- slowest users (p90 latency)");
        var perUser = log.ToLookup(e => e.User);
        foreach (var u in perUser.OrderByDescending(g => Percentile(g.Select(e => e.Millis), 0.9)).ThenBy(g => g.Key))
            Mix(u.Key + " p50=" + Percentile(u.Select(e => e.Millis), 0.5).ToString("F2") + " p90=" + Percentile(u.Select(e => e.Millis), 0.9).ToString("F2") + " max=" + u.Max(e => e.Millis).ToString("F2"));

        Mix("-- errors by user and method");
        var errors = log.Where(e => e.Status >= 400);
        foreach (var g in errors.GroupBy(e => (e.User, e.Method)).Where(g => g.Count() >= 4).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.User).ThenBy(g => g.Key.Method))
            Mix(g.Key.User + " " + g.Key.Method + " " + g.Count() + " [" + string.Join(",", g.Select(e => e.Status).Distinct().Order()) + "]");

        var teams = new[] { ("alice", "core"), ("bob", "web"), ("carol", "core"), ("dave", "ops"), ("erin", "web"), ("grace", "ops"), ("heidi", "ops") };
        Mix("-- bytes by team (join)");
        foreach (var t in log.Join(teams, e => e.User, t => t.Item1, (e, t) => (Team: t.Item2, e.Bytes)).GroupBy(x => x.Team, x => x.Bytes, (team, bytes) => team + " " + bytes.Sum() + " " + bytes.Count()).Order())
            Mix(t);
        Mix("-- members without traffic (groupjoin)");
        Mix(string.Join(",", teams.GroupJoin(log, t => t.Item1, e => e.User, (t, es) => (t.Item1, N: es.Count())).Where(x => x.N == 0).Select(x => x.Item1)));
        Mix("unknown users: " + string.Join(",", log.Select(e => e.User).Distinct().Except(teams.Select(t => t.Item1)).Order()));

        Mix("-- bursts (gaps of 0 between consecutive requests)");
        var gaps = log.Zip(log.Skip(1), (a, b) => b.Time - a.Time).ToArray();
        Mix("zero gaps " + gaps.Count(g => g == 0) + " max gap " + gaps.Max() + " mean " + gaps.Average().ToString("F4"));
        int longestRun = gaps.Aggregate((Best: 0, Cur: 0), (acc, g) => g <= 1 ? (Math.Max(acc.Best, acc.Cur + 1), acc.Cur + 1) : (acc.Best, 0), acc => acc.Best);
        Mix("longest run of gaps <= 1: " + longestRun);

        Mix("-- per 100 requests");
        foreach (Entry[] chunk in log.Chunk(100))
            Mix(chunk.First().Time + ".." + chunk.Last().Time + " ok=" + chunk.Count(e => e.Status < 400) + " kb=" + (chunk.Sum(e => e.Bytes) / 1024.0).ToString("F1"));

        Mix("-- path segments");
        var segments = log.SelectMany(e => e.Path.Split('/', '?').Where(s => s.Length > 0)).GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(6);
        Mix(string.Join(" ", segments.Select(g => g.Key + "=" + g.Count())));

        var busiest = log.GroupBy(e => e.Time / 100).MaxBy(g => g.Count());
        var quietest = log.GroupBy(e => e.Time / 100).MinBy(g => g.Count());
        Mix("busiest window " + busiest.Key + " (" + busiest.Count() + "), quietest " + quietest.Key + " (" + quietest.Count() + ")");
        Mix("admin ok: " + string.Join(",", log.Where(e => e.Path == "/admin" && e.Status == 200).Select(e => e.User).Distinct()));
        Mix("any 500 for grace: " + log.Any(e => e.User == "grace" && e.Status == 500) + ", all GET static: " + log.Where(e => e.Path.StartsWith("/static")).All(e => e.Method == "GET"));
        var firstPost = log.FirstOrDefault(e => e.Method == "POST" && e.Bytes > 4900);
        Mix("first big POST: " + (firstPost == null ? "none" : firstPost.Time + " " + firstPost.User));
        Mix("checksum " + s_checksum.ToString("X16"));
        return (int)(s_checksum % 200);
    }
}
