// The generic delegate families with several parameters: Action<T1,T2,T3>, Func<T1,T2,T3,TResult>,
// delegates over generic methods (instantiated at conversion), delegates to instance methods of
// generic classes, and a user-defined generic delegate type.
using System;

delegate TOut Transformer<TIn, TOut>(TIn input, int round);

class Acc<T> { public T Total; Func<T, T, T> add; public Acc(T zero, Func<T, T, T> add) { Total = zero; this.add = add; } public void Add(T x) => Total = add(Total, x); }

static class Program
{
    static T First<T>(T[] a) => a[0];
    static string Describe<T>(T x, int n) => "<" + x + " x" + n + ">";

    static int Main()
    {
        string log = "";
        Action<string, int, bool> rec = (s, n, flag) => log = log + s + n + (flag ? "!" : ".") + " ";
        rec("a", 1, true); rec("b", 22, false);
        Console.WriteLine(log);
        Func<int, int, int, int, int> mix = (a, b, c, d) => a * 1000 + b * 100 + c * 10 + d;
        Console.WriteLine(mix(1, 2, 3, 4));
        Func<string[], string> firstS = First; Func<int[], int> firstI = First<int>;
        Console.WriteLine(firstS(new[] { "x", "y" }) + firstI(new[] { 9, 8 }));
        Transformer<double, string> tr = Describe; Transformer<string, string> tr2 = (s, r) => s + r;
        Console.WriteLine(tr(2.5, 3) + " " + tr2("round", 7));
        var ints = new Acc<int>(0, (a, b) => a + b); var strs = new Acc<string>("", (a, b) => a + b);
        Action<int> addI = ints.Add; Action<string> addS = strs.Add;
        for (int i = 1; i <= 5; i++) { addI(i * i); addS(i.ToString()); }
        Console.WriteLine(ints.Total + " " + strs.Total);
        return ints.Total + log.Length;
    }
}
