// Adding a key twice, unhandled: ArgumentException naming the key.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var d = new Dictionary<int, string>();
        d.Add(7, "seven");
        Console.WriteLine(d[7]);
        d.Add(7, "again");
        return 0;
    }
}
