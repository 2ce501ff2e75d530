using System;
using Testbed.LibOS.Platform.Pvh;

static unsafe class Program
{
    static int Main()
    {
        byte* line = BootInfo.CommandLine;
        for (int i = 0; i < BootInfo.CommandLineLength; i++)
            Console.Write((char)line[i]);
        Console.WriteLine();
        return 0;
    }
}
