using System;

// Boxing and unboxing of primitives, structs and enums; virtual calls on boxed values; Equals/ToString.
enum Color { Red, Green = 5, Blue }

struct Pair
{
    public int A, B;
    public Pair(int a, int b) { A = a; B = b; }
    public override string ToString() => "(" + A + "," + B + ")";
}

static class Program
{
    static object Wrap(int i) => i;

    static int Main()
    {
        object[] values = { 1, 2L, 'c', true, 3.5, 1.5f, (byte)7, new Pair(1, 2) };
        foreach (var v in values) Console.WriteLine(v.ToString());
        int sum = 0;
        for (int i = 0; i < 10; i++) sum += (int)Wrap(i);
        Console.WriteLine(sum);
        object p = new Pair(3, 4);
        Pair copy = (Pair)p;
        copy.A = 100;
        Console.WriteLine(p.ToString() + " " + copy.ToString());
        Color c = Color.Green;
        object boxedColor = c;
        Console.WriteLine((int)(Color)boxedColor);
        Console.WriteLine(boxedColor is Color);
        try
        {
            object s = "text";
            int bad = (int)s;
            Console.WriteLine(bad);
        }
        catch (InvalidCastException)
        {
            Console.WriteLine("invalid cast");
        }
        try
        {
            object n = null;
            int bad = (int)n;
            Console.WriteLine(bad);
        }
        catch (NullReferenceException)
        {
            Console.WriteLine("null unbox");
        }
        return sum;
    }
}
