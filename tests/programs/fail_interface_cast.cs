// Casting to an interface the object does not implement: InvalidCastException naming both types,
// after the objects that do implement it were processed.
using System;
interface IPriced { int Price { get; } }
class Book : IPriced { public int Price => 12; }
class Pen : IPriced { public int Price => 3; }
class Gift { public int Value = 50; }
static class Program
{
    static int Main()
    {
        object[] cart = { new Book(), new Pen(), new Book(), new Gift(), new Pen() };
        int total = 0;
        foreach (var o in cart) { total += ((IPriced)o).Price; Console.WriteLine("total " + total); }
        return total;
    }
}
