// Console.WriteLine(object) and Write(object): overridden ToString on classes and structs, inherited
// overrides, base.ToString() (the type name), null objects printing an empty line, and string
// concatenation calling ToString virtually.
using System;

class Animal { public string Name; public Animal(string n) { Name = n; } public override string ToString() => "Animal " + Name; }
class Cat : Animal { public Cat(string n) : base(n) { } public override string ToString() => "Cat " + Name + " / " + base.ToString(); }
class Kitten : Cat { public Kitten(string n) : base(n) { } }
class NoOverride { public int X = 3; }
class Wrapper { object inner; public Wrapper(object i) { inner = i; } public override string ToString() => "[" + inner + "]"; }
struct P { public int X, Y; public override string ToString() => "P(" + X + "," + Y + ")"; }
struct Q { public int Z; }
namespace Deep.Space { class Probe { } }

static class Program
{
    static int Main()
    {
        object[] things = { new Animal("rex"), new Cat("tom"), new Kitten("kit"), new NoOverride(), new P { X = 1, Y = 2 }, new Q(), new Deep.Space.Probe(), new Wrapper(new Wrapper(new P())), 12, "text", null };
        int len = 0;
        foreach (var t in things) { Console.WriteLine(t); Console.Write(t); Console.Write('|'); len += (t == null ? "" : t.ToString()).Length; }
        Console.WriteLine();
        Animal a = new Kitten("k2");
        Console.WriteLine("as string: " + a + " and " + new P { X = -1 });
        return len & 0xFF;
    }
}
