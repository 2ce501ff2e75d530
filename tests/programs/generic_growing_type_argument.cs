// A generic method that calls itself with a growing type argument (Depth<T> calls Depth<G<T>>): an
// ahead-of-time compiler cannot instantiate every method it can reach. The compiler cuts the
// expansion off deep enough for this program, which then runs as on CoreCLR (docs/language-support.md).
using System;

struct G<T> { public T Value; }

class Box<T>
{
    public T Item;
    public Box(T item) { Item = item; }
    public int Wrap(int n) => n == 0 ? 1 : 2 * new Box<Box<T>>(this).Wrap(n - 1);
}

static class Program
{
    static int Depth<T>(int n) => n == 0 ? 0 : 1 + Depth<G<T>>(n - 1);

    static string Name<T>(int n) => n == 0 ? typeof(T).Name : Name<T[]>(n - 1);

    static int Main()
    {
        int total = 0;
        for (int n = 0; n <= 6; n++)
        {
            int d = Depth<int>(n);
            int w = new Box<string>("x").Wrap(n);
            Console.WriteLine("n " + n + " depth " + d + " wrap " + w + " " + Name<byte>(n));
            total += d + w;
        }
        return total & 0xFF;
    }
}
