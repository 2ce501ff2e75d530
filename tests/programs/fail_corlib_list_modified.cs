// Adding to a List<T> while enumerating it: the unhandled InvalidOperationException ends the program.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var names = new List<string> { "a", "b", "c" };
        foreach (string n in names)
        {
            Console.WriteLine(n);
            if (n == "b") names.Add("d");
        }
        return 0;
    }
}
