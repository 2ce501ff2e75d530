// Unboxing a null object to a struct throws NullReferenceException (unboxing to a Nullable would
// succeed): the nullable path runs first, then the plain unbox fails.
using System;
struct Reading { public int Value; }
static class Program
{
    static object Lookup(int i) => i % 3 == 2 ? null : (object)new Reading { Value = i * 10 };
    static int Main()
    {
        int sum = 0;
        for (int i = 0; i < 4; i++) { Reading? r = (Reading?)Lookup(i); Console.WriteLine("nullable " + i + ": " + (r.HasValue ? r.Value.Value.ToString() : "none")); }
        for (int i = 0; i < 4; i++) { Reading r = (Reading)Lookup(i); sum += r.Value; Console.WriteLine("plain " + i + ": " + r.Value); }
        return sum;
    }
}
