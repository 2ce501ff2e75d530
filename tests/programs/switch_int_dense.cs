using System;

// Dense switch on int (Roslyn emits an IL 'switch' jump table), including default and out-of-range values.
static class Program
{
    static int Op(int code, int a, int b)
    {
        switch (code)
        {
            case 0: return a + b;
            case 1: return a - b;
            case 2: return a * b;
            case 3: return b != 0 ? a / b : 0;
            case 4: return b != 0 ? a % b : 0;
            case 5: return a & b;
            case 6: return a | b;
            case 7: return a ^ b;
            case 8: return a << (b & 31);
            case 9: return a >> (b & 31);
            case 10: return -a;
            case 11: return ~b;
            default: return 12345;
        }
    }

    static string DayName(int d)
    {
        switch (d)
        {
            case 1: return "Mon";
            case 2: return "Tue";
            case 3: return "Wed";
            case 4: return "Thu";
            case 5: return "Fri";
            case 6:
            case 7: return "Weekend";
        }
        return "?";
    }

    static int Main()
    {
        int acc = 0;
        for (int code = -2; code <= 13; code++)
        {
            int r = Op(code, 1000, 7);
            Console.Write(code);
            Console.Write(": ");
            Console.WriteLine(r);
            acc = acc * 7 + r;
        }
        Console.WriteLine(acc);
        for (int d = 0; d <= 8; d++) Console.WriteLine(DayName(d));

        // switch with case blocks that assign and break
        int total = 0;
        for (int i = 0; i < 40; i++)
        {
            switch (i % 8)
            {
                case 0: total += 1; break;
                case 1: total += 10; break;
                case 2: total += 100; break;
                case 3: break;
                case 4: total -= 3; break;
                case 5: total *= 2; break;
                default: total ^= i; break;
            }
        }
        Console.WriteLine(total);

        // switch on a long and on a byte
        long big = 3;
        switch (big) { case 1: Console.WriteLine("one"); break; case 2: Console.WriteLine("two"); break; case 3: Console.WriteLine("three"); break; default: Console.WriteLine("many"); break; }
        byte by = 200;
        switch (by) { case 199: Console.WriteLine("199"); break; case 200: Console.WriteLine("200"); break; case 201: Console.WriteLine("201"); break; }
        return (acc & 0x7F) + 3;
    }
}
