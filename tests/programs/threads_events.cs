using System;
using System.Threading;

// ManualResetEvent as a gate, AutoResetEvent ping-pong, ManualResetEventSlim, SemaphoreSlim limiting
// how many threads are inside at once, and the timeouts of each.
static class Program
{
    static int Main()
    {
        // A gate: every worker waits until Main opens it.
        var gate = new ManualResetEvent(false);
        var done = new int[4];
        var workers = new Thread[4];
        for (int i = 0; i < workers.Length; i++)
        {
            int index = i;
            workers[i] = new Thread(() =>
            {
                gate.WaitOne();
                done[index] = index + 1;
            });
            workers[i].Start();
        }
        Thread.Sleep(20);
        int before = 0;
        foreach (int d in done)
            before += d;
        gate.Set();
        foreach (Thread w in workers)
            w.Join();
        int after = 0;
        foreach (int d in done)
            after += d;
        Console.WriteLine("before the gate " + before + ", after " + after);
        Console.WriteLine("open gate waits " + gate.WaitOne(0));
        gate.Reset();
        Console.WriteLine("closed gate, 10 ms " + gate.WaitOne(10));

        // Ping-pong: each side lets the other go once per round.
        var ping = new AutoResetEvent(false);
        var pong = new AutoResetEvent(false);
        int rounds = 0;
        var partner = new Thread(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                ping.WaitOne();
                rounds++;
                pong.Set();
            }
        });
        partner.Start();
        for (int i = 0; i < 100; i++)
        {
            ping.Set();
            pong.WaitOne();
        }
        partner.Join();
        Console.WriteLine("rounds " + rounds);
        Console.WriteLine("auto reset after use, 10 ms " + pong.WaitOne(10));
        var initiallySet = new AutoResetEvent(true);
        Console.WriteLine("auto reset set " + initiallySet.WaitOne(0) + " then " + initiallySet.WaitOne(0));

        var slim = new ManualResetEventSlim();
        Console.WriteLine("slim set " + slim.IsSet + ", 10 ms " + slim.Wait(10));
        var setter = new Thread(() =>
        {
            Thread.Sleep(10);
            slim.Set();
        });
        setter.Start();
        Console.WriteLine("slim set by a thread " + slim.Wait(10000) + " " + slim.IsSet);
        setter.Join();

        // At most two threads inside at once.
        var semaphore = new SemaphoreSlim(2);
        object counterLock = new object();
        int inside = 0, maxInside = 0, entries = 0;
        var users = new Thread[6];
        for (int i = 0; i < users.Length; i++)
        {
            users[i] = new Thread(() =>
            {
                for (int round = 0; round < 3; round++)
                {
                    semaphore.Wait();
                    lock (counterLock)
                    {
                        inside++;
                        entries++;
                        if (inside > maxInside)
                            maxInside = inside;
                    }
                    Thread.Sleep(1);
                    lock (counterLock)
                        inside--;
                    semaphore.Release();
                }
            });
            users[i].Start();
        }
        foreach (Thread u in users)
            u.Join();
        Console.WriteLine("entries " + entries + ", never more than two inside " + (maxInside <= 2) + ", count " + semaphore.CurrentCount);

        var limited = new SemaphoreSlim(0, 2);
        Console.WriteLine("empty semaphore, 10 ms " + limited.Wait(10));
        Console.WriteLine("release returns " + limited.Release() + " then " + limited.Release());
        try
        {
            limited.Release();
        }
        catch (SemaphoreFullException e)
        {
            Console.WriteLine("full: " + e.Message);
        }
        Console.WriteLine("waits " + limited.Wait(0) + " " + limited.Wait(0) + " " + limited.Wait(0));
        Console.WriteLine("timeout constant " + Timeout.Infinite);
        return after;
    }
}
