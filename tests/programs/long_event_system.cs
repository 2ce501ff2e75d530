// An event system: a typed event bus with subscriptions held in delegate arrays, C# events with
// custom add/remove, multicast delegates, closures capturing counters, unsubscription and
// handlers that throw (isolated by the bus).
using System;

class OrderEvent { public int Id; public string Item; public int Qty; public long Cents; }

class EventBus<T>
{
    Action<T>[] handlers = new Action<T>[4]; string[] names = new string[4]; int n;
    public int Errors;
    public void Subscribe(string name, Action<T> h)
    {
        if (n == handlers.Length) { var h2 = new Action<T>[n * 2]; var n2 = new string[n * 2]; for (int i = 0; i < n; i++) { h2[i] = handlers[i]; n2[i] = names[i]; } handlers = h2; names = n2; }
        handlers[n] = h; names[n++] = name;
    }
    public bool Unsubscribe(string name)
    {
        for (int i = 0; i < n; i++)
            if (names[i] == name) { for (int j = i; j + 1 < n; j++) { handlers[j] = handlers[j + 1]; names[j] = names[j + 1]; } n--; return true; }
        return false;
    }
    public int Publish(T e)
    {
        int delivered = 0;
        for (int i = 0; i < n; i++)
        {
            try { handlers[i](e); delivered++; }
            catch (Exception ex) { Errors++; Console.WriteLine("  handler " + names[i] + " failed: " + ex.Message); }
        }
        return delivered;
    }
}

class Inventory
{
    int[] stock = { 10, 5, 0, 20 };
    string[] items = { "apple", "pear", "plum", "fig" };
    private EventHandlerList lowStock;
    public event Action<string, int> LowStock { add { lowStock.Add(value); } remove { lowStock.Remove(value); } }
    public void Take(OrderEvent o)
    {
        for (int i = 0; i < items.Length; i++)
            if (items[i] == o.Item)
            {
                if (stock[i] < o.Qty) throw new InvalidOperationException("out of " + o.Item);
                stock[i] -= o.Qty;
                if (stock[i] < 3) lowStock.Raise(o.Item, stock[i]);
                return;
            }
        throw new ArgumentException("unknown item " + o.Item);
    }
    public int Total() { int t = 0; foreach (var s in stock) t += s; return t; }
}

struct EventHandlerList
{
    Action<string, int> combined;
    public void Add(Action<string, int> h) => combined += h;
    public void Remove(Action<string, int> h) => combined -= h;
    public void Raise(string a, int b) => combined?.Invoke(a, b);
}

static class Program
{
    static long revenue;
    static void Bill(OrderEvent o) { revenue += o.Cents * o.Qty; }

    static int Main()
    {
        var bus = new EventBus<OrderEvent>();
        var inv = new Inventory();
        int orders = 0, big = 0;
        string log = "";
        bus.Subscribe("count", o => orders++);
        bus.Subscribe("stock", inv.Take);
        bus.Subscribe("bill", Bill);
        bus.Subscribe("big", o => { if (o.Qty >= 5) big++; });
        Action<string, int> warn = (item, left) => Console.WriteLine("  low stock: " + item + " (" + left + " left)");
        Action<string, int> record = (item, left) => log = log + item[0];
        inv.LowStock += warn;
        inv.LowStock += record;
        var orderList = new[] {
            new OrderEvent { Id = 1, Item = "apple", Qty = 3, Cents = 50 },
            new OrderEvent { Id = 2, Item = "pear", Qty = 4, Cents = 80 },
            new OrderEvent { Id = 3, Item = "plum", Qty = 1, Cents = 120 },
            new OrderEvent { Id = 4, Item = "kiwi", Qty = 1, Cents = 99 },
            new OrderEvent { Id = 5, Item = "apple", Qty = 6, Cents = 50 },
            new OrderEvent { Id = 6, Item = "fig", Qty = 19, Cents = 30 },
        };
        foreach (var o in orderList)
        {
            Console.WriteLine("order " + o.Id + ": " + o.Qty + " x " + o.Item);
            int d = bus.Publish(o);
            Console.WriteLine("  delivered to " + d);
            if (o.Id == 4) { inv.LowStock -= warn; Console.WriteLine("  unsubscribed warn: " + bus.Unsubscribe("big") + " " + bus.Unsubscribe("nope")); }
        }
        Func<int, Func<int, int>> adder = x => y => x + y;
        Func<int, int> add10 = adder(10);
        Func<int, int> twice = v => add10(add10(v));
        Console.WriteLine("curried " + twice(orders));
        Console.WriteLine("orders " + orders + " big " + big + " errors " + bus.Errors + " revenue " + revenue + " stock " + inv.Total() + " log " + log);
        return (int)((revenue + orders * 7 + bus.Errors) % 256);
    }
}
