using System;

// Static constructors of other classes run at the first access to one of their static members, exactly once,
// and a class whose initializer touches another class initialises that one first (nested initialisation).
static class Log
{
    public static int Lines;
    public static void Line(string s) { Lines++; Console.WriteLine(s); }
}

static class Config
{
    public static int Scale = Init();
    static Config() { Log.Line("Config cctor"); Scale += 1; }
    static int Init() { Log.Line("Config.Scale initializer"); return 10; }
    public static int Get() { return Scale; }
}

static class Counter
{
    public static int Value = Config.Get() * 3;
    public static int Calls;
    static Counter() { Log.Line("Counter cctor"); Calls = 100; }
    public static void Add(int v) { Calls++; Value += v; }
}

static class Never
{
    public static int X = 5;
    static Never() { Log.Line("Never cctor (must not run)"); }
}

static class Program
{
    static bool s_touchNever = false;

    static int Main()
    {
        Log.Line("Main start");
        Log.Line("before Counter");
        Counter.Add(5);
        Log.Line("after first Counter access");
        Console.WriteLine(Counter.Value);
        Console.WriteLine(Counter.Calls);
        Counter.Add(7);
        Console.WriteLine(Counter.Value);
        Console.WriteLine(Counter.Calls);
        Log.Line("before Config");
        Console.WriteLine(Config.Scale);
        Config.Scale = 50;
        Console.WriteLine(Config.Get());
        Console.WriteLine(Counter.Value);
        if (s_touchNever) Console.WriteLine(Never.X);
        Log.Line("end");
        Console.WriteLine(Log.Lines);
        return Counter.Value + Log.Lines;
    }
}
