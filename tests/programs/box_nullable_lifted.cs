// Nullable<T>: lifted arithmetic and comparisons (null propagates, comparisons with null are false),
// ?? and ??=, HasValue/Value/GetValueOrDefault, nullable structs and enums, boxing a null nullable
// to a null object and unboxing a boxed int to int?.
using System;

enum Level { Low, High }
struct Temp { public double C; public override string ToString() => C + "C"; }

static class Program
{
    static int? Parse(string s) { int v = 0; if (s.Length == 0) return null; foreach (var c in s.ToCharArrayOrEmpty()) { if (c < '0' || c > '9') return null; v = v * 10 + (c - '0'); } return v; }
    static char[] ToCharArrayOrEmpty(this string s) { var a = new char[s.Length]; for (int i = 0; i < s.Length; i++) a[i] = s[i]; return a; }
    static string Show(int? x) => x.HasValue ? x.Value.ToString() : "null";

    static int Main()
    {
        int? a = 5, b = null, c = Parse("12"), d = Parse("1x");
        Console.WriteLine(Show(a + c) + " " + Show(a + b) + " " + Show(a * c - 1) + " " + Show(-b) + " " + Show(d));
        Console.WriteLine((a < c) + " " + (a > b) + " " + (a <= b) + " " + (b == null) + " " + (a == 5) + " " + (b != a));
        Console.WriteLine((b ?? -1) + " " + (a ?? -1) + " " + b.GetValueOrDefault() + " " + b.GetValueOrDefault(7));
        int? e = null; e ??= 40; e ??= 50;
        Console.WriteLine(Show(e));
        Temp? t = new Temp { C = 21.5 }; Temp? none = null;
        Console.WriteLine(t.Value + " " + none.HasValue + " " + (none?.C ?? -273.15));
        Level? lv = Level.High; Level? nl = null;
        Console.WriteLine(lv + " [" + nl + "] " + (lv == Level.High));
        object boxedNull = b; object boxedA = a;
        Console.WriteLine((boxedNull == null) + " " + boxedA + " " + (boxedA is int));
        int? back = (int?)boxedA; int? backNull = (int?)boxedNull;
        Console.WriteLine(Show(back) + " " + Show(backNull));
        bool? yes = true, unknown = null;
        Console.WriteLine((yes & unknown) + "|" + (yes | unknown) + "|" + (!yes));
        int total = 0; int?[] arr = { 1, null, 3, null, 5 }; foreach (var x in arr) total += x ?? 100;
        return total & 0xFF;
    }
}
