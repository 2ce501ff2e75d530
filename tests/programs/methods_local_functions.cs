// Local functions: recursive local functions, static local functions, local functions capturing and
// mutating locals, a local iterator function, generic local functions and mutual recursion.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        int calls = 0;
        long Fib(int n) { calls++; return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
        Console.WriteLine("fib(20) " + Fib(20) + " calls " + calls);
        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
        Console.WriteLine("gcd " + Gcd(1071, 462) + " " + Gcd(17, 5));
        int total = 0;
        void Add(int v) { total += v; }
        for (int i = 1; i <= 10; i++) Add(i * i);
        Console.WriteLine("total " + total);
        IEnumerable<int> Evens(int limit) { for (int i = 0; i <= limit; i += 2) yield return i; }
        int es = 0; foreach (var e in Evens(10)) es += e;
        Console.WriteLine("evens " + es);
        T Twice<T>(Func<T, T> f, T x) => f(f(x));
        Console.WriteLine(Twice(s => s + "!", "hey") + " " + Twice(n => n * 3, 7));
        bool IsEven(int n) => n == 0 || IsOdd(n - 1);
        bool IsOdd(int n) => n != 0 && IsEven(n - 1);
        Console.WriteLine(IsEven(10) + " " + IsOdd(7) + " " + IsEven(7));
        Func<int, int> asDelegate = Gcd12;
        int Gcd12(int v) => Gcd(v, 12);
        Console.WriteLine(asDelegate(18) + " " + asDelegate(7));
        return (total + es + calls) & 0xFF;
    }
}
