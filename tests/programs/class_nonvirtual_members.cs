using System;

// Classes without virtual dispatch: reference semantics (two variables, one object), fields of
// every kind, constructors chaining, non-virtual instance methods, and null-checked access.
sealed class Counter
{
    private int count;
    public readonly string Name;
    public long Total;
    public Counter Next;

    public Counter(string name) : this(name, 0) { }

    public Counter(string name, int start)
    {
        Name = name;
        count = start;
    }

    public int Count => count;

    public void Add(int v)
    {
        count++;
        Total += v;
    }
}

static class Program
{
    static void Feed(Counter c, int n)
    {
        for (int i = 1; i <= n; i++) c.Add(i * i);
    }

    static int Main()
    {
        var a = new Counter("a");
        var b = new Counter("b", 10);
        var alias = a;
        Feed(a, 5);
        Feed(alias, 3);
        Feed(b, 4);
        Console.WriteLine(a.Name);
        Console.WriteLine(a.Count);
        Console.WriteLine(a.Total);
        Console.WriteLine(b.Count);
        Console.WriteLine(b.Total);
        Console.WriteLine(ReferenceEqualsByHand(a, alias));
        Console.WriteLine(ReferenceEqualsByHand(a, b));

        // A linked list of objects.
        Counter head = null;
        for (int i = 0; i < 6; i++)
        {
            var node = new Counter("n" + (char)('0' + i), i);
            node.Next = head;
            head = node;
        }
        long sum = 0;
        for (var n = head; n != null; n = n.Next)
        {
            Console.Write(n.Name);
            Console.Write(' ');
            sum += n.Count;
        }
        Console.WriteLine();
        Console.WriteLine(sum);
        return (int)((a.Total + b.Total + sum) & 0xFF);
    }

    static bool ReferenceEqualsByHand(Counter x, Counter y) => (object)x == (object)y;
}
