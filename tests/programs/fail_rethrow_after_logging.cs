// A handler that logs and rethrows with `throw;`: the original exception (type and message)
// escapes Main after the log lines.
using System;
class TransferError : Exception { public TransferError(string m) : base(m) { } }
static class Program
{
    static int balance = 100;
    static void Withdraw(int amount) { if (amount > balance) throw new TransferError("cannot withdraw " + amount + " from " + balance); balance -= amount; }
    static void Process(int[] amounts)
    {
        foreach (var a in amounts)
        {
            try { Withdraw(a); Console.WriteLine("withdrew " + a + ", left " + balance); }
            catch (TransferError e) { Console.WriteLine("log: " + e.Message); throw; }
        }
    }
    static int Main() { Process(new[] { 30, 50, 40, 10 }); return balance; }
}
