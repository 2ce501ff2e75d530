using System;

// Integer division truncates toward zero; remainder takes the sign of the dividend.
static class Program
{
    static int[] s_nums = new int[] { 7, -7, 13, -13, 0, 1, -1, 100, -100, int.MaxValue, int.MinValue + 1 };
    static int[] s_dens = new int[] { 2, -2, 3, -3, 7, -7, 1, 10 };

    static int Main()
    {
        int checksum = 0;
        for (int i = 0; i < s_nums.Length; i++)
        {
            for (int j = 0; j < s_dens.Length; j++)
            {
                int q = s_nums[i] / s_dens[j];
                int r = s_nums[i] % s_dens[j];
                Console.Write(q);
                Console.Write(",");
                Console.Write(r);
                Console.Write(" ");
                if (q * s_dens[j] + r != s_nums[i]) { Console.WriteLine("IDENTITY BROKEN"); return 1; }
                checksum = checksum * 31 + q + r;
            }
            Console.WriteLine();
        }
        Console.WriteLine(checksum);

        long ln = -9000000000001L;
        Console.WriteLine(ln / 1000);
        Console.WriteLine(ln % 1000);
        Console.WriteLine(ln / -7);
        Console.WriteLine(ln % -7);

        short sh = -32000;
        Console.WriteLine(sh / 3);
        Console.WriteLine(sh % 3);
        sbyte sb = -128;
        Console.WriteLine(sb / 5);
        Console.WriteLine(sb % 5);

        // powers of two: a signed division by 2^k is not an arithmetic shift
        int m = -9;
        Console.WriteLine(m / 2);
        Console.WriteLine(m >> 1);
        Console.WriteLine(m / 4);
        Console.WriteLine(m % 4);
        Console.WriteLine(m / 8);
        Console.WriteLine(m % 8);
        Console.WriteLine(m / 16);

        int c = 0;
        for (int k = -20; k <= 20; k++) c += k / 3 + k % 3 * 5;
        Console.WriteLine(c);
        return 0;
    }
}
