// Custom exception classes: overriding Message, extra properties, constructors chaining to base
// constructors with and without messages, default messages of built-in exceptions, and ToString-free
// reporting through Message and InnerException.
using System;

class ValidationError : Exception
{
    public string Field; public int Line;
    public ValidationError(string field, int line) { Field = field; Line = line; }
    public override string Message => "field '" + Field + "' invalid at line " + Line;
}
class RetryableError : Exception
{
    public int Attempts;
    public RetryableError(int attempts, Exception inner) : base("gave up after " + attempts + " attempts", inner) { Attempts = attempts; }
}

static class Program
{
    static int attempts;
    static void Flaky() { attempts++; if (attempts < 10) throw new TimeoutException("attempt " + attempts + " timed out"); }
    static void WithRetry(int max)
    {
        Exception last = null;
        for (int i = 0; i < max; i++) { try { Flaky(); return; } catch (TimeoutException e) { last = e; } }
        throw new RetryableError(max, last);
    }

    static int Main()
    {
        try { throw new ValidationError("email", 12); }
        catch (ValidationError e) { Console.WriteLine(e.Message + " / " + e.Field + " / " + e.Line); }
        try { WithRetry(3); } catch (RetryableError e) { Console.WriteLine(e.Message + " <- " + e.InnerException.Message + " (" + e.Attempts + ")"); }
        try { WithRetry(10); Console.WriteLine("succeeded after " + attempts); } catch (RetryableError e) { Console.WriteLine("unexpected " + e.Message); }
        Exception[] builtins = { new Exception(), new InvalidOperationException(), new ArgumentException(), new ArgumentNullException("p"), new NotSupportedException(), new FormatException(), new IndexOutOfRangeException(), new OverflowException(), new ApplicationException() };
        int len = 0;
        foreach (var b in builtins) { Console.WriteLine(b.Message); len += b.Message.Length; }
        return len & 0xFF;
    }
}
