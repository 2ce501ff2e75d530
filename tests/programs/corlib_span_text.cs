// Span helpers over text and bytes: a key=value line parser over ReadOnlySpan<char> without
// substrings until the end, byte-sequence searches, Trim, SequenceCompareTo ordering.
using System;
using System.Collections.Generic;
using System.Text;

static class Program
{
    static int Main()
    {
        string config = "  name = testbed \n# comment\nthreads=4\n\n  mode =  fast  \nbad line\nlimit= 1024 ";
        var settings = new Dictionary<string, string>();
        ReadOnlySpan<char> rest = config.AsSpan();
        int lines = 0;
        while (rest.Length > 0)
        {
            int nl = rest.IndexOf('\n');
            ReadOnlySpan<char> line = nl < 0 ? rest : rest.Slice(0, nl);
            rest = nl < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(nl + 1);
            lines++;
            line = line.Trim();
            if (line.IsEmpty || line[0] == '#') continue;
            int eq = line.IndexOf('=');
            if (eq < 0) { Console.WriteLine("skipped: " + string.Concat(line, default)); continue; }
            settings[string.Concat(line.Slice(0, eq).Trim(), default)] = string.Concat(line.Slice(eq + 1).Trim(), default);
        }
        foreach (var pair in settings) Console.WriteLine(pair.Key + " -> [" + pair.Value + "]");
        Console.WriteLine(lines + " " + int.Parse(settings["limit"]) * int.Parse(settings["threads"]));
        byte[] packet = Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: example\r\n\r\nbody");
        ReadOnlySpan<byte> bytes = packet;
        int headerEnd = bytes.IndexOf(Encoding.ASCII.GetBytes("\r\n\r\n"));
        int firstLineEnd = bytes.IndexOf(Encoding.ASCII.GetBytes("\r\n"));
        Console.WriteLine(headerEnd + " " + firstLineEnd + " " + bytes.StartsWith(Encoding.ASCII.GetBytes("GET ")) + " " + bytes.EndsWith(Encoding.ASCII.GetBytes("body")) + " " + Encoding.ASCII.GetString(bytes.Slice(headerEnd + 4)));
        Console.WriteLine(bytes.Slice(0, firstLineEnd).LastIndexOf((byte)' ') + " " + bytes.IndexOfAny((byte)'/', (byte)'H') + " " + bytes.Count((byte)'e'));
        var keys = new List<string> { "b", "a", "ab", "", "ba" };
        keys.Sort((x, y) => x.AsSpan().SequenceCompareTo(y.AsSpan()));
        Console.WriteLine(string.Join("|", keys) + " " + "abc".AsSpan().SequenceEqual("abc") + " " + "abc".AsSpan().SequenceEqual("abd"));
        return headerEnd;
    }
}
