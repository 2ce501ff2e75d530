// A table of callbacks where one entry was never assigned: invoking the null delegate throws
// NullReferenceException after the assigned ones ran.
using System;
static class Program
{
    static int Main()
    {
        var handlers = new Func<int, int>[4];
        handlers[0] = x => x + 1; handlers[1] = x => x * 3; handlers[3] = x => x - 2;
        int v = 5;
        for (int i = 0; i < handlers.Length; i++) { v = handlers[i](v); Console.WriteLine("after handler " + i + ": " + v); }
        return v;
    }
}
