using System;
using Testbed.LibOS.Threading;

// 1,000 green threads in a ring, each blocked on its own semaphore: a token goes round the ring
// Rounds times, every hand-over a block and a wake-up through the scheduler.
static class Program
{
    const int Threads = 1000;
    const int Rounds = 10;

    static Semaphore[] s_turn;
    static int s_passes;
    static int s_lastSeen = -1;
    static bool s_outOfOrder;

    static int Main()
    {
        s_turn = new Semaphore[Threads];
        for (int i = 0; i < Threads; i++)
            s_turn[i] = new Semaphore(0);
        GreenThread[] threads = new GreenThread[Threads];
        for (int i = 0; i < Threads; i++)
        {
            int index = i;
            threads[i] = Scheduler.Spawn(() => Run(index));
            if (threads[i] == null)
            {
                Console.WriteLine("out of stack pages");
                return 1;
            }
        }
        Console.Write("live ");
        Console.WriteLine(Scheduler.LiveThreads);
        s_turn[0].Release();
        for (int i = 0; i < Threads; i++)
            Scheduler.Join(threads[i]);
        Console.Write("passes ");
        Console.WriteLine(s_passes);
        Console.Write("in order ");
        Console.WriteLine(!s_outOfOrder);
        Console.Write("live ");
        Console.WriteLine(Scheduler.LiveThreads);
        return s_passes == Threads * Rounds && !s_outOfOrder ? 0 : 2;
    }

    static void Run(int index)
    {
        for (int round = 0; round < Rounds; round++)
        {
            s_turn[index].Wait();
            // The token must come from the previous thread of the ring.
            if (s_lastSeen != (index + Threads - 1) % Threads && !(index == 0 && round == 0))
                s_outOfOrder = true;
            s_lastSeen = index;
            s_passes++;
            s_turn[(index + 1) % Threads].Release();
        }
    }
}
