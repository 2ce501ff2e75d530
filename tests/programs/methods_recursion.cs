using System;

// Recursion: naive and accumulator-style, mutual recursion, deep recursion, Ackermann, Hanoi.
static class Program
{
    static int s_moves;

    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
    static long Fact(int n) { return n <= 1 ? 1 : n * Fact(n - 1); }
    static int Ack(int m, int n)
    {
        if (m == 0) return n + 1;
        if (n == 0) return Ack(m - 1, 1);
        return Ack(m - 1, Ack(m, n - 1));
    }
    static bool IsEven(int n) { return n == 0 ? true : IsOdd(n - 1); }
    static bool IsOdd(int n) { return n == 0 ? false : IsEven(n - 1); }
    static int SumTo(int n, int acc) { return n == 0 ? acc : SumTo(n - 1, acc + n); }
    static long Power(long b, int e)
    {
        if (e == 0) return 1;
        long half = Power(b, e / 2);
        return e % 2 == 0 ? half * half : half * half * b;
    }
    static void Hanoi(int n, int from, int to, int via)
    {
        if (n == 0) return;
        Hanoi(n - 1, from, via, to);
        s_moves++;
        if (n >= 4) { Console.Write(n); Console.Write(":"); Console.Write(from); Console.Write("->"); Console.Write(to); Console.Write(" "); }
        Hanoi(n - 1, via, to, from);
    }
    static int Gcd(int a, int b) { return b == 0 ? a : Gcd(b, a % b); }
    static int BinSearch(int[] a, int lo, int hi, int key)
    {
        if (lo > hi) return -1;
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key) return mid;
        return a[mid] < key ? BinSearch(a, mid + 1, hi, key) : BinSearch(a, lo, mid - 1, key);
    }

    static int Main()
    {
        for (int i = 0; i <= 25; i += 5) { Console.Write(Fib(i)); Console.Write(" "); }
        Console.WriteLine();
        Console.WriteLine(Fact(20));
        Console.WriteLine(Fact(21));
        Console.WriteLine(Ack(2, 3));
        Console.WriteLine(Ack(3, 3));
        Console.WriteLine(IsEven(1000));
        Console.WriteLine(IsOdd(777));
        Console.WriteLine(SumTo(10000, 0));
        Console.WriteLine(Power(3, 39));
        Console.WriteLine(Power(-2, 63));
        Hanoi(6, 1, 3, 2);
        Console.WriteLine();
        Console.WriteLine(s_moves);
        Console.WriteLine(Gcd(832040, 514229));
        int[] sorted = new int[] { 1, 3, 5, 7, 9, 11, 13, 17, 19, 23, 29, 31 };
        for (int k = 0; k < 33; k += 4)
        {
            Console.Write(BinSearch(sorted, 0, sorted.Length - 1, k + 1));
            Console.Write(" ");
        }
        Console.WriteLine();
        return Fib(12) % 256;
    }
}
