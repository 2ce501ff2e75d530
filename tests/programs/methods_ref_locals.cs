using System;

// ref locals and ref returns: aliasing array elements and static fields, reassigning refs.
static class Program
{
    static int s_a = 1;
    static int s_b = 2;
    static long[] s_table = new long[8];

    static ref int Pick(bool first) { if (first) return ref s_a; return ref s_b; }
    static ref long Slot(int i) { return ref s_table[i & 7]; }
    static ref int MaxElement(int[] arr)
    {
        int best = 0;
        for (int i = 1; i < arr.Length; i++) if (arr[i] > arr[best]) best = i;
        return ref arr[best];
    }

    static int Main()
    {
        int x = 10;
        ref int rx = ref x;
        rx += 5;
        Console.WriteLine(x);
        x *= 2;
        Console.WriteLine(rx);

        int[] arr = new int[] { 4, 9, 2, 7 };
        ref int e = ref arr[2];
        e = 100;
        Console.WriteLine(arr[2]);
        e = ref arr[3];       // re-point the ref local
        e++;
        Console.WriteLine(arr[3]);
        Console.WriteLine(arr[2]);

        Pick(true) = 11;
        Pick(false) += 20;
        Console.WriteLine(s_a);
        Console.WriteLine(s_b);
        ref int p = ref Pick(s_a > s_b);
        p = -1;
        Console.WriteLine(s_a);
        Console.WriteLine(s_b);

        for (int i = 0; i < 20; i++) Slot(i) += i * 1000000000L;
        for (int i = 0; i < 8; i++) Console.WriteLine(s_table[i]);

        ref int m = ref MaxElement(arr);
        Console.WriteLine(m);
        m = 0;
        ref int m2 = ref MaxElement(arr);
        m2 = -m2;
        for (int i = 0; i < arr.Length; i++) { Console.Write(arr[i]); Console.Write(" "); }
        Console.WriteLine();

        // ref to a local inside a loop
        int sum = 0;
        int[] data = new int[] { 1, 2, 3, 4, 5, 6 };
        for (int i = 0; i < data.Length; i++)
        {
            ref int cur = ref data[i];
            cur = cur * cur;
            sum += cur;
        }
        Console.WriteLine(sum);
        ref readonly int ro = ref data[5];
        Console.WriteLine(ro);
        data[5] = 7;
        Console.WriteLine(ro);
        return sum;
    }
}
