// Generic virtual methods overridden at several levels, called with value and reference type
// arguments, through base references, with constraints, from a generic method, and sealed overrides.
using System;

abstract class Store
{
    protected string log = "";
    public abstract T Put<T>(T item);
    public virtual string Describe<T>(T item) => "store(" + item + ")";
    public virtual int Weigh<T>(T[] items) where T : class => items.Length;
    public string Log => log;
}
class MemoryStore : Store
{
    public override T Put<T>(T item) { log += "mem:" + item + " "; return item; }
    public override string Describe<T>(T item) => "memory " + base.Describe(item);
}
class CountingStore : MemoryStore
{
    public int Count;
    public override T Put<T>(T item) { Count++; return base.Put(item); }
    public sealed override int Weigh<T>(T[] items) { int w = 0; foreach (var i in items) if (i != null) w += 10; return w; }
}
class AuditStore : CountingStore { public override string Describe<T>(T item) => "audited " + base.Describe(item); }

static class Program
{
    static int PutAll<T>(Store s, T[] items) { int n = 0; foreach (var i in items) { s.Put(i); n++; } return n; }

    static int Main()
    {
        Store[] stores = { new MemoryStore(), new CountingStore(), new AuditStore() };
        foreach (var s in stores)
        {
            s.Put(1); s.Put("two"); s.Put(3.5); s.Put('c');
            PutAll(s, new long[] { 7, 8 });
            Console.WriteLine(s.Log);
            Console.WriteLine(s.Describe(42) + " | " + s.Describe("x") + " | " + s.Weigh(new string[] { "a", null, "c" }));
        }
        var audit = (AuditStore)stores[2];
        return audit.Count * 10 + stores[1].Weigh(new object[] { 1, 2 });
    }
}
