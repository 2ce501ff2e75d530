// Variance of generic interfaces: IEnumerable<Derived> used as IEnumerable<Base> (out T), an
// IComparer<Base> used as IComparer<Derived> (in T), own covariant/contravariant interfaces, and
// Func/Action variance.
using System;
using System.Collections.Generic;

class Fruit { public string Name; public virtual int Calories => 50; public override string ToString() => Name; }
class Apple : Fruit { public override int Calories => 95; }
class Banana : Fruit { public override int Calories => 105; }

interface ISource<out T> { T Next(); }
interface ISink<in T> { void Put(T x); }
class AppleTree : ISource<Apple> { int n; public Apple Next() => new Apple { Name = "apple" + (++n) }; }
class Basket : ISink<Fruit> { public int Total; public string Log = ""; public void Put(Fruit f) { Total += f.Calories; Log = Log + f.Name + " "; } }
class ByCalories : IComparer<Fruit> { public int Compare(Fruit a, Fruit b) => a.Calories - b.Calories; }

static class Program
{
    static IEnumerable<Apple> Apples() { yield return new Apple { Name = "red" }; yield return new Apple { Name = "green" }; }
    static int Sum(IEnumerable<Fruit> fs) { int s = 0; foreach (var f in fs) s += f.Calories; return s; }
    static Banana Smaller(Banana a, Banana b, IComparer<Banana> cmp) => cmp.Compare(a, b) <= 0 ? a : b;

    static int Main()
    {
        IEnumerable<Fruit> fruits = Apples();
        Console.WriteLine("sum " + Sum(fruits) + " " + Sum(Apples()));
        ISource<Fruit> src = new AppleTree();
        ISink<Apple> sink = new Basket();
        for (int i = 0; i < 3; i++) sink.Put((Apple)src.Next());
        var basket = (Basket)sink;
        Console.WriteLine(basket.Log + basket.Total);
        IComparer<Banana> cmp = new ByCalories();
        Console.WriteLine(Smaller(new Banana { Name = "b1" }, new Banana { Name = "b2" }, cmp));
        Func<Apple> makeApple = () => new Apple { Name = "fn" };
        Func<Fruit> makeFruit = makeApple;
        Action<Fruit> eat = f => Console.WriteLine("eating " + f + " " + f.Calories);
        Action<Banana> eatBanana = eat;
        eat(makeFruit()); eatBanana(new Banana { Name = "yellow" });
        Console.WriteLine((fruits is IEnumerable<Apple>) + " " + (src is ISource<Apple>) + " " + (sink is ISink<Fruit>));
        return basket.Total & 0xFF;
    }
}
