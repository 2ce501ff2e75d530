// A CSV parser as an explicit state machine over characters (RFC 4180 style: quoted fields,
// doubled quotes, embedded commas and newlines, CRLF), building rows; then column typing, sums,
// a re-serialiser that quotes only when needed and a round-trip check; errors for bad quoting.
using System;

enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

class CsvError : Exception { public int Line; public CsvError(string m, int line) : base(m + " on line " + line) { Line = line; } }

class Table
{
    public string[][] Rows = new string[8][]; public int Count;
    public void Add(string[] r) { if (Count == Rows.Length) { var b = new string[Count * 2][]; for (int i = 0; i < Count; i++) b[i] = Rows[i]; Rows = b; } Rows[Count++] = r; }
}

static class Csv
{
    public static Table Parse(string s)
    {
        var t = new Table();
        var fields = new string[16]; int nf = 0;
        var buf = new char[s.Length + 1]; int nb = 0;
        var st = State.FieldStart; int line = 1;
        for (int i = 0; i <= s.Length; i++)
        {
            char c = i < s.Length ? s[i] : '\0';
            bool end = i == s.Length;
            switch (st)
            {
                case State.FieldStart:
                case State.Unquoted:
                    if (!end && c == '"' && st == State.FieldStart) { st = State.Quoted; break; }
                    if (!end && c == '"') throw new CsvError("quote inside unquoted field", line);
                    if (end || c == ',' || c == '\n' || c == '\r')
                    {
                        if (end && nf == 0 && nb == 0 && st == State.FieldStart) break;
                        fields[nf++] = new string(buf, 0, nb); nb = 0; st = State.FieldStart;
                        if (c != ',') { EmitRow(t, fields, ref nf); if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n') i++; line++; }
                    }
                    else { buf[nb++] = c; st = State.Unquoted; }
                    break;
                case State.Quoted:
                    if (end) throw new CsvError("unterminated quoted field", line);
                    if (c == '"') st = State.QuoteInQuoted;
                    else { if (c == '\n') line++; buf[nb++] = c; }
                    break;
                case State.QuoteInQuoted:
                    if (!end && c == '"') { buf[nb++] = '"'; st = State.Quoted; }
                    else if (end || c == ',' || c == '\n' || c == '\r') { st = State.Unquoted; i--; if (end) { fields[nf++] = new string(buf, 0, nb); nb = 0; EmitRow(t, fields, ref nf); i = s.Length; } }
                    else throw new CsvError("text after closing quote", line);
                    break;
            }
        }
        return t;
    }
    static void EmitRow(Table t, string[] f, ref int nf) { var r = new string[nf]; for (int i = 0; i < nf; i++) r[i] = f[i]; t.Add(r); nf = 0; }

    public static string Write(Table t)
    {
        string o = "";
        for (int r = 0; r < t.Count; r++)
        {
            for (int c = 0; c < t.Rows[r].Length; c++)
            {
                if (c > 0) o = o + ",";
                string f = t.Rows[r][c];
                bool q = f.IndexOf(',') >= 0 || f.IndexOf('"') >= 0 || f.IndexOf('\n') >= 0;
                if (!q) { o = o + f; continue; }
                var b = new char[f.Length * 2 + 2]; int n = 0; b[n++] = '"';
                for (int i = 0; i < f.Length; i++) { if (f[i] == '"') b[n++] = '"'; b[n++] = f[i]; }
                b[n++] = '"'; o = o + new string(b, 0, n);
            }
            o = o + "\n";
        }
        return o;
    }
}

static class Program
{
    static bool IsInt(string s, out long v)
    {
        v = 0; if (s.Length == 0) return false;
        int i = s[0] == '-' ? 1 : 0; if (i == s.Length) return false;
        for (; i < s.Length; i++) { if (s[i] < '0' || s[i] > '9') return false; v = v * 10 + (s[i] - '0'); }
        if (s[0] == '-') v = -v; return true;
    }

    static int Main()
    {
        string data = "id,name,qty,note\r\n1,widget,10,plain\r\n2,\"gadget, large\",-3,\"says \"\"hi\"\"\"\n3,gizmo,7,\"two\nlines\"\n4,,0,\n5,\"\",12,last";
        var t = Csv.Parse(data);
        Console.WriteLine("rows " + t.Count);
        for (int r = 0; r < t.Count; r++)
        {
            Console.Write(r + ":");
            for (int c = 0; c < t.Rows[r].Length; c++) Console.Write(" [" + t.Rows[r][c] + "]");
            Console.WriteLine();
        }
        int cols = t.Rows[0].Length;
        for (int c = 0; c < cols; c++)
        {
            bool allInt = true; long sum = 0;
            for (int r = 1; r < t.Count; r++) { if (IsInt(t.Rows[r][c], out long v)) sum += v; else allInt = false; }
            Console.WriteLine(t.Rows[0][c] + ": " + (allInt ? "int, sum " + sum : "text"));
        }
        string back = Csv.Write(t);
        Console.Write(back);
        var t2 = Csv.Parse(back);
        bool same = t2.Count == t.Count;
        for (int r = 0; same && r < t.Count; r++) { same = t.Rows[r].Length == t2.Rows[r].Length; for (int c = 0; same && c < t.Rows[r].Length; c++) same = t.Rows[r][c] == t2.Rows[r][c]; }
        Console.WriteLine("round trip " + same);
        string[] bad = { "a,b\nc\"d,e", "a,\"open\nfield", "x,\"q\"z,y" };
        int errs = 0;
        foreach (var s in bad)
        {
            try { Csv.Parse(s); Console.WriteLine("parsed"); }
            catch (CsvError e) { errs += e.Line; Console.WriteLine("error: " + e.Message); }
        }
        return back.Length + errs;
    }
}
