// typeof and GetType(): names (Name, FullName, Namespace, ToString) of classes, structs, enums,
// nested and generic types and arrays; identity (one Type per type, == and Equals, as dictionary
// keys); BaseType, IsValueType/IsInterface/IsArray/IsEnum/IsClass, IsAssignableFrom,
// IsInstanceOfType; typeof(T) in generic code.
using System;
using System.Collections.Generic;

namespace Shapes
{
    interface IShape { double Area(); }
    abstract class Shape : IShape { public abstract double Area(); }
    sealed class Circle : Shape { public double R = 1; public override double Area() => 3 * R * R; }
    sealed class Square : Shape { public double S = 2; public override double Area() => S * S; }
    enum Color { Red, Green }
    struct Point { public int X, Y; }
    class Outer { public class Inner { } }
    class Box<T> { public T Value = default!; }
}

static class Program
{
    static string Describe(Type t) =>
        t.Name + " | " + t.Namespace + " | " + t + " | value " + t.IsValueType + " interface " + t.IsInterface
        + " array " + t.IsArray + " enum " + t.IsEnum + " class " + t.IsClass + " generic " + t.IsGenericType;

    static string KindOf<T>(T value) => typeof(T) == typeof(int) ? "int" : typeof(T) == typeof(string) ? "string" : typeof(T).Name;

    static int Main()
    {
        object[] things = { new Shapes.Circle(), new Shapes.Square(), Shapes.Color.Green, new Shapes.Point(), 42, "s", 1.5,
            new int[3], new string[1], new Shapes.Outer.Inner(), new Shapes.Box<int>(), new List<string>(), new Shapes.Box<string>[0], 'c', 7L };
        foreach (var o in things) Console.WriteLine(Describe(o.GetType()));
        Console.WriteLine(Describe(typeof(Shapes.IShape)));
        Console.WriteLine(Describe(typeof(Shapes.Shape)));
        Console.WriteLine(typeof(Shapes.Circle).FullName + " " + typeof(int).FullName + " " + typeof(Shapes.Outer.Inner).FullName);
        Console.WriteLine(typeof(Shapes.Circle).BaseType + " " + typeof(Shapes.Circle).BaseType.BaseType + " " + typeof(object).BaseType + " " + typeof(int).BaseType + " " + typeof(Shapes.Color).BaseType);
        Console.WriteLine(typeof(string[]).GetElementType() + " " + typeof(Shapes.Circle).IsSubclassOf(typeof(Shapes.Shape)));
        Console.WriteLine((things[0].GetType() == typeof(Shapes.Circle)) + " " + (things[1].GetType() == typeof(Shapes.Circle)) + " " + ReferenceEquals(typeof(int), 5.GetType()) + " " + typeof(int).Equals(typeof(long)));
        Console.WriteLine(typeof(Shapes.Shape).IsAssignableFrom(typeof(Shapes.Square)) + " " + typeof(Shapes.IShape).IsAssignableFrom(typeof(Shapes.Circle)) + " " + typeof(Shapes.Circle).IsAssignableFrom(typeof(Shapes.Shape)) + " " + typeof(object[]).IsAssignableFrom(typeof(string[])));
        Console.WriteLine(typeof(Shapes.IShape).IsInstanceOfType(things[1]) + " " + typeof(string).IsInstanceOfType(things[0]) + " " + typeof(object).IsInstanceOfType(null));
        Console.WriteLine(KindOf(1) + " " + KindOf("x") + " " + KindOf(2.0) + " " + KindOf(new Shapes.Point()));
        var counts = new Dictionary<Type, int>();
        foreach (var o in things) { var t = o.GetType(); counts[t] = counts.TryGetValue(t, out var n) ? n + 1 : 1; }
        foreach (var o in new object[] { 1, 2, "a", 3.0, "b", 4 }) { var t = o.GetType(); counts[t] = counts.TryGetValue(t, out var n) ? n + 1 : 1; }
        Console.WriteLine(counts[typeof(int)] + " " + counts[typeof(string)] + " " + counts.Count);
        return counts.Count;
    }
}
