// Reading a missing key ends the program with KeyNotFoundException naming the key.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var ports = new Dictionary<string, int> { ["http"] = 80, ["https"] = 443 };
        Console.WriteLine(ports["http"]);
        Console.WriteLine(ports["gopher"]);
        return 0;
    }
}
