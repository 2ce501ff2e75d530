using System;

// User exception types with extra state, caught by base type, ordered catch clauses, filters,
// inner exceptions and exceptions thrown from constructors and property getters.
class AppError : Exception
{
    public int Code { get; }
    public AppError(string message, int code) : base(message) { Code = code; }
}
class ParseError : AppError
{
    public int Position { get; }
    public ParseError(string message, int position) : base(message, 400) { Position = position; }
}
class Fragile
{
    public Fragile(int x) { if (x < 0) throw new ArgumentOutOfRangeException(nameof(x)); Value = x; }
    public int Value { get; }
    public int Checked => Value > 5 ? throw new AppError("too large", Value) : Value;
}

static class Program
{
    static int Parse(string s)
    {
        int v = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < '0' || c > '9') throw new ParseError("bad digit '" + c + "'", i);
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int Main()
    {
        int score = 0;
        foreach (var input in new[] { "123", "4x5", "", "99" })
        {
            try { score += Parse(input); Console.WriteLine("ok " + input); }
            catch (ParseError e) when (e.Position > 0) { Console.WriteLine("late " + e.Message + " at " + e.Position + " code " + e.Code); score += 1000; }
            catch (AppError e) { Console.WriteLine("app " + e.Message); }
        }
        foreach (var x in new[] { 3, -1, 8 })
        {
            try
            {
                var f = new Fragile(x);
                Console.WriteLine(f.Checked);
            }
            catch (ArgumentException e) { Console.WriteLine("argument: " + e.Message); score += 7; }
            catch (AppError e) { Console.WriteLine("app: " + e.Message + " " + e.Code); score += e.Code; }
        }
        try
        {
            try { Parse("z"); }
            catch (ParseError e) { throw new InvalidOperationException("wrapped", e); }
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine(e.Message + " <- " + e.InnerException.Message);
        }
        Console.WriteLine(score);
        return score % 256;
    }
}
