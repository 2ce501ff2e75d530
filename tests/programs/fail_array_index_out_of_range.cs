using System;

// Failure path: an out-of-range array index, as the last thing the program does. CoreCLR prints the unhandled
// IndexOutOfRangeException on stderr and exits with 134; only stdout and the exit code are compared.
static class Program
{
    static int Index(int i) { return i * 2 + 1; }

    static int Main()
    {
        int[] arr = new int[] { 10, 20, 30, 40, 50 };
        int sum = 0;
        for (int i = 0; i < arr.Length; i++)
        {
            sum += arr[i];
            Console.WriteLine(sum);
        }
        Console.WriteLine(arr[Index(1)]);
        Console.WriteLine("about to index past the end");
        int bad = Index(2);           // 5 == arr.Length: one past the end
        Console.WriteLine(bad);
        arr[bad] = 1;
        Console.WriteLine("unreachable");
        return 0;
    }
}
