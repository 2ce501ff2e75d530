// Popping an empty stack: an unhandled InvalidOperationException "Stack empty."
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var s = new Stack<int>();
        s.Push(1);
        Console.WriteLine(s.Pop());
        Console.WriteLine(s.Pop());
        return 0;
    }
}
