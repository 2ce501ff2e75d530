using System;

// Class initialisation order: field initializers run in textual order, then the explicit static constructor body;
// the program class is initialised before Main runs.
static class Program
{
    static int s_first = Trace("s_first initializer", 1);
    static int s_second = Trace("s_second initializer", s_first + 10);
    static string s_text = "text";
    static int s_fromCctor;
    static int s_third = Trace("s_third initializer", s_second * 2);

    static Program()
    {
        Console.WriteLine("Program static constructor");
        Console.WriteLine(s_first);
        Console.WriteLine(s_second);
        Console.WriteLine(s_third);
        s_fromCctor = s_first + s_second + s_third;
        s_second = -1;
    }

    static int Trace(string what, int value)
    {
        Console.Write(what);
        Console.Write(" -> ");
        Console.WriteLine(value);
        return value;
    }

    static int Main()
    {
        Console.WriteLine("Main starts");
        Console.WriteLine(s_first);
        Console.WriteLine(s_second);
        Console.WriteLine(s_third);
        Console.WriteLine(s_fromCctor);
        Console.WriteLine(s_text);
        return s_fromCctor;
    }
}
