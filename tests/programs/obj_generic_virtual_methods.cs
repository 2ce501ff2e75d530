// Generic virtual methods on classes (abstract and virtual, overridden or inherited) and on interfaces,
// instantiated with value and reference types: dispatched by the receiver class, monomorphised.
using System;
abstract class Visitor { public abstract T Visit<T>(T x); public virtual string Name<T>() => "base"; }
class Echo : Visitor { public override T Visit<T>(T x) => x; public override string Name<T>() => "echo"; }
class Twice : Visitor { public override T Visit<T>(T x) { Console.WriteLine("visiting"); return x; } }
interface IMapper { U Map<U>(U x); }
class IdMapper : IMapper { public U Map<U>(U x) => x; }
static class Program {
  static int Main() {
    Visitor[] vs = { new Echo(), new Twice() };
    int t = 0;
    foreach (var v in vs) { t += v.Visit(20); Console.WriteLine(v.Visit("s")); Console.WriteLine(v.Name<int>()); }
    IMapper m = new IdMapper(); Console.WriteLine(m.Map(5) + m.Map(6L));
    return t;
  }
}
