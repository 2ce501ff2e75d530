// Filters run in the first pass, in a function of their own, yet read and write the locals and
// arguments of their method as they are at the throw: a loop counter changed inside the try, an
// argument, `this` of a class and of a struct, a captured variable, a generic method's T.
using System;
using System.Collections.Generic;

class Counter
{
    private int limit;
    public int Hits;
    public Counter(int limit) { this.limit = limit; }

    public int Run(int[] data)
    {
        int sum = 0;
        foreach (int d in data)
        {
            try { sum += Check(d); }
            catch (ArgumentOutOfRangeException e) when (d > limit && ++Hits > 0) { sum -= 1000; Console.WriteLine("over limit " + d + " (" + e.ParamName + ")"); }
            catch (ArgumentOutOfRangeException) { sum += 1; }
        }
        return sum;
    }

    static int Check(int d)
    {
        try { if (d < 0 || d > 50) throw new ArgumentOutOfRangeException("d"); return d; }
        finally { Program.Trace("check finally " + d); }
    }
}

struct Window
{
    public int Low, High;
    public bool Wants(int v) { return v >= Low && v <= High; }
    public string Classify(int v)
    {
        try { throw new InvalidOperationException(v.ToString()); }
        catch (InvalidOperationException) when (Wants(v)) { return "inside"; }
        catch (InvalidOperationException) when (v < Low) { Low = v; return "below, low now " + Low; }
        catch (InvalidOperationException) { return "above"; }
    }
}

static class Program
{
    static List<string> log = new List<string>();
    public static void Trace(string s) { log.Add(s); }

    static int Divide(int a, int b, int fallback)
    {
        int attempts = 0;
        while (true)
        {
            attempts++;
            try { return a / b; }
            catch (DivideByZeroException) when (attempts < 3 && (b = fallback - attempts) >= 0) { Trace("retry with b=" + b); }
            catch (DivideByZeroException) { return -attempts; }
        }
    }

    static string Generic<T>(T value)
    {
        try { throw new FormatException(value is int ? "int" : "other"); }
        catch (FormatException e) when (value is int) { return "int filter saw " + value + " " + e.Message; }
        catch (FormatException e) when (value is string s && s.Length > 2) { return "string filter saw " + s + " " + e.Message; }
        catch (FormatException) { return "no filter for " + value; }
    }

    static int Main()
    {
        var c = new Counter(20);
        Console.WriteLine("sum " + c.Run(new[] { 5, 60, -3, 70, 10 }) + " hits " + c.Hits);
        var w = new Window { Low = 10, High = 20 };
        Console.WriteLine(w.Classify(15));
        Console.WriteLine(w.Classify(3));
        Console.WriteLine(w.Classify(99));
        Console.WriteLine("low " + w.Low);
        Console.WriteLine(Divide(10, 0, 2));
        Console.WriteLine(Divide(10, 0, 1));
        Console.WriteLine(Divide(10, 5, 0));
        Console.WriteLine(Generic(42));
        Console.WriteLine(Generic("abcd"));
        Console.WriteLine(Generic("ab"));
        int threshold = 3;
        Func<int, bool> check = n =>
        {
            try { if (n > threshold) throw new Exception("big " + n); return false; }
            catch (Exception e) when (e.Message.EndsWith(threshold.ToString()) || n == 7) { threshold++; return true; }
            catch { return false; }
        };
        for (int i = 0; i < 10; i++) Console.Write(check(i) ? "T" : ".");
        Console.WriteLine(" threshold " + threshold);
        foreach (var line in log) Console.WriteLine(line);
        return log.Count;
    }
}
