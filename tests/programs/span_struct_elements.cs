// Span<T> over arrays of structs: slicing, modifying elements through the span (visible in the
// array), ref access to elements, passing spans of structs to helpers, ReadOnlySpan over a struct
// array, and stackalloc spans of a blittable struct.
using System;

struct Sample { public int Time; public double Value; }

static class Program
{
    static double Average(ReadOnlySpan<Sample> s) { double t = 0; foreach (var x in s) t += x.Value; return s.Length == 0 ? 0 : t / s.Length; }
    static void Scale(Span<Sample> s, double k) { for (int i = 0; i < s.Length; i++) s[i].Value *= k; }
    static int MaxIndex(ReadOnlySpan<Sample> s) { int m = 0; for (int i = 1; i < s.Length; i++) if (s[i].Value > s[m].Value) m = i; return m; }

    static int Main()
    {
        var data = new Sample[10];
        for (int i = 0; i < data.Length; i++) data[i] = new Sample { Time = i * 100, Value = (i * 7 % 10) - 2.5 };
        Span<Sample> all = data;
        Console.WriteLine("avg " + Average(all) + " first half " + Average(all.Slice(0, 5)) + " tail " + Average(all.Slice(7)));
        Scale(all.Slice(2, 3), 10);
        Console.WriteLine(data[1].Value + " " + data[2].Value + " " + data[4].Value + " " + data[5].Value);
        ref Sample r = ref all[9]; r.Value = 99; r.Time = -1;
        Console.WriteLine("max at " + MaxIndex(data) + " time " + data[MaxIndex(data)].Time);
        Span<Sample> local = stackalloc Sample[4];
        for (int i = 0; i < local.Length; i++) { local[i].Time = i; local[i].Value = i * 0.5; }
        local.Slice(1, 2).Fill(new Sample { Time = 7, Value = 7.25 });
        double t = 0; foreach (var s in local) t += s.Time + s.Value;
        Console.WriteLine("local " + t + " avg " + Average(local));
        all.Slice(0, 4).CopyTo(all.Slice(6));
        Console.WriteLine(data[6].Value + " " + data[9].Time + " len " + all.Length);
        return (int)(t * 4) & 0xFF;
    }
}
