using System;

// A failed downcast is an InvalidCastException naming both types; nothing catches it.
class Base { }
class Left : Base { }
class Right : Base { }

static class Program
{
    static int Main()
    {
        Base[] items = { new Left(), new Left(), new Right() };
        int lefts = 0;
        foreach (var item in items)
        {
            var left = (Left)item;
            lefts++;
            Console.WriteLine(lefts);
        }
        return lefts;
    }
}
