// Static and instance members together: instance counters in static fields, a static factory with a
// private constructor, static methods taking instances, instance methods calling static helpers,
// `this` passed along, and object identity with a registry array.
using System;

class Account
{
    static int nextId = 1000;
    static Account[] registry = new Account[16];
    public static int Count { get; private set; }
    public readonly int Id; public string Owner; long balance;
    Account(string owner) { Id = nextId++; Owner = owner; registry[Count++] = this; }
    public static Account Open(string owner, long initial) { var a = new Account(owner); a.Deposit(initial); return a; }
    public static Account Find(int id) { for (int i = 0; i < Count; i++) if (registry[i].Id == id) return registry[i]; return null; }
    public static long Total() { long t = 0; for (int i = 0; i < Count; i++) t += registry[i].balance; return t; }
    public void Deposit(long v) => balance += Fee(v);
    public bool TransferTo(Account other, long v) { if (v > balance || other == this) return false; balance -= v; other.balance += v; return true; }
    static long Fee(long v) => v > 1000 ? v - 1 : v;
    public long Balance => balance;
}

static class Program
{
    static int Main()
    {
        var a = Account.Open("ann", 500); var b = Account.Open("ben", 2000); var c = Account.Open("cy", 0);
        Console.WriteLine(a.Id + " " + b.Id + " " + c.Id + " count " + Account.Count);
        Console.WriteLine(a.TransferTo(c, 200) + " " + b.TransferTo(a, 5000) + " " + c.TransferTo(c, 1) + " " + b.TransferTo(c, 999));
        Console.WriteLine(a.Balance + " " + b.Balance + " " + c.Balance + " total " + Account.Total());
        var found = Account.Find(1001);
        Console.WriteLine(found.Owner + " same " + ReferenceEquals(found, b) + " missing " + (Account.Find(7) == null));
        return (int)(Account.Total() % 256);
    }
}
