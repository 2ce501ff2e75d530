// Generic structs: a generic Optional<T> over ints, strings and another struct, a generic Pair<A,B>
// struct with methods, a fixed-capacity generic stack struct passed by ref, and nested generic
// structs (Optional<Pair<int,string>>).
using System;

struct Optional<T>
{
    readonly T value; readonly bool has;
    public Optional(T v) { value = v; has = true; }
    public bool HasValue => has;
    public T ValueOr(T fallback) => has ? value : fallback;
    public Optional<R> Map<R>(Func<T, R> f) => has ? new Optional<R>(f(value)) : default(Optional<R>);
    public override string ToString() => has ? "Some(" + value + ")" : "None";
}

struct Pair<A, B> { public A First; public B Second; public Pair(A a, B b) { First = a; Second = b; } public Pair<B, A> Swap() => new Pair<B, A>(Second, First); public override string ToString() => "(" + First + "; " + Second + ")"; }

struct SmallStack<T>
{
    T[] items; int n;
    public static SmallStack<T> Create(int cap) => new SmallStack<T> { items = new T[cap] };
    public void Push(T x) { if (n == items.Length) throw new InvalidOperationException("stack full"); items[n++] = x; }
    public T Pop() { if (n == 0) throw new InvalidOperationException("stack empty"); return items[--n]; }
    public int Count => n;
}

static class Program
{
    static Optional<int> ParseDigit(char c) => c >= '0' && c <= '9' ? new Optional<int>(c - '0') : default;
    static void Fill(ref SmallStack<string> s, int k) { for (int i = 0; i < k; i++) s.Push("s" + i); }

    static int Main()
    {
        var a = ParseDigit('7'); var b = ParseDigit('x');
        Console.WriteLine(a + " " + b + " " + a.ValueOr(-1) + " " + b.ValueOr(-1));
        Console.WriteLine(a.Map(x => x * 1.5) + " " + b.Map(x => "n" + x) + " " + a.Map(x => "n" + x));
        var p = new Pair<int, string>(1, "one");
        Console.WriteLine(p + " " + p.Swap() + " " + new Pair<Pair<int, string>, double>(p, 2.5));
        var op = new Optional<Pair<int, string>>(p);
        Console.WriteLine(op + " " + op.Map(q => q.Swap()).ValueOr(default).First);
        var st = SmallStack<string>.Create(3);
        Fill(ref st, 3);
        Console.WriteLine("count " + st.Count);
        try { st.Push("overflow"); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        string popped = ""; while (st.Count > 0) popped = popped + st.Pop();
        Console.WriteLine(popped);
        try { st.Pop(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        var ints = SmallStack<long>.Create(10);
        for (long i = 1; i <= 10; i++) ints.Push(i * i);
        long s = 0; while (ints.Count > 0) s += ints.Pop();
        Console.WriteLine("sum " + s);
        return (int)(s % 256);
    }
}
