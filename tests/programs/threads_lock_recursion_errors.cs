using System;
using System.Threading;

// Recursive locking, TryEnter against another thread's lock, and the errors .NET reports: Exit by a
// thread that does not own the lock, Wait and Pulse without it, null objects, a lockTaken already true.
static class Program
{
    static readonly object s_lock = new object();
    static int s_depth;

    static void Recurse(int n)
    {
        lock (s_lock)
        {
            s_depth = Math.Max(s_depth, n);
            if (n < 5)
                Recurse(n + 1);
        }
    }

    static string Try(Action action)
    {
        try
        {
            action();
            return "no exception";
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    static int Main()
    {
        Recurse(1);
        Console.WriteLine("depth " + s_depth + ", entered after " + Monitor.IsEntered(s_lock));

        Monitor.Enter(s_lock);
        Monitor.Enter(s_lock);
        Monitor.Exit(s_lock);
        Console.WriteLine("entered after one of two exits " + Monitor.IsEntered(s_lock));

        // Another thread: cannot exit our lock, cannot take it, with or without a timeout.
        string exitByOther = null;
        bool tookAtOnce = true, tookWithTimeout = true;
        var other = new Thread(() =>
        {
            exitByOther = Try(() => Monitor.Exit(s_lock));
            tookAtOnce = Monitor.TryEnter(s_lock);
            tookWithTimeout = Monitor.TryEnter(s_lock, 20);
        });
        other.Start();
        other.Join();
        Console.WriteLine("exit by another thread: " + exitByOther);
        Console.WriteLine("other took it at once " + tookAtOnce + ", within 20 ms " + tookWithTimeout);

        Monitor.Exit(s_lock);
        Console.WriteLine("entered after both exits " + Monitor.IsEntered(s_lock));

        // Now free: another thread takes it, holds it, and gives it back.
        bool tookFree = false;
        var taker = new Thread(() =>
        {
            bool taken = false;
            Monitor.TryEnter(s_lock, 1000, ref taken);
            tookFree = taken;
            if (taken)
                Monitor.Exit(s_lock);
        });
        taker.Start();
        taker.Join();
        Console.WriteLine("another thread took the free lock " + tookFree);

        Console.WriteLine("exit unheld: " + Try(() => Monitor.Exit(s_lock)));
        Console.WriteLine("exit never locked: " + Try(() => Monitor.Exit(new object())));
        Console.WriteLine("wait unheld: " + Try(() => Monitor.Wait(s_lock)));
        Console.WriteLine("wait with timeout unheld: " + Try(() => Monitor.Wait(s_lock, 10)));
        Console.WriteLine("pulse unheld: " + Try(() => Monitor.Pulse(s_lock)));
        Console.WriteLine("pulse all unheld: " + Try(() => Monitor.PulseAll(s_lock)));
        Console.WriteLine("enter null: " + Try(() => Monitor.Enter(null)));
        Console.WriteLine("exit null: " + Try(() => Monitor.Exit(null)));
        Console.WriteLine("lockTaken true: " + Try(() =>
        {
            bool taken = true;
            Monitor.Enter(s_lock, ref taken);
        }));
        Console.WriteLine("entered after the failed enter " + Monitor.IsEntered(s_lock));

        // An exception inside lock releases the lock on the way out.
        Console.WriteLine("throw inside lock: " + Try(() =>
        {
            lock (s_lock)
                throw new InvalidOperationException("inside");
        }));
        Console.WriteLine("entered after the throw " + Monitor.IsEntered(s_lock));

        // Many objects locked at once, released in another order.
        var objects = new object[100];
        for (int i = 0; i < objects.Length; i++)
        {
            objects[i] = new object();
            Monitor.Enter(objects[i]);
        }
        int held = 0;
        for (int i = objects.Length - 1; i >= 0; i -= 2)
            Monitor.Exit(objects[i]);
        for (int i = 0; i < objects.Length; i++)
            if (Monitor.IsEntered(objects[i]))
                held++;
        Console.WriteLine("held " + held);
        for (int i = 0; i < objects.Length; i += 2)
            Monitor.Exit(objects[i]);
        return s_depth;
    }
}
