using System;
using System.Threading;

// Threads started, slept and joined; results gathered in arrays and printed by Main after the joins,
// so the output is the same whatever order the threads ran in (CoreCLR runs them in parallel).
static class Program
{
    static readonly int[] s_results = new int[5];
    static readonly bool[] s_sawOwnThread = new bool[5];
    static string s_parameter;

    static int Work(int n)
    {
        int sum = 0;
        for (int i = 1; i <= 1000 * (n + 1); i++)
            sum = unchecked(sum * 31 + i);
        return sum;
    }

    static int Main()
    {
        Thread main = Thread.CurrentThread;
        Console.WriteLine("main id " + main.ManagedThreadId);
        Console.WriteLine("main alive " + main.IsAlive + ", background " + main.IsBackground + ", same object " + (main == Thread.CurrentThread));

        var threads = new Thread[5];
        for (int i = 0; i < threads.Length; i++)
        {
            int index = i;
            threads[i] = new Thread(() =>
            {
                // The later threads sleep less: they finish first.
                Thread.Sleep(5 * (threads.Length - index));
                s_sawOwnThread[index] = Thread.CurrentThread == threads[index] && Thread.CurrentThread.Name == "worker" + index;
                s_results[index] = Work(index);
            });
            threads[i].Name = "worker" + i;
        }
        bool increasing = true;
        for (int i = 1; i < threads.Length; i++)
            increasing &= threads[i].ManagedThreadId == threads[i - 1].ManagedThreadId + 1;
        Console.WriteLine("ids above main " + (threads[0].ManagedThreadId > 1) + ", consecutive " + increasing);
        Console.WriteLine("alive before start " + threads[0].IsAlive);
        foreach (Thread t in threads)
            t.Start();
        foreach (Thread t in threads)
            t.Join();
        for (int i = 0; i < threads.Length; i++)
            Console.WriteLine(threads[i].Name + " " + s_results[i] + " saw itself " + s_sawOwnThread[i] + " alive " + threads[i].IsAlive);

        var parameterized = new Thread(o => s_parameter = (string)o + " from a thread");
        parameterized.Start("hello");
        parameterized.Join();
        Console.WriteLine(s_parameter);

        // A join that times out, then one that waits.
        var slow = new Thread(() => Thread.Sleep(300));
        slow.Start();
        Console.WriteLine("joined within 20 ms " + slow.Join(20));
        Console.WriteLine("joined within 10 s " + slow.Join(10000));
        Console.WriteLine("joined at once " + slow.Join(0));

        try
        {
            slow.Start();
        }
        catch (ThreadStateException e)
        {
            Console.WriteLine("restart: " + e.Message);
        }
        try
        {
            new Thread(() => { }).Join();
        }
        catch (ThreadStateException e)
        {
            Console.WriteLine("join unstarted: " + e.Message);
        }
        try
        {
            new Thread(() => { }).Start("x");
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("parameter: " + e.Message);
        }

        Thread.Sleep(0);
        Thread.Yield();

        // A background thread does not keep the process alive; a foreground one does, after Main returns.
        var background = new Thread(() =>
        {
            Thread.Sleep(20000);
            Console.WriteLine("background thread finished (must not print)");
        });
        background.IsBackground = true;
        background.Start();
        var foreground = new Thread(() =>
        {
            Thread.Sleep(50);
            Console.WriteLine("foreground thread finished after Main returned");
        });
        foreground.Start();
        Console.WriteLine("Main returns");
        return 42;
    }
}
