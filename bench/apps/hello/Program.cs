using System;

/// <summary>The smallest end-to-end program: the same source runs on CoreCLR and in a Testbed image, with identical output.</summary>
public static class Program
{
    public static int Main()
    {
        Console.WriteLine("Hello, world!");
        Console.WriteLine(42);
        Console.WriteLine(0.1 + 0.2);
        Console.WriteLine(true);
        return 0;
    }
}
