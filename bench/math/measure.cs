// Prints the bits of Math/MathF results for N pseudo-random inputs per function, one per line under a
// "# name" header. bench/math/measure.sh runs it on CoreCLR and on Testbed and compares line by line.
using System;

static unsafe class Program
{
    const int N = 1000000;
    static ulong state = 0x2545F4914F6CDD1DUL;
    static ulong Next() { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
    static double U(double lo, double hi) => lo + (hi - lo) * ((Next() >> 11) * (1.0 / 9007199254740992.0));
    static double Wide(int lo, int hi)
    {
        double x = 1 + U(0, 1);
        for (int e = (int)(Next() % (ulong)(hi - lo)) + lo; e != 0; e += e > 0 ? -1 : 1) x = e > 0 ? x * 2 : x * 0.5;
        return x;
    }
    static double Signed(double x) => (Next() & 1) == 0 ? x : -x;

    static void D(string name, Func<double> input, Func<double, double> f)
    {
        Console.WriteLine("# " + name.Replace(' ', '_'));
        for (int i = 0; i < N; i++) { double y = f(input()); Console.WriteLine((*(long*)&y).ToString("X16")); }
    }

    static void F(string name, Func<double> input, Func<float, float> f)
    {
        Console.WriteLine("# " + name.Replace(' ', '_'));
        for (int i = 0; i < N; i++) { float y = f((float)input()); Console.WriteLine((*(int*)&y).ToString("X8")); }
    }

    static double y2;

    static int Main()
    {
        D("Exp", () => U(-745.2, 709.8), Math.Exp);
        D("Log", () => Wide(-1070, 1023), Math.Log);
        D("Log10", () => Wide(-1070, 1023), Math.Log10);
        D("Log2", () => Wide(-1070, 1023), Math.Log2);
        D("Pow", () => { y2 = U(-30, 30); return U(0, 10); }, x => Math.Pow(x, y2));
        D("Cbrt", () => Signed(Wide(-1070, 1023)), Math.Cbrt);
        D("Sin", () => U(-10, 10), Math.Sin);
        D("Cos", () => U(-10, 10), Math.Cos);
        D("Tan", () => U(-10, 10), Math.Tan);
        D("Sin huge", () => Signed(Wide(20, 1023)), Math.Sin);
        D("Asin", () => U(-1, 1), Math.Asin);
        D("Acos", () => U(-1, 1), Math.Acos);
        D("Atan", () => Signed(Wide(-40, 70)), Math.Atan);
        D("Atan2", () => { y2 = Signed(Wide(-80, 80)); return Signed(Wide(-80, 80)); }, x => Math.Atan2(x, y2));
        D("Sinh", () => U(-30, 30), Math.Sinh);
        D("Cosh", () => U(-711, 711), Math.Cosh);
        D("Tanh", () => U(-5, 5), Math.Tanh);
        F("MathF.Exp", () => U(-104, 89), MathF.Exp);
        F("MathF.Log", () => U(0, 1000), MathF.Log);
        F("MathF.Log10", () => U(0, 1e6), MathF.Log10);
        F("MathF.Log2", () => U(0, 1e6), MathF.Log2);
        F("MathF.Pow", () => { y2 = U(-20, 20); return U(0, 10); }, x => MathF.Pow(x, (float)y2));
        F("MathF.Cbrt", () => U(-1e6, 1e6), MathF.Cbrt);
        F("MathF.Sin", () => U(-100, 100), MathF.Sin);
        F("MathF.Cos", () => U(-100, 100), MathF.Cos);
        F("MathF.Tan", () => U(-100, 100), MathF.Tan);
        F("MathF.Asin", () => U(-1, 1), MathF.Asin);
        F("MathF.Acos", () => U(-1, 1), MathF.Acos);
        F("MathF.Atan", () => U(-50, 50), MathF.Atan);
        F("MathF.Atan2", () => { y2 = U(-5, 5); return U(-5, 5); }, x => MathF.Atan2(x, (float)y2));
        F("MathF.Sinh", () => U(-20, 20), MathF.Sinh);
        F("MathF.Cosh", () => U(-20, 20), MathF.Cosh);
        F("MathF.Tanh", () => U(-5, 5), MathF.Tanh);
        return 0;
    }
}
