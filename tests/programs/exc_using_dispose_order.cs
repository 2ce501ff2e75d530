// using statements and declarations with exceptions: Dispose runs in reverse order of acquisition,
// also when the body throws and when a constructor in the middle throws; a Dispose that records
// state; using on a struct implementing IDisposable; nested usings in a loop with break.
using System;

class Res : IDisposable
{
    public static string Log = "";
    string name;
    public Res(string n, bool fail = false) { if (fail) { Log += "!" + n + " "; throw new InvalidOperationException("cannot open " + n); } name = n; Log += "+" + n + " "; }
    public void Dispose() => Log += "-" + name + " ";
}

struct Scope : IDisposable { public string Name; public void Dispose() => Res.Log += "~" + Name + " "; }

static class Program
{
    static int Declarations(bool fail)
    {
        using var a = new Res("a");
        using var b = new Res("b");
        if (fail) throw new ArgumentException("body failed");
        return 1;
    }

    static int Main()
    {
        Declarations(false); Console.WriteLine(Res.Log); Res.Log = "";
        try { Declarations(true); } catch (ArgumentException e) { Console.WriteLine(Res.Log + "| " + e.Message); } Res.Log = "";
        try { using (var x = new Res("x")) using (var y = new Res("y", true)) using (var z = new Res("z")) { Res.Log += "body "; } }
        catch (InvalidOperationException e) { Console.WriteLine(Res.Log + "| " + e.Message); }
        Res.Log = "";
        using (var s = new Scope { Name = "s1" }) { Res.Log += "in "; }
        Console.WriteLine(Res.Log); Res.Log = "";
        for (int i = 0; i < 5; i++)
        {
            using var r = new Res("r" + i);
            if (i == 2) break;
            if (i == 0) continue;
            Res.Log += "work" + i + " ";
        }
        Console.WriteLine(Res.Log);
        Res nothing = null;
        using (nothing) { Console.WriteLine("null resource is fine"); }
        return Res.Log.Length;
    }
}
