// One class implementing the same generic interface for several type arguments (IConverter<int>,
// IConverter<string>), IEquatable<T> and IComparable<T> on user types, dispatch through each
// instantiation, and a generic method constrained on two interfaces.
using System;

interface IConverter<T> { T Convert(double x); string Name { get; } }
class MultiConverter : IConverter<int>, IConverter<string>, IConverter<bool>
{
    int IConverter<int>.Convert(double x) => (int)Math.Round(x);
    string IConverter<string>.Convert(double x) => "<" + x + ">";
    bool IConverter<bool>.Convert(double x) => x != 0;
    string IConverter<int>.Name => "int";
    string IConverter<string>.Name => "string";
    string IConverter<bool>.Name => "bool";
}

class Version : IEquatable<Version>, IComparable<Version>
{
    public int Major, Minor;
    public Version(int a, int b) { Major = a; Minor = b; }
    public bool Equals(Version o) => o != null && Major == o.Major && Minor == o.Minor;
    public int CompareTo(Version o) => Major != o.Major ? Major - o.Major : Minor - o.Minor;
    public override string ToString() => Major + "." + Minor;
}

static class Program
{
    static string Run<T>(IConverter<T> c, double x) => c.Name + ":" + c.Convert(x);
    static T MaxDistinct<T>(T[] items, out int distinct) where T : IEquatable<T>, IComparable<T>
    {
        T best = items[0]; distinct = 0;
        for (int i = 0; i < items.Length; i++)
        {
            bool seen = false;
            for (int j = 0; j < i; j++) if (items[j].Equals(items[i])) seen = true;
            if (!seen) distinct++;
            if (items[i].CompareTo(best) > 0) best = items[i];
        }
        return best;
    }

    static int Main()
    {
        var m = new MultiConverter();
        Console.WriteLine(Run<int>(m, 2.6) + " " + Run<string>(m, 2.6) + " " + Run<bool>(m, 0));
        IConverter<int> ci = m; IConverter<string> cs = m;
        Console.WriteLine(ci.Convert(-1.5) + " " + cs.Convert(1e-3) + " " + ((object)m is IConverter<bool>));
        var vs = new[] { new Version(1, 2), new Version(1, 10), new Version(0, 99), new Version(1, 2), new Version(1, 10) };
        var max = MaxDistinct(vs, out int distinct);
        Console.WriteLine("max " + max + " distinct " + distinct);
        return distinct * 10 + ci.Convert(7.4);
    }
}
