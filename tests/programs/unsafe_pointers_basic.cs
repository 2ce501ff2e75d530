using System;

// Pointers to locals and statics of several primitive types: address-of, dereference, write-through, pointer to pointer.
static unsafe class Program
{
    static long s_value = 5;

    static void Store(int* p, int v) { *p = v; }
    static void Swap(long* a, long* b) { long t = *a; *a = *b; *b = t; }
    static double Read(double* p) { return *p; }
    static void Redirect(int** pp, int* target) { *pp = target; }

    static int Main()
    {
        int x = 10;
        int* px = &x;
        Console.WriteLine(*px);
        *px = 20;
        Console.WriteLine(x);
        Store(px, 30);
        Console.WriteLine(x);
        *px += 5;
        (*px)++;
        Console.WriteLine(x);

        long a = 1, b = 2;
        Swap(&a, &b);
        Console.WriteLine(a);
        Console.WriteLine(b);
        fixed (long* ps = &s_value)
        {
            Swap(ps, &a);
        }
        Console.WriteLine(s_value);
        Console.WriteLine(a);

        double d = 3.75;
        Console.WriteLine(Read(&d));
        byte by = 200;
        byte* pb = &by;
        *pb += 100;
        Console.WriteLine(by);
        char ch = 'A';
        char* pc = &ch;
        *pc = (char)(*pc + 25);
        Console.WriteLine(ch);
        bool flag = false;
        bool* pf = &flag;
        *pf = true;
        Console.WriteLine(flag);
        float f = 1.5f;
        float* pfl = &f;
        *pfl *= *pfl;
        Console.WriteLine(f);

        int y = 77;
        int* p = &x;
        int** pp = &p;
        Console.WriteLine(**pp);
        Redirect(pp, &y);
        Console.WriteLine(*p);
        **pp = 78;
        Console.WriteLine(y);

        int* nul = null;
        Console.WriteLine(nul == null);
        Console.WriteLine(p != null);
        Console.WriteLine(p == &y);
        Console.WriteLine(p == &x);
        void* vp = p;
        int* back = (int*)vp;
        Console.WriteLine(*back);
        return x + y;
    }
}
