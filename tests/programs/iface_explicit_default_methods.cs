// Interfaces: explicit implementations of two interfaces with the same member name, default
// interface methods (used and overridden), interface inheritance, and `is`/`as` across interfaces.
using System;

interface IReader { string Read(); int Id => 1; }
interface IWriter { void Write(string s); string Read(); }
interface ILogger { void Log(string m); void LogTwice(string m) { Log(m); Log(m + " (again)"); } string Prefix => "[log] "; }
interface IFancyLogger : ILogger { string ILogger.Prefix => "[fancy] "; void Banner() => Log("=== banner ==="); }

class Channel : IReader, IWriter
{
    string buffer = "";
    string IReader.Read() => "reader sees " + buffer;
    string IWriter.Read() => "writer sees " + buffer.Length;
    public void Write(string s) => buffer = buffer + s;
    public int Id => 42;
}

class ConsoleLogger : ILogger { public int Count; public void Log(string m) { Count++; Console.WriteLine(((ILogger)this).Prefix + m); } }
class FancyLogger : IFancyLogger
{
    public void Log(string m) => Console.WriteLine(((ILogger)this).Prefix + m.Length + ":" + m);
    public void LogTwice(string m) => Log("twice overridden " + m);
}

static class Program
{
    static int Main()
    {
        var ch = new Channel();
        ch.Write("abc"); ch.Write("de");
        IReader r = ch; IWriter w = ch;
        Console.WriteLine(r.Read());
        Console.WriteLine(w.Read());
        Console.WriteLine(r.Id + " " + ch.Id);
        var cl = new ConsoleLogger();
        ILogger l = cl;
        l.Log("one"); l.LogTwice("two");
        Console.WriteLine("count " + cl.Count);
        IFancyLogger f = new FancyLogger();
        f.Log("x"); f.LogTwice("y"); f.Banner();
        object o = ch;
        Console.WriteLine((o is IReader) + " " + (o is ILogger) + " " + (o as IWriter != null) + " " + ((object)f is ILogger));
        return cl.Count + r.Id;
    }
}
