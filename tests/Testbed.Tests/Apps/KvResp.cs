using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Testbed.Tests.Apps;

/// <summary>A blocking RESP client that returns each reply's raw bytes (10 s timeouts, by default).</summary>
internal sealed class KvRespClient : IDisposable
{
    private readonly NetworkStream stream;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start, end;

    /// <summary>A client of a server on 127.0.0.1.</summary>
    public KvRespClient(int port) : this(Loopback(port)) { }

    /// <summary>A client on a connected socket (<see cref="Testbed.Backend.Targets.NetworkNamespace.Connect"/> makes one inside a network namespace).</summary>
    public KvRespClient(Socket socket, int timeoutMilliseconds = 10_000)
    {
        socket.NoDelay = true;
        socket.ReceiveTimeout = timeoutMilliseconds;
        socket.SendTimeout = timeoutMilliseconds;
        stream = new NetworkStream(socket, ownsSocket: true);
    }

    private static Socket Loopback(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public byte[] Call(params string[] args) => Call(args.Select(a => Encoding.UTF8.GetBytes(a)).ToArray());

    public byte[] Call(byte[][] args) => CallTree(args).Raw;

    public KvReply CallTree(byte[][] args)
    {
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"*{args.Length}\r\n"));
        foreach (var a in args)
        {
            request.Write(Encoding.ASCII.GetBytes($"${a.Length}\r\n"));
            request.Write(a);
            request.Write("\r\n"u8);
        }
        SendRaw(request.ToArray());
        return ReadReplyTree();
    }

    public void SendRaw(byte[] data) => stream.Write(data);

    /// <summary>Sends, then reads until the server closes the connection.</summary>
    public byte[] SendRawAndReadToEnd(byte[] data)
    {
        if (data.Length > 0) SendRaw(data);
        var all = new MemoryStream();
        all.Write(buffer, start, end - start);
        start = end = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            all.Write(buffer, 0, n);
        return all.ToArray();
    }

    /// <summary>One complete reply, raw; its parsed form is <see cref="KvReply"/>.</summary>
    public byte[] ReadReply() => ReadReplyTree().Raw;

    public KvReply ReadReplyTree()
    {
        var raw = new MemoryStream();
        var reply = Parse(raw);
        reply.Raw = raw.ToArray();
        return reply;
    }

    private KvReply Parse(MemoryStream raw)
    {
        var line = ReadLine(raw);
        var type = (char)line[0];
        var rest = Encoding.ASCII.GetString(line, 1, line.Length - 1);
        var r = new KvReply { Type = type, Head = line };
        if (type == '$' && long.Parse(rest) >= 0)
        {
            r.Payload = ReadExactly(raw, int.Parse(rest) + 2);
        }
        else if (type == '*' && long.Parse(rest) >= 0)
        {
            for (int i = 0; i < int.Parse(rest); i++)
            {
                var child = new MemoryStream();
                var c = Parse(child);
                c.Raw = child.ToArray();
                raw.Write(c.Raw);
                r.Children.Add(c);
            }
        }
        return r;
    }

    private byte[] ReadLine(MemoryStream raw)
    {
        while (true)
        {
            int nl = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (nl >= 0)
            {
                var line = buffer.AsSpan(start, nl - 1 - start).ToArray();
                raw.Write(buffer, start, nl + 1 - start);
                start = nl + 1;
                return line;
            }
            Fill();
        }
    }

    private byte[] ReadExactly(MemoryStream raw, int n)
    {
        var data = new byte[n];
        int got = 0;
        while (got < n)
        {
            if (start == end) Fill();
            int take = Math.Min(n - got, end - start);
            Array.Copy(buffer, start, data, got, take);
            start += take;
            got += take;
        }
        raw.Write(data);
        return data;
    }

    private void Fill()
    {
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) throw new IOException("reply line too long");
        int n = stream.Read(buffer, end, buffer.Length - end);
        if (n <= 0) throw new IOException("connection closed");
        end += n;
    }

    public void Dispose() => stream.Dispose();
}

internal sealed class KvReply
{
    public char Type;
    public byte[] Head = Array.Empty<byte>();
    public byte[] Payload = Array.Empty<byte>();
    public List<KvReply> Children = new();
    public byte[] Raw = Array.Empty<byte>();

    /// <summary>The reply with every array's elements sorted (for replies whose order Redis leaves to its hash table).</summary>
    public byte[] Sorted()
    {
        if (Type != '*' || Children.Count == 0) return Raw;
        var parts = Children.Select(c => c.Sorted()).OrderBy(b => Convert.ToBase64String(b), StringComparer.Ordinal).ToList();
        var ms = new MemoryStream();
        ms.Write(Head);
        ms.Write("\r\n"u8);
        foreach (var p in parts) ms.Write(p);
        return ms.ToArray();
    }
}

/// <summary>
/// bench/apps/kv/tests/session.txt: one command per line, words separated by spaces, "double quotes" with
/// \r \n \t \" \\ \xHH escapes. A leading directive changes what is compared or sent:
///   !sorted CMD...   compare with every array's elements sorted (KEYS, SMEMBERS of a hash-table set)
///   !type CMD...     compare the reply's type only (INFO, HELLO: server-specific contents)
///   !near CMD...     an integer reply may differ by one (TTL: the servers run the session at different times)
///   !raw "bytes" [N] send the bytes as they are and read N replies, default 1 (inline commands, pipelines)
///   !close "bytes"   send the bytes, read everything until the server closes, then reconnect (protocol errors)
///   !sleep MS
/// # starts a comment.
/// </summary>
internal sealed class KvSession
{
    private readonly List<(int Line, string Text, string Directive, byte[][] Words)> steps = new();

    /// <param name="Near">An integer reply that may differ by one (a TTL read a moment later on one server).</param>
    public sealed record Result(int Line, string Text, byte[] Compared, bool Near = false);

    public static bool Same(Result a, Result b)
    {
        if (a.Compared.SequenceEqual(b.Compared)) return true;
        if (!a.Near || a.Compared.Length == 0 || a.Compared[0] != ':' || b.Compared.Length == 0 || b.Compared[0] != ':') return false;
        return long.TryParse(Encoding.ASCII.GetString(a.Compared, 1, a.Compared.Length - 3), out var x)
            && long.TryParse(Encoding.ASCII.GetString(b.Compared, 1, b.Compared.Length - 3), out var y) && Math.Abs(x - y) <= 1;
    }

    public static KvSession Parse(string[] lines)
    {
        var s = new KvSession();
        for (int i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var words = Split(text);
            string directive = "";
            if (words.Count > 0 && words[0].Length > 1 && words[0][0] == '!')
            {
                directive = Encoding.ASCII.GetString(words[0], 1, words[0].Length - 1);
                words.RemoveAt(0);
            }
            s.steps.Add((i + 1, text, directive, words.ToArray()));
        }
        return s;
    }

    public List<Result> Run(Func<KvRespClient> connect, string transcriptPath)
    {
        var results = new List<Result>();
        using var transcript = File.Create(transcriptPath);
        var client = connect();
        try
        {
            foreach (var (line, text, directive, words) in steps)
            {
                byte[] compared;
                switch (directive)
                {
                    case "sleep":
                        Thread.Sleep(int.Parse(Encoding.ASCII.GetString(words[0])));
                        continue;
                    case "raw":
                        client.SendRaw(words[0]);
                        var replies = new MemoryStream();
                        for (int n = words.Length > 1 ? int.Parse(Encoding.ASCII.GetString(words[1])) : 1; n > 0; n--)
                            replies.Write(client.ReadReply());
                        compared = replies.ToArray();
                        break;
                    case "close":
                        compared = client.SendRawAndReadToEnd(words[0]);
                        client.Dispose();
                        client = connect();
                        break;
                    case "sorted":
                        compared = client.CallTree(words).Sorted();
                        break;
                    case "type":
                        compared = new[] { (byte)(char)client.Call(words)[0] };
                        break;
                    case "":
                    case "near":
                        compared = client.Call(words);
                        break;
                    default:
                        throw new InvalidOperationException($"session line {line}: unknown directive !{directive}");
                }
                transcript.Write(Encoding.UTF8.GetBytes($"# {line}: {text}\n"));
                transcript.Write(compared);
                results.Add(new Result(line, text, compared, directive == "near"));
            }
        }
        finally
        {
            client.Dispose();
        }
        return results;
    }

    private static List<byte[]> Split(string text)
    {
        var words = new List<byte[]>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ') i++;
            if (i >= text.Length) break;
            var w = new List<byte>();
            if (text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] != '\\') { w.AddRange(Encoding.UTF8.GetBytes(text[i].ToString())); continue; }
                    char e = text[++i];
                    if (e == 'x') { w.Add(Convert.ToByte(text.Substring(i + 1, 2), 16)); i += 2; }
                    else w.Add(e switch { 'r' => (byte)'\r', 'n' => (byte)'\n', 't' => (byte)'\t', _ => (byte)e });
                }
                i++;
            }
            else
            {
                for (; i < text.Length && text[i] != ' '; i++)
                    w.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
            words.Add(w.ToArray());
        }
        return words;
    }
}
