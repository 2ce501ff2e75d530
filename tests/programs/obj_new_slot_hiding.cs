// `new` hides a member without overriding: calls bind by static type for non-virtual and `new
// virtual` methods; `new` on fields and properties; an override of the new slot further down.
using System;

class A
{
    public string F = "A.F";
    public string Who() => "A.Who";
    public virtual string V() => "A.V";
    public virtual string P => "A.P";
}
class B : A
{
    public new string F = "B.F";
    public new string Who() => "B.Who";
    public new virtual string V() => "B.V";
    public override string P => "B.P";
}
class C : B
{
    public override string V() => "C.V";
    public new string P => "C.P";
}

static class Program
{
    static int Main()
    {
        var c = new C();
        A asA = c; B asB = c;
        Console.WriteLine(asA.F + " " + asB.F + " " + c.F);
        Console.WriteLine(asA.Who() + " " + asB.Who() + " " + c.Who());
        Console.WriteLine(asA.V() + " " + asB.V() + " " + c.V());
        Console.WriteLine(asA.P + " " + asB.P + " " + c.P);
        A b = new B();
        Console.WriteLine(b.V() + " " + ((B)b).V() + " " + b.P);
        int n = 0;
        foreach (A x in new A[] { new A(), new B(), new C() }) { n += x.V().Length + x.P[0]; Console.WriteLine(x.V() + " " + x.P + " " + x.Who()); }
        return n & 0xFF;
    }
}
