// Wrapping exceptions: InnerException chains built by catch-and-wrap across layers, walking the
// chain, `throw;` preserving the original object versus `throw e;`, and catching by base type
// (ArgumentOutOfRangeException as ArgumentException, everything as Exception).
using System;

class DataError : Exception { public DataError(string m, Exception inner) : base(m, inner) { } }
class ServiceError : Exception { public int Code; public ServiceError(string m, int code, Exception inner) : base(m, inner) { Code = code; } }

static class Program
{
    static int Parse(string s)
    {
        int v = 0;
        for (int i = 0; i < s.Length; i++) { if (s[i] < '0' || s[i] > '9') throw new FormatException("not a digit: " + s[i]); v = v * 10 + s[i] - '0'; }
        return v;
    }
    static int Load(string s) { try { return Parse(s); } catch (FormatException e) { throw new DataError("cannot load '" + s + "'", e); } }
    static int Serve(string s) { try { return Load(s); } catch (DataError e) { throw new ServiceError("request failed", 503, e); } }

    static string Kind(Exception x) => x is ServiceError ? "ServiceError" : x is DataError ? "DataError" : x is FormatException ? "FormatException" : "other";
    static Exception saved;
    static void Rethrow(bool plain)
    {
        try { throw new InvalidOperationException("original"); }
        catch (InvalidOperationException e) { saved = e; if (plain) throw; throw e; }
    }

    static int Main()
    {
        Console.WriteLine(Serve("123"));
        try { Serve("12x"); }
        catch (ServiceError e)
        {
            int depth = 0;
            for (Exception x = e; x != null; x = x.InnerException) Console.WriteLine(new string(' ', 2 * depth++) + Kind(x) + ": " + x.Message);
            Console.WriteLine("code " + e.Code + " depth " + depth);
        }
        try { Rethrow(true); } catch (Exception e) { Console.WriteLine("same object " + ReferenceEquals(e, saved) + " " + e.Message); }
        try { Rethrow(false); } catch (Exception e) { Console.WriteLine("same object " + ReferenceEquals(e, saved) + " " + e.Message); }
        int caught = 0;
        try { throw new ArgumentOutOfRangeException("idx", "index too large"); }
        catch (ArgumentException e) { caught++; Console.WriteLine("as ArgumentException: " + e.Message); }
        try { int[] a = new int[1]; a[2] = 1; }
        catch (Exception e) { caught++; Console.WriteLine("as Exception: " + e.Message); }
        return caught;
    }
}
