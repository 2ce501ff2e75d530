// A tiny HTTP/1.1 request parser over a byte buffer with ReadOnlySpan<byte>: request line, headers
// (case-insensitive lookup), Content-Length body, pipelined requests and malformed input.
using System;

struct Header { public int NameStart, NameLen, ValueStart, ValueLen; }

class Request
{
    public string Method, Path, Version; public Header[] Headers = new Header[16]; public int HeaderCount;
    public int BodyStart, BodyLen; public byte[] Buffer;
    public string Text(int start, int len) { var c = new char[len]; for (int i = 0; i < len; i++) c[i] = (char)Buffer[start + i]; return new string(c); }
    public string Get(string name)
    {
        for (int h = 0; h < HeaderCount; h++)
        {
            var hd = Headers[h];
            if (hd.NameLen != name.Length) continue;
            bool eq = true;
            for (int i = 0; i < name.Length && eq; i++) eq = Lower((char)Buffer[hd.NameStart + i]) == Lower(name[i]);
            if (eq) return Text(hd.ValueStart, hd.ValueLen);
        }
        return null;
    }
    static char Lower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

class BadRequest : Exception { public BadRequest(string m) : base(m) { } }

static class Http
{
    static int IndexOf(ReadOnlySpan<byte> s, byte b) { for (int i = 0; i < s.Length; i++) if (s[i] == b) return i; return -1; }
    static int LineEnd(ReadOnlySpan<byte> s) { for (int i = 0; i + 1 < s.Length; i++) if (s[i] == '\r' && s[i + 1] == '\n') return i; return -1; }

    // parses one request starting at offset; returns bytes consumed
    public static int Parse(byte[] buf, int offset, int length, Request r)
    {
        r.Buffer = buf; r.HeaderCount = 0;
        ReadOnlySpan<byte> all = new ReadOnlySpan<byte>(buf, offset, length);
        int eol = LineEnd(all);
        if (eol < 0) throw new BadRequest("no request line");
        var line = all.Slice(0, eol);
        int sp1 = IndexOf(line, (byte)' ');
        if (sp1 < 0) throw new BadRequest("malformed request line");
        int sp2 = IndexOf(line.Slice(sp1 + 1), (byte)' ');
        if (sp2 < 0) throw new BadRequest("malformed request line");
        sp2 += sp1 + 1;
        r.Method = r.Text(offset, sp1); r.Path = r.Text(offset + sp1 + 1, sp2 - sp1 - 1); r.Version = r.Text(offset + sp2 + 1, eol - sp2 - 1);
        int pos = eol + 2;
        while (true)
        {
            var rest = all.Slice(pos);
            int e = LineEnd(rest);
            if (e < 0) throw new BadRequest("unterminated headers");
            if (e == 0) { pos += 2; break; }
            var h = rest.Slice(0, e);
            int colon = IndexOf(h, (byte)':');
            if (colon <= 0) throw new BadRequest("bad header line");
            int vs = colon + 1; while (vs < h.Length && h[vs] == ' ') vs++;
            r.Headers[r.HeaderCount++] = new Header { NameStart = offset + pos, NameLen = colon, ValueStart = offset + pos + vs, ValueLen = e - vs };
            pos += e + 2;
        }
        string cl = r.Get("content-length");
        int len = 0;
        if (cl != null) for (int i = 0; i < cl.Length; i++) { if (cl[i] < '0' || cl[i] > '9') throw new BadRequest("bad content length"); len = len * 10 + (cl[i] - '0'); }
        if (pos + len > length) throw new BadRequest("truncated body");
        r.BodyStart = offset + pos; r.BodyLen = len;
        return pos + len;
    }
}

static class Program
{
    static byte[] Ascii(string s) { var b = new byte[s.Length]; for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i]; return b; }

    static int Main()
    {
        string wire =
            "GET /index.html HTTP/1.1\r\nHost: example.org\r\nUser-Agent: testbed/1.0\r\nAccept: */*\r\n\r\n" +
            "POST /api/items?id=7 HTTP/1.1\r\nHost: example.org\r\nContent-Type: application/json\r\nCONTENT-LENGTH: 27\r\n\r\n{\"name\":\"widget\",\"qty\":12}\n" +
            "DELETE /api/items/7 HTTP/1.0\r\nX-Trace:abc123\r\n\r\n";
        var buf = Ascii(wire);
        int off = 0, count = 0; long sum = 0;
        var r = new Request();
        while (off < buf.Length)
        {
            int used = Http.Parse(buf, off, buf.Length - off, r);
            count++;
            Console.WriteLine(r.Method + " " + r.Path + " (" + r.Version + ") headers " + r.HeaderCount + " body " + r.BodyLen);
            for (int h = 0; h < r.HeaderCount; h++) Console.WriteLine("  " + r.Text(r.Headers[h].NameStart, r.Headers[h].NameLen) + " = " + r.Text(r.Headers[h].ValueStart, r.Headers[h].ValueLen));
            Console.WriteLine("  host " + (r.Get("HOST") ?? "(none)") + ", trace " + (r.Get("x-trace") ?? "(none)"));
            if (r.BodyLen > 0) Console.WriteLine("  body " + r.Text(r.BodyStart, r.BodyLen));
            var body = new ReadOnlySpan<byte>(buf, r.BodyStart, r.BodyLen);
            foreach (byte b in body) sum += b;
            off += used;
        }
        Console.WriteLine("requests " + count + " body sum " + sum);
        string[] bad = { "GARBAGE", "GET /\r\n\r\n", "GET / HTTP/1.1\r\nNoColon\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 50\r\n\r\nshort", "GET / HTTP/1.1\r\nContent-Length: x1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\n" };
        int errors = 0;
        foreach (var s in bad)
        {
            var b = Ascii(s);
            try { Http.Parse(b, 0, b.Length, r); Console.WriteLine("parsed?"); }
            catch (BadRequest e) { errors++; Console.WriteLine("400: " + e.Message); }
        }
        return (int)(sum % 200) + errors;
    }
}
