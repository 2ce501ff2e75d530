using System;

// Every exception the runtime raises for C# code, caught and inspected; the program goes on afterwards.
class Node { public Node Next; public int Value; }

static class Program
{
    static int caught;

    static void Try(string what, Action action)
    {
        try
        {
            action();
            Console.WriteLine(what + ": no exception");
        }
        catch (Exception e)
        {
            caught++;
            Console.WriteLine(what + ": " + e.Message);
        }
    }

    static int Main()
    {
        int zero = 0;
        int[] small = new int[3];
        Node node = new Node();
        object text = "text";
        Try("index", () => small[3] = 1);
        Try("negative index", () => Console.WriteLine(small[-1]));
        Try("null field", () => Console.WriteLine(node.Next.Value));
        Try("divide", () => Console.WriteLine(10 / zero));
        Try("remainder", () => Console.WriteLine(10 % zero));
        Try("min / -1", () => Console.WriteLine(int.MinValue / (zero - 1)));
        Try("checked add", () => Console.WriteLine(checked(int.MaxValue + (zero + 1))));
        Try("checked cast", () => Console.WriteLine(checked((byte)(300 + zero))));
        Try("cast", () => Console.WriteLine(((Node)text).Value));
        Try("negative array", () => Console.WriteLine(new int[zero - 1].Length));
        Try("string index", () => Console.WriteLine("abc"[5]));
        Try("fine", () => Console.WriteLine(small.Length));
        Console.WriteLine(caught);
        return caught;
    }
}
