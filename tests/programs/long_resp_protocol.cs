// A Redis RESP parser and serializer: simple strings, errors, integers, bulk strings (including
// null) and nested arrays, parsed into value classes from a byte buffer and re-serialised
// byte-for-byte; a mini command executor over an own key-value table.
using System;

abstract class RValue { public abstract void Write(Writer w); public abstract string Show(); }
class RSimple : RValue { public string S; public RSimple(string s) { S = s; } public override void Write(Writer w) { w.Put('+'); w.Put(S); w.Crlf(); } public override string Show() => S; }
class RError : RValue { public string S; public RError(string s) { S = s; } public override void Write(Writer w) { w.Put('-'); w.Put(S); w.Crlf(); } public override string Show() => "(error) " + S; }
class RInt : RValue { public long V; public RInt(long v) { V = v; } public override void Write(Writer w) { w.Put(':'); w.Put(V.ToString()); w.Crlf(); } public override string Show() => "(integer) " + V; }
class RBulk : RValue
{
    public string S; public RBulk(string s) { S = s; }
    public override void Write(Writer w) { w.Put('$'); if (S == null) { w.Put("-1"); w.Crlf(); return; } w.Put(S.Length.ToString()); w.Crlf(); w.Put(S); w.Crlf(); }
    public override string Show() => S == null ? "(nil)" : "\"" + S + "\"";
}
class RArray : RValue
{
    public RValue[] Items; public RArray(RValue[] items) { Items = items; }
    public override void Write(Writer w) { w.Put('*'); w.Put(Items.Length.ToString()); w.Crlf(); foreach (var i in Items) i.Write(w); }
    public override string Show() { string s = "["; for (int i = 0; i < Items.Length; i++) s = s + (i > 0 ? ", " : "") + Items[i].Show(); return s + "]"; }
}

class Writer
{
    public byte[] Buf = new byte[1024]; public int Len;
    public void Put(char c) { Buf[Len++] = (byte)c; }
    public void Put(string s) { for (int i = 0; i < s.Length; i++) Buf[Len++] = (byte)s[i]; }
    public void Crlf() { Put('\r'); Put('\n'); }
}

class ProtocolError : Exception { public ProtocolError(string m) : base(m) { } }

class Reader
{
    byte[] b; int p, end;
    public Reader(byte[] b, int len) { this.b = b; end = len; }
    public bool More => p < end;
    string Line()
    {
        int st = p;
        while (p + 1 < end && !(b[p] == '\r' && b[p + 1] == '\n')) p++;
        if (p + 1 >= end) throw new ProtocolError("missing CRLF");
        var c = new char[p - st]; for (int i = 0; i < c.Length; i++) c[i] = (char)b[st + i];
        p += 2; return new string(c);
    }
    static long Num(string s)
    {
        if (s.Length == 0) throw new ProtocolError("empty number");
        long v = 0; int i = s[0] == '-' ? 1 : 0;
        for (; i < s.Length; i++) { if (s[i] < '0' || s[i] > '9') throw new ProtocolError("bad number " + s); v = v * 10 + (s[i] - '0'); }
        return s[0] == '-' ? -v : v;
    }
    public RValue Read()
    {
        if (p >= end) throw new ProtocolError("unexpected end");
        char t = (char)b[p++];
        switch (t)
        {
            case '+': return new RSimple(Line());
            case '-': return new RError(Line());
            case ':': return new RInt(Num(Line()));
            case '$':
                {
                    long n = Num(Line());
                    if (n < 0) return new RBulk(null);
                    if (p + n + 2 > end) throw new ProtocolError("short bulk");
                    var c = new char[n]; for (int i = 0; i < n; i++) c[i] = (char)b[p + i];
                    p += (int)n + 2; return new RBulk(new string(c));
                }
            case '*':
                {
                    long n = Num(Line());
                    var items = new RValue[n];
                    for (int i = 0; i < n; i++) items[i] = Read();
                    return new RArray(items);
                }
            default: throw new ProtocolError("unknown type byte '" + t + "'");
        }
    }
}

class Store
{
    string[] keys = new string[32]; string[] vals = new string[32]; int n;
    int Find(string k) { for (int i = 0; i < n; i++) if (keys[i] == k) return i; return -1; }
    public RValue Exec(RArray cmd)
    {
        string name = ((RBulk)cmd.Items[0]).S;
        string Arg(int i) => ((RBulk)cmd.Items[i]).S;
        switch (name)
        {
            case "SET": { int i = Find(Arg(1)); if (i < 0) { i = n++; keys[i] = Arg(1); } vals[i] = Arg(2); return new RSimple("OK"); }
            case "GET": { int i = Find(Arg(1)); return new RBulk(i < 0 ? null : vals[i]); }
            case "INCR":
                {
                    int i = Find(Arg(1)); if (i < 0) { i = n++; keys[i] = Arg(1); vals[i] = "0"; }
                    long v = 0; string s = vals[i];
                    for (int k = 0; k < s.Length; k++) { if (s[k] < '0' || s[k] > '9') return new RError("ERR value is not an integer"); v = v * 10 + s[k] - '0'; }
                    vals[i] = (v + 1).ToString(); return new RInt(v + 1);
                }
            case "DEL": { int c = 0; for (int a = 1; a < cmd.Items.Length; a++) { int i = Find(Arg(a)); if (i >= 0) { keys[i] = keys[n - 1]; vals[i] = vals[n - 1]; n--; c++; } } return new RInt(c); }
            case "KEYS": { var r = new RValue[n]; for (int i = 0; i < n; i++) r[i] = new RBulk(keys[i]); return new RArray(r); }
            default: return new RError("ERR unknown command '" + name + "'");
        }
    }
}

static class Program
{
    static RArray Cmd(params string[] parts) { var r = new RValue[parts.Length]; for (int i = 0; i < parts.Length; i++) r[i] = new RBulk(parts[i]); return new RArray(r); }

    static int Main()
    {
        var w = new Writer();
        Cmd("SET", "name", "testbed").Write(w); Cmd("GET", "name").Write(w); Cmd("INCR", "hits").Write(w); Cmd("INCR", "hits").Write(w);
        Cmd("SET", "x", "abc").Write(w); Cmd("INCR", "x").Write(w); Cmd("GET", "missing").Write(w); Cmd("KEYS").Write(w);
        Cmd("DEL", "x", "nope", "name").Write(w); Cmd("KEYS").Write(w); Cmd("FLY").Write(w);
        Console.WriteLine("request bytes " + w.Len);
        var reader = new Reader(w.Buf, w.Len);
        var store = new Store();
        var replies = new Writer();
        int n = 0;
        while (reader.More)
        {
            var cmd = (RArray)reader.Read();
            var reply = store.Exec(cmd);
            Console.WriteLine(cmd.Show() + " -> " + reply.Show());
            reply.Write(replies); n++;
        }
        // re-parse the replies and compare re-serialisation byte for byte
        var rr = new Reader(replies.Buf, replies.Len);
        var again = new Writer();
        while (rr.More) rr.Read().Write(again);
        bool same = again.Len == replies.Len;
        for (int i = 0; same && i < again.Len; i++) same = again.Buf[i] == replies.Buf[i];
        Console.WriteLine("replies " + n + " bytes " + replies.Len + " round trip " + same);
        var nested = new RArray(new RValue[] { new RInt(-42), new RArray(new RValue[] { new RSimple("a"), new RBulk("") }), new RError("E") });
        var nw = new Writer(); nested.Write(nw);
        Console.WriteLine(new Reader(nw.Buf, nw.Len).Read().Show());
        string[] bad = { "$5\r\nab\r\n", "*2\r\n:1\r\n", ":12x\r\n", "!oops\r\n", "+no end" };
        foreach (var s in bad)
        {
            var b = new byte[s.Length]; for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            try { Console.WriteLine(new Reader(b, b.Length).Read().Show()); }
            catch (ProtocolError e) { Console.WriteLine("protocol error: " + e.Message); }
        }
        int h = 0; for (int i = 0; i < replies.Len; i++) h = h * 31 + replies.Buf[i];
        return h & 0xFF;
    }
}
