// Delegate.Method as code uses it without reflection: the name of the method a delegate calls (a
// static or instance method, a lambda, a generic instantiation, the last of a combination) and
// MethodInfo equality by method. The names come from the image's table of function names.
using System;
using System.Collections.Generic;
class Program
{
    static int Twice(int x) => 2 * x;
    int Offset(int x) => x + _k;
    int _k = 3;
    static T Id<T>(T v) => v;
    static int Main()
    {
        Func<int, int> a = Twice;
        Func<int, int> b = new Program().Offset;
        Func<int, int> c = x => x * x;
        Func<string, string> d = Id<string>;
        Action e = () => Console.WriteLine("e");
        e += () => Console.WriteLine("f");
        foreach (Delegate del in new Delegate[] { a, b, c, d, e })
            Console.WriteLine(del.Method.Name + " " + (del.Method == del.Method) + " " + del.Method.Name.Length);
        Func<int, int> a2 = Twice;
        Console.WriteLine(a.Method.Equals(a2.Method) + " " + a.Method.Equals(b.Method));
        return a(b(c(2)));
    }
}
