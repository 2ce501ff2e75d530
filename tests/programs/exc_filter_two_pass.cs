// Two-pass exception handling: `when` filters run during the first pass, before inner finally
// blocks execute; filters with side effects, a filter that returns false letting the exception
// continue outward, and a filter that itself throws (treated as false).
using System;

static class Program
{
    static int order;
    static bool Log(string s, bool result) { Console.WriteLine(++order + " filter " + s + " -> " + result); return result; }
    static bool Boom() { throw new InvalidOperationException("filter blew up"); }

    static void Inner()
    {
        try { Console.WriteLine(++order + " throwing"); throw new ArgumentException("bad arg"); }
        finally { Console.WriteLine(++order + " inner finally"); }
    }

    static void Middle()
    {
        try { Inner(); }
        catch (ArgumentException e) when (Log("middle", false)) { Console.WriteLine("never " + e.Message); }
        finally { Console.WriteLine(++order + " middle finally"); }
    }

    static int Main()
    {
        try { Middle(); }
        catch (ArgumentException e) when (Log("outer", true)) { Console.WriteLine(++order + " outer caught " + e.Message); }
        order = 0;
        try
        {
            try { throw new FormatException("f"); }
            catch (FormatException) when (Boom()) { Console.WriteLine("not reached"); }
            catch (FormatException e) when (Log("second", true)) { Console.WriteLine(++order + " second handler " + e.Message); }
        }
        catch (Exception e) { Console.WriteLine("outer got " + e.Message); }
        int code = 0;
        for (int i = 0; i < 4; i++)
        {
            try { if (i % 2 == 0) throw new Exception("even " + i); code += 1; }
            catch (Exception e) when (e.Message == "even 2") { code += 20; Console.WriteLine("filtered " + e.Message); }
            catch (Exception e) { code += 300; Console.WriteLine("general " + e.Message); }
        }
        Console.WriteLine("code " + code);
        return code & 0xFF;
    }
}
