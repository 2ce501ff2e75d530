using System;
using System.Runtime;
using Testbed.LibOS.Threading;
using Testbed.LibOS.Time;

// The Linux event loop: threads blocked on a pipe with Scheduler.WaitForFile. With nothing runnable
// the scheduler blocks in ppoll; while a thread keeps yielding it polls now and then.
static unsafe class Program
{
    const long SysRead = 0, SysWrite = 1, SysPipe2 = 293;
    const long NonBlocking = 0x800;

    static int s_read, s_write;
    static bool s_ready;
    static byte s_received;

    static int Main()
    {
        int* fds = stackalloc int[2];
        if (Cpu.Syscall(SysPipe2, (long)fds, NonBlocking, 0, 0, 0, 0) != 0)
            return 3;
        s_read = fds[0];
        s_write = fds[1];

        // 1. Nothing runnable: the reader waits in ppoll until Main, back from its sleep, writes.
        GreenThread reader = Scheduler.Spawn(() =>
        {
            s_ready = Scheduler.WaitForFile(s_read, Scheduler.PollIn, Clock.DeadlineIn(10_000_000_000UL));
            s_received = ReadByte();
        });
        Scheduler.Sleep(20_000_000UL);
        WriteByte(42);
        Scheduler.Join(reader);
        Console.WriteLine("live " + Scheduler.LiveThreads);
        Console.WriteLine("read ready " + (s_ready && s_received == 42));

        // 2. A silent descriptor: the wait ends at its deadline.
        ulong before = Clock.Nanoseconds;
        bool ready = Scheduler.WaitForFile(s_read, Scheduler.PollIn, Clock.DeadlineIn(30_000_000UL));
        ulong waited = (Clock.Nanoseconds - before) / 1_000_000UL;
        Console.WriteLine("timed out " + (!ready && waited >= 30) + " after " + waited + " ms");

        // 3. A thread that never blocks: the waiter must still see its descriptor become ready.
        s_ready = false;
        GreenThread waiter = Scheduler.Spawn(() => s_ready = Scheduler.WaitForFile(s_read, Scheduler.PollIn, ulong.MaxValue));
        GreenThread busy = Scheduler.Spawn(() =>
        {
            for (int spins = 0; !s_ready && spins < 10_000_000; spins++)
                Scheduler.Yield();
        });
        Scheduler.Yield();
        WriteByte(7);
        Scheduler.Join(busy);
        Scheduler.Join(waiter);
        Console.WriteLine("ready while busy " + s_ready);
        return 0;
    }

    static void WriteByte(byte value)
    {
        byte b = value;
        Cpu.Syscall(SysWrite, s_write, (long)&b, 1, 0, 0, 0);
    }

    static byte ReadByte()
    {
        byte b = 0;
        Cpu.Syscall(SysRead, s_read, (long)&b, 1, 0, 0, 0);
        return b;
    }
}
