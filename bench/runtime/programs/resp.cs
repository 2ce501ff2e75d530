// resp: parsing a Redis-protocol (RESP) request stream and storing into Dictionary<string, byte[]>.
// Generates SET and GET commands (`*3\r\n$3\r\nSET\r\n$6\r\nkey:42\r\n$N\r\n<N bytes>\r\n`, `*2\r\n$3\r\nGET\r\n...`)
// over 100 keys into one byte[], then parses it again and again with Span<byte>.IndexOf((byte)'\r'),
// as a server's request loop would. Prints the counts and a checksum of what GET returned.
// Argument: passes over the buffer (default 100).
using System;
using System.Collections.Generic;
using System.Text;

static class Resp
{
    const int Commands = 100_000;
    const int Keys = 100;

    static uint state = 2463534242;

    static uint Next()
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }

    static void Put(List<byte> buffer, string ascii)
    {
        foreach (char c in ascii) buffer.Add((byte)c);
    }

    static void Bulk(List<byte> buffer, string ascii)
    {
        Put(buffer, "$" + ascii.Length + "\r\n");
        Put(buffer, ascii);
        Put(buffer, "\r\n");
    }

    static byte[] Requests()
    {
        var buffer = new List<byte>(Commands * 40);
        for (int i = 0; i < Commands; i++)
        {
            string key = "key:" + Next() % Keys;
            if (Next() % 3 == 0)
            {
                int length = 4 + (int)(Next() % 60);
                var value = new StringBuilder(length);
                for (int j = 0; j < length; j++) value.Append((char)('a' + Next() % 26));
                Put(buffer, "*3\r\n");
                Bulk(buffer, "SET");
                Bulk(buffer, key);
                Bulk(buffer, value.ToString());
            }
            else
            {
                Put(buffer, "*2\r\n");
                Bulk(buffer, "GET");
                Bulk(buffer, key);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The decimal number in a line after its type byte ('*' or '$').</summary>
    static int Number(ReadOnlySpan<byte> line)
    {
        int n = 0;
        for (int i = 1; i < line.Length; i++) n = n * 10 + (line[i] - '0');
        return n;
    }

    static int Main(string[] args)
    {
        int passes = args.Length > 0 ? int.Parse(args[0]) : 100;
        byte[] requests = Requests();
        var store = new Dictionary<string, byte[]>();
        long sets = 0, gets = 0, misses = 0, checksum = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            ReadOnlySpan<byte> rest = requests;
            while (rest.Length > 0)
            {
                int end = rest.IndexOf((byte)'\r');
                int count = Number(rest.Slice(0, end));
                rest = rest.Slice(end + 2);
                string? command = null, key = null;
                ReadOnlySpan<byte> value = default;
                for (int a = 0; a < count; a++)
                {
                    end = rest.IndexOf((byte)'\r');
                    int length = Number(rest.Slice(0, end));
                    var bulk = rest.Slice(end + 2, length);
                    if (a == 0) command = Encoding.ASCII.GetString(bulk);
                    else if (a == 1) key = Encoding.ASCII.GetString(bulk);
                    else value = bulk;
                    rest = rest.Slice(end + 2 + length + 2);
                }
                if (command == "SET")
                {
                    store[key!] = value.ToArray();
                    sets++;
                }
                else if (store.TryGetValue(key!, out byte[]? stored))
                {
                    gets++;
                    checksum = checksum * 31 + stored.Length + stored[0];
                }
                else
                    misses++;
            }
        }
        Console.WriteLine("sets: " + sets + ", gets: " + gets + ", misses: " + misses + ", keys: " + store.Count);
        Console.WriteLine("checksum: " + checksum);
        return 0;
    }
}
