// A process scheduler simulation: tasks as a class hierarchy (CPU-bound, IO-bound, periodic) with
// virtual Run methods, an interface-based policy (round robin vs. shortest remaining), a ready queue
// as an own circular deque, events for completion, and a task that faults with an exception.
using System;

abstract class Task
{
    public readonly int Id; public readonly string Name; public int Remaining, Waited, Finished = -1, Slices;
    protected Task(int id, string name, int work) { Id = id; Name = name; Remaining = work; }
    // runs for up to `quantum` ticks, returns ticks used
    public abstract int Run(int quantum, int now);
    public virtual bool Blocked(int now) => false;
    public override string ToString() => Name + "#" + Id;
}
class CpuTask : Task { public CpuTask(int id, int work) : base(id, "cpu", work) { } public override int Run(int q, int now) { int used = Math.Min(q, Remaining); Remaining -= used; return used; } }
class IoTask : Task
{
    int blockedUntil;
    public IoTask(int id, int work) : base(id, "io", work) { }
    public override int Run(int q, int now) { int used = Math.Min(1, Remaining); Remaining -= used; blockedUntil = now + 3; return used; }
    public override bool Blocked(int now) => now < blockedUntil;
}
class FaultyTask : CpuTask
{
    int failAt;
    public FaultyTask(int id, int work, int failAt) : base(id, work) { this.failAt = failAt; }
    public override int Run(int q, int now) { int used = base.Run(q, now); if (Remaining <= failAt) throw new InvalidOperationException(this + " crashed with " + Remaining + " left"); return used; }
}

interface IPolicy { string Name { get; } int Pick(Deque q, int now); int Quantum { get; } }
class RoundRobin : IPolicy { public string Name => "round-robin"; public int Quantum => 3; public int Pick(Deque q, int now) { for (int i = 0; i < q.Count; i++) if (!q[i].Blocked(now)) return i; return -1; } }
class ShortestFirst : IPolicy
{
    public string Name => "shortest-first"; public int Quantum => 2;
    public int Pick(Deque q, int now) { int best = -1; for (int i = 0; i < q.Count; i++) if (!q[i].Blocked(now) && (best < 0 || q[i].Remaining < q[best].Remaining)) best = i; return best; }
}

class Deque
{
    Task[] a = new Task[4]; int head, n;
    public int Count => n;
    public Task this[int i] => a[(head + i) % a.Length];
    public void PushBack(Task t) { if (n == a.Length) { var b = new Task[n * 2]; for (int i = 0; i < n; i++) b[i] = this[i]; a = b; head = 0; } a[(head + n) % a.Length] = t; n++; }
    public Task RemoveAt(int i) { var t = this[i]; for (int k = i; k + 1 < n; k++) a[(head + k) % a.Length] = a[(head + k + 1) % a.Length]; n--; return t; }
}

class Scheduler
{
    public event Action<Task, int> Completed;
    public event Action<Task, Exception> Faulted;
    public int Idle, Switches;
    public int RunAll(Task[] tasks, IPolicy policy)
    {
        var q = new Deque(); foreach (var t in tasks) q.PushBack(t);
        int now = 0; Task last = null;
        while (q.Count > 0 && now < 1000)
        {
            int i = policy.Pick(q, now);
            if (i < 0) { Idle++; now++; continue; }
            var t = q.RemoveAt(i);
            if (t != last) Switches++; last = t;
            for (int k = 0; k < q.Count; k++) q[k].Waited++;
            try
            {
                now += t.Run(policy.Quantum, now); t.Slices++;
                if (t.Remaining == 0) { t.Finished = now; Completed?.Invoke(t, now); } else q.PushBack(t);
            }
            catch (InvalidOperationException e) { now++; Faulted?.Invoke(t, e); }
        }
        return now;
    }
}

static class Program
{
    static Task[] Make() => new Task[] { new CpuTask(1, 10), new IoTask(2, 4), new CpuTask(3, 2), new FaultyTask(4, 9, 3), new IoTask(5, 2), new CpuTask(6, 7) };

    static double AverageTurnaround(Task[] tasks, out int done)
    {
        double sum = 0; done = 0;
        foreach (var t in tasks) if (t.Finished >= 0) { sum += t.Finished; done++; }
        return done == 0 ? 0 : sum / done;
    }

    static int Main()
    {
        int score = 0;
        foreach (IPolicy p in new IPolicy[] { new RoundRobin(), new ShortestFirst() })
        {
            var s = new Scheduler(); string order = ""; int faults = 0;
            s.Completed += (t, at) => order += t + "@" + at + " ";
            s.Faulted += (t, e) => { faults++; Console.WriteLine("  fault: " + e.Message); };
            var tasks = Make();
            int end = s.RunAll(tasks, p);
            Console.WriteLine(p.Name + ": end " + end + " idle " + s.Idle + " switches " + s.Switches + " faults " + faults);
            Console.WriteLine("  " + order);
            int waited = 0; foreach (var t in tasks) { waited += t.Waited; Console.Write(" " + t + ":w" + t.Waited + "/s" + t.Slices); }
            Console.WriteLine();
            score += end + waited;
        }
        var check = Make(); var rr = new Scheduler(); rr.RunAll(check, new RoundRobin());
        Console.WriteLine("round-robin average turnaround " + AverageTurnaround(check, out int finished) + " over " + finished + " finished tasks");
        return score & 0xFF;
    }
}
