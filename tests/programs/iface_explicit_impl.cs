// Interfaces: explicit implementations of two interfaces with the same member name, an implicit
// implementation shared by both, interface inheritance with a re-implemented member, and `is`/`as`
// across interfaces. (Default interface methods: iface_explicit_default_methods.cs.)
using System;

interface IReader { string Read(); int Id { get; } }
interface IWriter { void Write(string s); string Read(); }
interface ILogger { void Log(string m); string Prefix { get; } }
interface IFancyLogger : ILogger { void Banner(); }

class Channel : IReader, IWriter
{
    string buffer = "";
    string IReader.Read() => "reader sees " + buffer;
    string IWriter.Read() => "writer sees " + buffer.Length;
    public void Write(string s) => buffer = buffer + s;
    public int Id => 42;
}

class ConsoleLogger : ILogger { public int Count; public string Prefix => "[log] "; public void Log(string m) { Count++; Console.WriteLine(Prefix + m); } }
class FancyLogger : ConsoleLogger, IFancyLogger
{
    string ILogger.Prefix => "[fancy] ";
    void ILogger.Log(string m) => Console.WriteLine(((ILogger)this).Prefix + m.Length + ":" + m);
    public void Banner() => ((ILogger)this).Log("=== banner ===");
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
        l.Log("one"); l.Log("two");
        Console.WriteLine("count " + cl.Count);
        var fl = new FancyLogger();
        IFancyLogger f = fl;
        f.Log("x"); f.Banner(); fl.Log("direct");
        Console.WriteLine(f.Prefix + "|" + fl.Prefix + "|" + fl.Count);
        object o = ch;
        Console.WriteLine((o is IReader) + " " + (o is ILogger) + " " + (o as IWriter != null) + " " + ((object)f is ILogger));
        return cl.Count + r.Id;
    }
}
