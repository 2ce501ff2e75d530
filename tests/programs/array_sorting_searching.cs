using System;

// Sorting algorithms over int arrays (bubble, insertion, quicksort, merge sort with a scratch array), then binary search.
static class Program
{
    static int[] Data()
    {
        int[] a = new int[40];
        uint x = 2463534242u;
        for (int i = 0; i < a.Length; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; a[i] = (int)(x % 1000) - 500; }
        return a;
    }

    static void Bubble(int[] a)
    {
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j + 1 < a.Length - i; j++)
                if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
    }

    static void Insertion(int[] a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            int k = a[i], j = i - 1;
            while (j >= 0 && a[j] > k) { a[j + 1] = a[j]; j--; }
            a[j + 1] = k;
        }
    }

    static void Quick(int[] a, int lo, int hi)
    {
        if (lo >= hi) return;
        int p = a[(lo + hi) / 2], i = lo, j = hi;
        while (i <= j)
        {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        Quick(a, lo, j);
        Quick(a, i, hi);
    }

    static void Merge(int[] a, int[] tmp, int lo, int hi)
    {
        if (hi - lo < 1) return;
        int mid = (lo + hi) / 2;
        Merge(a, tmp, lo, mid);
        Merge(a, tmp, mid + 1, hi);
        int i = lo, j = mid + 1, k = lo;
        while (i <= mid && j <= hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        while (i <= mid) tmp[k++] = a[i++];
        while (j <= hi) tmp[k++] = a[j++];
        for (k = lo; k <= hi; k++) a[k] = tmp[k];
    }

    static int Find(int[] a, int key)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (a[mid] == key) return mid;
            if (a[mid] < key) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    static bool Same(int[] a, int[] b) { for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false; return true; }

    static int Main()
    {
        int[] a = Data(), b = Data(), c = Data(), d = Data();
        for (int i = 0; i < a.Length; i++) { Console.Write(a[i]); Console.Write(" "); }
        Console.WriteLine();
        Bubble(a); Insertion(b); Quick(c, 0, c.Length - 1); Merge(d, new int[d.Length], 0, d.Length - 1);
        for (int i = 0; i < a.Length; i++) { Console.Write(a[i]); Console.Write(" "); }
        Console.WriteLine();
        Console.WriteLine(Same(a, b));
        Console.WriteLine(Same(a, c));
        Console.WriteLine(Same(a, d));
        int hits = 0;
        for (int key = -500; key < 500; key += 37)
        {
            int pos = Find(a, key);
            Console.Write(pos);
            Console.Write(" ");
            if (pos >= 0) hits++;
        }
        Console.WriteLine();
        Console.WriteLine(Find(a, a[17]) >= 0);
        Console.WriteLine(hits);
        return a[39] - a[0] > 0 ? (a[20] & 0x7F) + 1 : 255;
    }
}
