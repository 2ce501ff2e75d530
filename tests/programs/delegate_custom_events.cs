// Events: field-like events with += / -=, raising through ?.Invoke, an event with explicit add/remove
// accessors counting subscribers, static events, an EventArgs-style payload class, and a handler
// that unsubscribes itself while the event is being raised.
using System;

class PriceArgs { public string Symbol; public double Old, New; }

class Ticker
{
    public event Action<Ticker, PriceArgs> Changed;
    Action<string> alerts; public int AlertSubscribers;
    public event Action<string> Alert { add { alerts += value; AlertSubscribers++; } remove { alerts -= value; AlertSubscribers--; } }
    public static event Action<string> Global;
    double price; public string Symbol;
    public Ticker(string s, double p) { Symbol = s; price = p; }
    public void Set(double p)
    {
        var args = new PriceArgs { Symbol = Symbol, Old = price, New = p };
        price = p;
        Changed?.Invoke(this, args);
        if (p > args.Old * 1.1) alerts?.Invoke(Symbol + " jumped to " + p);
        Global?.Invoke(Symbol + "=" + p);
    }
}

static class Program
{
    static int globalCount;
    static int Main()
    {
        var t = new Ticker("ACME", 100);
        double moved = 0;
        Action<Ticker, PriceArgs> track = (s, e) => moved += Math.Abs(e.New - e.Old);
        Action<Ticker, PriceArgs> log = (s, e) => Console.WriteLine(e.Symbol + ": " + e.Old + " -> " + e.New);
        Action<Ticker, PriceArgs> once = null;
        once = (s, e) => { Console.WriteLine("once handler, unsubscribing"); s.Changed -= once; };
        t.Changed += track; t.Changed += log; t.Changed += once;
        Action<string> shout = m => Console.WriteLine("ALERT " + m);
        t.Alert += shout; t.Alert += m => Console.WriteLine("second alert handler");
        Ticker.Global += m => globalCount++;
        t.Set(105); t.Set(120); t.Set(90);
        t.Changed -= log; t.Alert -= shout;
        t.Set(200);
        Console.WriteLine("moved " + moved + " alert subscribers " + t.AlertSubscribers + " global " + globalCount);
        return (int)moved & 0xFF;
    }
}
