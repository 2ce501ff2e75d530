using System;

// is / as / casts across a hierarchy, interfaces and arrays (covariance), pattern matching on types.
interface IFly { }
class A { public int Id; }
class B : A, IFly { }
class C : B { }
class D : A { }

static class Program
{
    static string Classify(object o) => o switch
    {
        null => "null",
        C c => "C" + c.Id,
        B b => "B" + b.Id,
        A a => "A" + a.Id,
        string s => "string " + s,
        int i => "int " + i,
        _ => "other",
    };

    static int Main()
    {
        object[] things = { new A { Id = 1 }, new B { Id = 2 }, new C { Id = 3 }, new D { Id = 4 }, "hi", 42, null, 2.5 };
        int flyers = 0;
        foreach (var t in things)
        {
            Console.WriteLine(Classify(t));
            if (t is IFly) flyers++;
            A asA = t as A;
            Console.WriteLine(asA == null ? "not A" : "A:" + asA.Id);
        }
        string[] words = { "x", "y" };
        object arr = words;
        Console.WriteLine(arr is object[]);
        Console.WriteLine(arr is string[]);
        Console.WriteLine(arr is int[]);
        Console.WriteLine(new int[3] is object);
        A[] as_ = new C[2];
        Console.WriteLine(as_ is B[]);
        Console.WriteLine(flyers);
        try
        {
            object d = new D();
            B bad = (B)d;
            Console.WriteLine(bad.Id);
        }
        catch (InvalidCastException e)
        {
            Console.WriteLine(e.Message);
        }
        return flyers;
    }
}
