// Classes overriding Equals(object) and GetHashCode, used as keys of an own chained hash map;
// equality versus identity (== on references without an operator), subclass instances compared with
// a type check, and a key mutated after insertion no longer found.
using System;

class Key
{
    public string Name; public int Version;
    public Key(string n, int v) { Name = n; Version = v; }
    public override bool Equals(object o) => o is Key k && !(o is TaggedKey) && k.Name == Name && k.Version == Version;
    public override int GetHashCode() { int h = Version; for (int i = 0; i < Name.Length; i++) h = h * 31 + Name[i]; return h; }
    public override string ToString() => Name + "@" + Version;
}
class TaggedKey : Key { public TaggedKey(string n, int v) : base(n, v) { } public override bool Equals(object o) => o is TaggedKey t && t.Name == Name && t.Version == Version; }

class Map
{
    class Entry { public Key K; public int V; public Entry Next; }
    Entry[] b = new Entry[7]; public int Count;
    public void Put(Key k, int v)
    {
        int i = (k.GetHashCode() & 0x7FFFFFFF) % b.Length;
        for (var e = b[i]; e != null; e = e.Next) if (e.K.Equals(k)) { e.V = v; return; }
        b[i] = new Entry { K = k, V = v, Next = b[i] }; Count++;
    }
    public bool TryGet(Key k, out int v)
    {
        for (var e = b[(k.GetHashCode() & 0x7FFFFFFF) % b.Length]; e != null; e = e.Next) if (e.K.Equals(k)) { v = e.V; return true; }
        v = -1; return false;
    }
}

static class Program
{
    static int Main()
    {
        var a = new Key("lib", 1); var a2 = new Key("lib", 1); var t = new TaggedKey("lib", 1);
        Console.WriteLine((a == a2) + " " + a.Equals(a2) + " " + a.Equals(t) + " " + t.Equals(a) + " " + t.Equals(new TaggedKey("lib", 1)) + " " + (a.GetHashCode() == t.GetHashCode()));
        var m = new Map();
        m.Put(a, 10); m.Put(a2, 11); m.Put(t, 20); m.Put(new Key("app", 2), 30);
        for (int i = 0; i < 20; i++) m.Put(new Key("k" + i % 10, i % 3), i);
        Console.WriteLine("count " + m.Count);
        m.TryGet(new Key("lib", 1), out int v1); m.TryGet(new TaggedKey("lib", 1), out int v2); m.TryGet(new Key("k7", 1), out int v3);
        Console.WriteLine(v1 + " " + v2 + " " + v3);
        var mutable = new Key("moving", 5); m.Put(mutable, 99);
        mutable.Version = 6;
        Console.WriteLine(m.TryGet(mutable, out int v4) + " " + v4 + " " + m.TryGet(new Key("moving", 5), out int v5) + " " + v5);
        return m.Count + v1 + v2;
    }
}
