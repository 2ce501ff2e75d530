using System;

// Conversions between floating point and integers (in-range values only), and float <-> double.
static class Program
{
    static double[] s_ds = new double[] { 0.0, 0.9, -0.9, 1.5, -1.5, 2.5, 123456.789, -98765.4321, 2147483647.0, -2147483648.0, 1e9 + 0.75 };

    static double D(double x) { return x; }

    static int Main()
    {
        for (int i = 0; i < s_ds.Length; i++)
        {
            double d = s_ds[i];
            Console.Write(d);
            Console.Write(" -> ");
            Console.Write((int)d);
            Console.Write(" ");
            Console.Write((long)d);
            Console.Write(" ");
            Console.WriteLine((float)d);
        }

        double big = 9007199254740993.0;   // not representable: rounds to ...992
        Console.WriteLine((long)big);
        Console.WriteLine((long)D(1e18));
        Console.WriteLine((ulong)D(1.8e19));
        Console.WriteLine((ulong)D(9.3e18));
        Console.WriteLine((uint)D(4000000000.7));
        Console.WriteLine((short)D(-1234.99));
        Console.WriteLine((byte)D(200.5));
        Console.WriteLine((char)D(65.9));

        int n = 16777217;
        float f = n;                        // loses precision
        Console.WriteLine(f);
        Console.WriteLine((int)f);
        double dn = n;
        Console.WriteLine(dn);
        long ln = 9007199254740993L;
        Console.WriteLine((double)ln);
        Console.WriteLine((float)ln);
        ulong ulmax = ulong.MaxValue;
        Console.WriteLine((double)ulmax);
        uint umax = uint.MaxValue;
        Console.WriteLine((double)umax);
        Console.WriteLine((float)umax);
        int neg = -7;
        Console.WriteLine((double)neg / 2);
        Console.WriteLine(neg / 2);

        float ff = 0.1f;
        double fd = ff;
        Console.WriteLine(fd);
        Console.WriteLine((float)fd);
        Console.WriteLine((double)(float)D(0.3));
        Console.WriteLine((float)(D(1.0) / 3.0));

        // rounding by hand
        double[] rs = new double[] { 0.5, 1.49, 1.5, -0.5, -1.5, 2.675 };
        for (int i = 0; i < rs.Length; i++)
        {
            double v = rs[i];
            int rounded = v >= 0 ? (int)(v + 0.5) : -(int)(-v + 0.5);
            Console.WriteLine(rounded);
        }
        long sum = 0;
        for (int i = 0; i < 100; i++) sum += (long)(i * 1.37);
        Console.WriteLine(sum);
        return (int)(sum % 251);
    }
}
