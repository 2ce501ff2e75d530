using System;

// Pre/post increment/decrement and every compound assignment operator, on locals, fields, array elements and refs.
static class Program
{
    static int s_field = 10;
    static long s_counter;

    static int Next() { s_counter++; return (int)s_counter; }

    static void Bump(ref int r) { r++; ++r; r += 10; }

    static int Main()
    {
        int i = 5;
        int a = i++;
        int b = ++i;
        int c = i--;
        int d = --i;
        Console.WriteLine(a); Console.WriteLine(b); Console.WriteLine(c); Console.WriteLine(d); Console.WriteLine(i);
        Console.WriteLine(i++ + i++);
        Console.WriteLine(i);
        Console.WriteLine(--i - i--);
        Console.WriteLine(i);

        int x = 100;
        x += 7; Console.WriteLine(x);
        x -= 17; Console.WriteLine(x);
        x *= 3; Console.WriteLine(x);
        x /= 7; Console.WriteLine(x);
        x %= 13; Console.WriteLine(x);
        x <<= 4; Console.WriteLine(x);
        x >>= 2; Console.WriteLine(x);
        x |= 0x100; Console.WriteLine(x);
        x &= 0x1F0; Console.WriteLine(x);
        x ^= 0xFF; Console.WriteLine(x);
        x >>>= 1; Console.WriteLine(x);

        s_field++;
        s_field *= 2;
        ++s_field;
        Console.WriteLine(s_field);

        int[] arr = new int[4];
        arr[0]++;
        arr[1] += 5;
        arr[2]--;
        ++arr[3];
        arr[Next()] += 100;   // index expression evaluated once
        arr[Next()] *= 3;
        for (int k = 0; k < arr.Length; k++) Console.WriteLine(arr[k]);
        Console.WriteLine(s_counter);

        int r = 1;
        Bump(ref r);
        Bump(ref arr[0]);
        Bump(ref s_field);
        Console.WriteLine(r);
        Console.WriteLine(arr[0]);
        Console.WriteLine(s_field);

        double dd = 1.5;
        dd++;
        dd *= 2.5;
        dd -= 0.25;
        dd /= 2;
        Console.WriteLine(dd);
        char ch = 'a';
        ch++;
        ch += (char)2;
        Console.WriteLine(ch);
        long lng = long.MaxValue;
        lng++;
        Console.WriteLine(lng);
        return s_field;
    }
}
