// A generic helper casting through object to T: works for matching elements, then an element of
// another type throws InvalidCastException naming both types.
using System;
class Animal { public string Name; public override string ToString() => Name; }
class Dog : Animal { }
class Cat : Animal { }
static class Program
{
    static T As<T>(object o) => (T)o;
    static int Main()
    {
        object[] pets = { new Dog { Name = "rex" }, new Dog { Name = "fido" }, new Cat { Name = "tom" } };
        int n = 0;
        foreach (var p in pets) { Dog d = As<Dog>(p); n++; Console.WriteLine("dog " + d + " #" + n); }
        return n;
    }
}
