// A bank simulation: an account class hierarchy (checking with overdraft, savings with interest
// and a withdrawal limit), a ledger of transfers, custom exceptions for invalid operations caught
// per transaction, a rollback on failure and an audit at the end.
using System;

class BankException : Exception { public BankException(string m) : base(m) { } }
class InsufficientFunds : BankException
{
    public readonly long Shortfall;
    public InsufficientFunds(string acct, long shortfall) : base("insufficient funds in " + acct + ", short by " + shortfall) { Shortfall = shortfall; }
}
class AccountFrozen : BankException { public AccountFrozen(string acct) : base("account " + acct + " is frozen") { } }
class LimitExceeded : BankException { public LimitExceeded(string acct, int limit) : base("withdrawal limit of " + limit + " reached for " + acct) { } }

abstract class Account
{
    public readonly string Id; protected long balance; public bool Frozen; public int Operations;
    protected Account(string id, long opening) { Id = id; balance = opening; }
    public long Balance => balance;
    public virtual void Deposit(long amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException("amount", "deposit must be positive");
        if (Frozen) throw new AccountFrozen(Id);
        balance += amount; Operations++;
    }
    public virtual void Withdraw(long amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException("amount", "withdrawal must be positive");
        if (Frozen) throw new AccountFrozen(Id);
        if (amount > Available()) throw new InsufficientFunds(Id, amount - Available());
        balance -= amount; Operations++;
    }
    protected virtual long Available() => balance;
    public abstract void MonthEnd();
    public override string ToString() => Kind + " " + Id + ": " + balance;
    public abstract string Kind { get; }
}

class Checking : Account
{
    long overdraft;
    public Checking(string id, long opening, long overdraft) : base(id, opening) { this.overdraft = overdraft; }
    protected override long Available() => balance + overdraft;
    public override void MonthEnd() { if (balance < 0) balance -= 25; }
    public override string Kind => "checking";
}

class Savings : Account
{
    int withdrawals; readonly int limit; readonly int rateBasisPoints;
    public Savings(string id, long opening, int rate, int limit) : base(id, opening) { rateBasisPoints = rate; this.limit = limit; }
    public override void Withdraw(long amount)
    {
        if (withdrawals >= limit) throw new LimitExceeded(Id, limit);
        base.Withdraw(amount); withdrawals++;
    }
    public override void MonthEnd() { balance += balance * rateBasisPoints / 10000; withdrawals = 0; }
    public override string Kind => "savings";
}

class Bank
{
    Account[] accounts = new Account[8]; int n;
    public int Failed, Succeeded;
    public void Open(Account a) { accounts[n++] = a; }
    public Account Find(string id)
    {
        for (int i = 0; i < n; i++) if (accounts[i].Id == id) return accounts[i];
        throw new BankException("no such account " + id);
    }
    public void Transfer(string from, string to, long amount)
    {
        Account a = null, b = null; bool withdrawn = false;
        try
        {
            a = Find(from); b = Find(to);
            a.Withdraw(amount); withdrawn = true;
            b.Deposit(amount);
            Succeeded++;
            Console.WriteLine("ok   " + from + " -> " + to + " " + amount);
        }
        catch (InsufficientFunds e) when (e.Shortfall < 100) { Failed++; Console.WriteLine("near " + e.Message); }
        catch (BankException e) { Failed++; Console.WriteLine("fail " + e.Message); if (withdrawn) { a.Deposit(amount); Console.WriteLine("     rolled back " + amount + " to " + a.Id); } }
        catch (ArgumentOutOfRangeException e) { Failed++; Console.WriteLine("bad  " + e.Message); }
    }
    public void MonthEnd() { for (int i = 0; i < n; i++) accounts[i].MonthEnd(); }
    public long Total() { long t = 0; for (int i = 0; i < n; i++) t += accounts[i].Balance; return t; }
    public void Report() { for (int i = 0; i < n; i++) Console.WriteLine("  " + accounts[i] + " ops " + accounts[i].Operations); }
}

static class Program
{
    static int Main()
    {
        var bank = new Bank();
        bank.Open(new Checking("alice", 1000, 500));
        bank.Open(new Savings("bob", 5000, 150, 2));
        bank.Open(new Checking("carol", 50, 0));
        bank.Open(new Savings("dave", 200, 300, 3));
        bank.Transfer("alice", "bob", 1200);
        bank.Transfer("alice", "carol", 400);
        bank.Transfer("carol", "dave", 470);
        bank.Transfer("carol", "dave", 1000);
        bank.Transfer("bob", "alice", 100);
        bank.Transfer("bob", "alice", 100);
        bank.Transfer("bob", "alice", 100);
        bank.Transfer("dave", "erin", 10);
        bank.Transfer("dave", "alice", -5);
        bank.Find("carol").Frozen = true;
        bank.Transfer("alice", "carol", 10);
        bank.Transfer("carol", "alice", 10);
        long before = bank.Total();
        bank.MonthEnd();
        Console.WriteLine("total before month end " + before + ", after " + bank.Total());
        bank.Report();
        Console.WriteLine("succeeded " + bank.Succeeded + " failed " + bank.Failed);
        return (int)(bank.Total() % 256);
    }
}
