// int.Parse of malformed input, unhandled: FormatException quoting the input.
using System;

static class Program
{
    static int Main()
    {
        Console.WriteLine(int.Parse(" 17 ") + int.Parse("-3"));
        Console.WriteLine(int.Parse("12abc"));
        return 0;
    }
}
