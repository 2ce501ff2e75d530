// Reading past the end of a List<T>, unhandled: ArgumentOutOfRangeException naming 'index'.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var list = new List<string> { "a", "b" };
        Console.WriteLine(list[1]);
        Console.WriteLine(list[2]);
        return 0;
    }
}
