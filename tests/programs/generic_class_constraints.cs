// Generic classes with constraints (class, struct, new(), base class, interface), default(T),
// static fields per instantiation, generic inheritance and a generic method with inference.
using System;

interface INamed { string Name { get; } }
class Item : INamed { public string Name { get; set; } = "item"; public override string ToString() => "Item(" + Name + ")"; }
class Special : Item { public Special() { Name = "special"; } }

class Registry<T> where T : class, INamed, new()
{
    public static int Created;
    T[] items = new T[8]; int n;
    public T Make() { var t = new T(); Created++; items[n++] = t; return t; }
    public T FindOrDefault(string name) { for (int i = 0; i < n; i++) if (items[i].Name == name) return items[i]; return default(T); }
}

class Box<T> where T : struct
{
    public T Value; public bool Has;
    public Box() { Value = default(T); }
    public void Set(T v) { Value = v; Has = true; }
    public T GetOr(T fallback) => Has ? Value : fallback;
}

class Pair<A, B> { public A First; public B Second; public Pair(A a, B b) { First = a; Second = b; } public virtual string Show() => "(" + First + ", " + Second + ")"; }
class Twin<T> : Pair<T, T> { public Twin(T a, T b) : base(a, b) { } public Twin<T> Swap() => new Twin<T>(Second, First); public override string Show() => "twin" + base.Show(); }

static class Program
{
    static T Longer<T>(T a, T b) where T : INamed => a.Name.Length >= b.Name.Length ? a : b;
    static Pair<B, A> Flip<A, B>(Pair<A, B> p) => new Pair<B, A>(p.Second, p.First);
    static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }

    static int Main()
    {
        var reg = new Registry<Item>();
        reg.Make().Name = "alpha"; reg.Make();
        var sreg = new Registry<Special>();
        sreg.Make();
        Console.WriteLine(Registry<Item>.Created + " " + Registry<Special>.Created);
        Console.WriteLine(reg.FindOrDefault("alpha") + " " + (reg.FindOrDefault("zzz") == null) + " " + sreg.FindOrDefault("special"));
        var bi = new Box<int>(); var bd = new Box<double>();
        Console.WriteLine(bi.GetOr(-1) + " " + bd.GetOr(2.5));
        bi.Set(0); bd.Set(1e10);
        Console.WriteLine(bi.GetOr(-1) + " " + bd.GetOr(2.5));
        var p = new Pair<string, int>("x", 3);
        Console.WriteLine(p.Show() + " " + Flip(p).Show());
        Pair<long, long> t = new Twin<long>(1, 2);
        Console.WriteLine(t.Show() + " " + ((Twin<long>)t).Swap().Show());
        string s1 = "left", s2 = "right"; Swap(ref s1, ref s2);
        int i1 = 1, i2 = 2; Swap(ref i1, ref i2);
        Console.WriteLine(s1 + " " + s2 + " " + i1 + " " + i2);
        Console.WriteLine(Longer(new Special(), new Item { Name = "a much longer name" }));
        return Registry<Item>.Created * 10 + i1;
    }
}
