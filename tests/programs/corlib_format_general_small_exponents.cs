// The general format with a precision (G4, G12, g3, G17) switches to scientific notation from 1E-05
// down, as the shortest form does; 0.0001 stays fixed.
using System;
static class Program
{
    static int Main()
    {
        foreach (var v in new double[] { 0.0001234, 0.00001234, 0.000001234, 1e-5, 9.99e-5, 0.0001, 1.5e-4, 123456.0, 1234567.0 })
            Console.WriteLine(v.ToString("G4") + " " + v.ToString("G") + " " + v.ToString("G12") + " " + ((float)v).ToString("G4") + " " + ((float)v).ToString("G6") + " " + v.ToString("g3") + " " + v.ToString("R") + " " + v.ToString("G17"));
        return 0;
    }
}
