// The first pass and what a filter does while it runs: a filter calls code that throws and catches
// its own exceptions (a nested first pass that must stop inside the filter), a filter throws past
// a finally of its own callee, a rethrow runs the filters again, and a static constructor that
// throws is a handler of its own (the exception arrives wrapped in a TypeInitializationException).
using System;

static class Config
{
    public static readonly int Value = Load();
    static int Load() { throw new InvalidOperationException("config missing"); }
}

static class Program
{
    static int filterRuns;

    static int ParseOr(string s, int fallback)
    {
        try { return int.Parse(s); }
        catch (FormatException) { return fallback; }
    }

    static bool ParsesAsSmall(Exception e)
    {
        filterRuns++;
        return ParseOr(e.Message, 1000) < 100;
    }

    static bool ThrowsThroughFinally()
    {
        try { throw new NotSupportedException("inside filter"); }
        finally { Console.WriteLine("finally inside the filter's callee"); }
    }

    static void Thrower(string message)
    {
        try { throw new Exception(message); }
        finally { Console.WriteLine("thrower finally " + message + " (filters run " + filterRuns + ")"); }
    }

    static void Rethrower(string message)
    {
        try { Thrower(message); }
        catch (Exception e) when (e.Message.Length > 0) { Console.WriteLine("rethrowing " + e.Message); throw; }
    }

    static int Main()
    {
        foreach (var m in new[] { "42", "x", "500" })
        {
            try { Thrower(m); }
            catch (Exception e) when (ParsesAsSmall(e)) { Console.WriteLine("small " + e.Message); }
            catch (Exception e) { Console.WriteLine("other " + e.Message); }
        }
        try { Thrower("t"); }
        catch (Exception) when (ThrowsThroughFinally()) { Console.WriteLine("not reached"); }
        catch (Exception e) { Console.WriteLine("after a throwing filter: " + e.Message); }
        try { Rethrower("again"); }
        catch (Exception e) when (ParsesAsSmall(e) || e.Message == "again") { Console.WriteLine("outer got " + e.Message + ", filters run " + filterRuns); }
        try { Console.WriteLine(Config.Value); }
        catch (TypeInitializationException e) when (e.InnerException is InvalidOperationException) { Console.WriteLine("type init: " + e.InnerException.Message); }
        return filterRuns;
    }
}
