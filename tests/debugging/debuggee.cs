// The program the gdb tests (tests/Testbed.Tests/Debugging) debug. They find lines by the markers
// at the end of lines ("// @name"), so the program may change as long as the markers stay.
using System;
using System.Runtime.CompilerServices;

class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Square(int value)
    {
        int result = value * value; // @square-body
        return result; // @square-return
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static string Describe(int total)
    {
        string label = "total"; // @describe-body
        return label + " = " + total.ToString();
    }

    static int Main(string[] args)
    {
        string greeting = "hello, debugger";
        int total = 0;
        for (int i = 0; i < 5; i++)
            total += Square(i); // @main-call
        string text = Describe(total); // @main-describe
        Console.WriteLine(greeting + ": " + text); // @main-print
        return total - 30 + greeting.Length;
    }
}
