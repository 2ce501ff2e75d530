using System;
using System.Threading;

// A bounded buffer guarded by lock + Monitor.Wait/Pulse: producers wait while it is full, consumers
// while it is empty. Only totals are printed, so the output does not depend on the interleaving.
static class Program
{
    const int Capacity = 3;
    const int Producers = 3;
    const int Consumers = 2;
    const int ItemsPerProducer = 200;

    static readonly object s_gate = new object();
    static readonly int[] s_buffer = new int[Capacity];
    static int s_head;
    static int s_count;
    static int s_producersLeft = Producers;
    static bool s_overflow;
    static readonly long[] s_sums = new long[Consumers];
    static readonly int[] s_taken = new int[Consumers];

    static void Produce(int producer)
    {
        for (int i = 0; i < ItemsPerProducer; i++)
        {
            lock (s_gate)
            {
                while (s_count == Capacity)
                    Monitor.Wait(s_gate);
                s_buffer[(s_head + s_count) % Capacity] = producer * 1000 + i;
                s_count++;
                if (s_count > Capacity)
                    s_overflow = true;
                Monitor.PulseAll(s_gate);
            }
        }
        lock (s_gate)
        {
            s_producersLeft--;
            Monitor.PulseAll(s_gate);
        }
    }

    static void Consume(int consumer)
    {
        while (true)
        {
            int item;
            lock (s_gate)
            {
                while (s_count == 0)
                {
                    if (s_producersLeft == 0)
                        return;
                    Monitor.Wait(s_gate);
                }
                item = s_buffer[s_head];
                s_head = (s_head + 1) % Capacity;
                s_count--;
                Monitor.PulseAll(s_gate);
            }
            s_sums[consumer] += item;
            s_taken[consumer]++;
        }
    }

    static int Main()
    {
        var threads = new Thread[Producers + Consumers];
        for (int p = 0; p < Producers; p++)
        {
            int id = p;
            threads[p] = new Thread(() => Produce(id));
        }
        for (int c = 0; c < Consumers; c++)
        {
            int id = c;
            threads[Producers + c] = new Thread(() => Consume(id));
        }
        foreach (Thread t in threads)
            t.Start();
        foreach (Thread t in threads)
            t.Join();

        long sum = 0;
        int taken = 0;
        for (int c = 0; c < Consumers; c++)
        {
            sum += s_sums[c];
            taken += s_taken[c];
        }
        long expected = 0;
        for (int p = 0; p < Producers; p++)
            for (int i = 0; i < ItemsPerProducer; i++)
                expected += p * 1000 + i;
        Console.WriteLine("taken " + taken + " of " + Producers * ItemsPerProducer);
        Console.WriteLine("sum " + sum + " expected " + expected);
        Console.WriteLine("left in buffer " + s_count + ", overflow " + s_overflow);

        // Wait with a timeout and no pulse: false, and the lock is held again afterwards.
        lock (s_gate)
        {
            bool pulsed = Monitor.Wait(s_gate, 30);
            Console.WriteLine("pulsed " + pulsed + ", still entered " + Monitor.IsEntered(s_gate));
        }
        Console.WriteLine("entered after the lock " + Monitor.IsEntered(s_gate));

        // A pulse that comes before the timeout: true.
        object signal = new object();
        bool ready = false;
        var pulser = new Thread(() =>
        {
            lock (signal)
            {
                ready = true;
                Monitor.Pulse(signal);
            }
        });
        bool wasPulsed;
        lock (signal)
        {
            pulser.Start();
            wasPulsed = Monitor.Wait(signal, 10000);
        }
        pulser.Join();
        Console.WriteLine("pulsed in time " + (wasPulsed && ready));
        return taken == Producers * ItemsPerProducer && sum == expected ? 0 : 1;
    }
}
