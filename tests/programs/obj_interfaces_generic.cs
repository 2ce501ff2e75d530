using System;

// Generic interfaces implemented implicitly and explicitly, by classes and structs, dispatched
// through the interface and through generic methods constrained to it.
interface IShape { int Area(); }
interface IStack<T>
{
    void Push(T item);
    T Pop();
    int Count { get; }
}
interface INamed { string Name { get; } }

sealed class ArrayStack<T> : IStack<T>, INamed
{
    private T[] items = new T[4];
    private int count;
    public void Push(T item)
    {
        if (count == items.Length)
        {
            var bigger = new T[items.Length * 2];
            for (int i = 0; i < count; i++) bigger[i] = items[i];
            items = bigger;
        }
        items[count++] = item;
    }
    public T Pop() => items[--count];
    public int Count => count;
    string INamed.Name => "ArrayStack";
}

struct Box : IShape, INamed
{
    public int W, H;
    public int Area() => W * H;
    public string Name => "Box";
}

static class Program
{
    static int Drain<T>(IStack<T> stack, Func<T, int> weight)
    {
        int total = 0;
        while (stack.Count > 0) total = total * 31 + weight(stack.Pop());
        return total;
    }

    static int AreaOf<T>(T shape) where T : IShape => shape.Area();

    static int Main()
    {
        IStack<int> ints = new ArrayStack<int>();
        for (int i = 1; i <= 20; i++) ints.Push(i * i);
        Console.WriteLine(ints.Count);
        Console.WriteLine(Drain(ints, x => x));
        var strings = new ArrayStack<string>();
        strings.Push("alpha"); strings.Push("beta"); strings.Push("gamma");
        Console.WriteLine(Drain(strings, s => s.Length));
        INamed named = strings;
        Console.WriteLine(named.Name);
        var box = new Box { W = 6, H = 7 };
        Console.WriteLine(AreaOf(box));
        IShape boxed = box;
        Console.WriteLine(boxed.Area());
        Console.WriteLine(((INamed)boxed).Name);
        Console.WriteLine(boxed is INamed);
        Console.WriteLine(named is IShape);
        return AreaOf(box);
    }
}
