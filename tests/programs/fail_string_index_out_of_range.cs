using System;

// Failure path: a negative string index. CoreCLR prints the unhandled IndexOutOfRangeException on stderr and exits with 134.
static class Program
{
    static char At(string s, int i) { return s[i]; }

    static int Main()
    {
        string s = "héllo";
        for (int i = 0; i < s.Length; i++) Console.Write(At(s, i));
        Console.WriteLine();
        Console.WriteLine(s.Length);
        int i2 = s.Length - 6;
        Console.WriteLine(i2);
        Console.WriteLine(At(s, i2));
        Console.WriteLine("unreachable");
        return 0;
    }
}
