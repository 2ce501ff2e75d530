// Dequeuing from an emptied queue, unhandled: InvalidOperationException "Queue empty."
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var q = new Queue<int>(new[] { 1, 2 });
        Console.WriteLine(q.Dequeue() + q.Dequeue());
        return q.Dequeue();
    }
}
