using System;

// Delegate.GetInvocationList, Combine(params), RemoveAll and HasSingleTarget on multicast delegates and events.
class Program
{
    static int total;
    static event Func<int, int> Scaled;

    static int Double(int x) { total += 2 * x; return 2 * x; }
    static int Triple(int x) { total += 3 * x; return 3 * x; }
    static int Negate(int x) { total -= x; return -x; }

    static int Main()
    {
        Func<int, int> d = Double;
        Console.WriteLine("single: " + d.HasSingleTarget + " " + d.GetInvocationList().Length);
        var all = (Func<int, int>)Delegate.Combine(new Delegate[] { d, (Func<int, int>)Triple, null, (Func<int, int>)Negate, d });
        Console.WriteLine("combined: " + all.HasSingleTarget + " " + all.GetInvocationList().Length);
        Console.WriteLine("last result: " + all(5) + " total " + total);
        int sum = 0, index = 0;
        foreach (Func<int, int> one in all.GetInvocationList())
        {
            int r = one(1);
            sum = sum * 10 + (r + 5);
            Console.WriteLine("  " + index++ + " -> " + r + " single " + one.HasSingleTarget);
        }
        Console.WriteLine("sum " + sum);
        var copy = all.GetInvocationList();
        copy[0] = null;
        Console.WriteLine("copy is fresh: " + (all.GetInvocationList()[0] != null));
        var withoutDouble = (Func<int, int>)Delegate.RemoveAll(all, d);
        Console.WriteLine("after RemoveAll: " + withoutDouble.GetInvocationList().Length + " -> " + withoutDouble(2));
        var once = (Func<int, int>)Delegate.Remove(all, d);
        Console.WriteLine("after Remove: " + once.GetInvocationList().Length);
        Console.WriteLine("RemoveAll of absent: " + ReferenceEquals(Delegate.RemoveAll(withoutDouble, d), withoutDouble));
        Scaled += Double;
        Scaled += Triple;
        Scaled += Double;
        Console.WriteLine("event handlers: " + Scaled.GetInvocationList().Length + " -> " + Scaled(7));
        Scaled -= Double;
        Console.WriteLine("event after -=: " + Scaled.GetInvocationList().Length + " -> " + Scaled(1));
        Console.WriteLine("total " + total);
        return total % 200;
    }
}
