// string.Format with an index past the arguments, unhandled: FormatException.
using System;

static class Program
{
    static int Main()
    {
        Console.WriteLine(string.Format("{0} and {1}", "a", "b"));
        Console.WriteLine(string.Format("{0} and {2}", "a", "b"));
        return 0;
    }
}
