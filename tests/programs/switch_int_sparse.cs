using System;

// Sparse switch on int: Roslyn emits a binary search of comparisons (and small jump tables for clusters).
static class Program
{
    static int Classify(int v)
    {
        switch (v)
        {
            case -1000000: return 1;
            case -500: return 2;
            case -1: return 3;
            case 0: return 4;
            case 7: return 5;
            case 8: return 6;
            case 9: return 7;
            case 100: return 8;
            case 1000: return 9;
            case 4096: return 10;
            case 65535: return 11;
            case 1000000: return 12;
            case int.MaxValue: return 13;
            case int.MinValue: return 14;
            default: return 0;
        }
    }

    static string HttpStatus(int code)
    {
        switch (code)
        {
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 301: return "Moved";
            case 304: return "Not Modified";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 500: return "Server Error";
            case 503: return "Unavailable";
            default: return "Unknown";
        }
    }

    static int Main()
    {
        int[] probes = new int[] { -1000000, -999999, -500, -2, -1, 0, 1, 7, 8, 9, 10, 99, 100, 1000, 4095, 4096, 65535, 65536, 1000000, int.MaxValue, int.MinValue, 123 };
        int sum = 0;
        for (int i = 0; i < probes.Length; i++)
        {
            int c = Classify(probes[i]);
            Console.Write(probes[i]);
            Console.Write(" -> ");
            Console.WriteLine(c);
            sum += c * (i + 1);
        }
        Console.WriteLine(sum);

        int[] codes = new int[] { 200, 201, 202, 204, 301, 302, 304, 400, 401, 402, 403, 404, 500, 503, 999 };
        for (int i = 0; i < codes.Length; i++)
        {
            Console.Write(codes[i]);
            Console.Write(" ");
            Console.WriteLine(HttpStatus(codes[i]));
        }

        // sparse switch on long
        long[] ls = new long[] { 1L << 40, 3, -7, 1L << 50, 42 };
        for (int i = 0; i < ls.Length; i++)
        {
            switch (ls[i])
            {
                case 1L << 40: Console.WriteLine("2^40"); break;
                case 1L << 50: Console.WriteLine("2^50"); break;
                case -7: Console.WriteLine("minus seven"); break;
                case 42: Console.WriteLine("answer"); break;
                default: Console.WriteLine("other"); break;
            }
        }
        return sum % 256;
    }
}
