using System;

// && and || must not evaluate their right operand when the result is already known; ternaries likewise.
static class Program
{
    static int s_calls;

    static bool T(int id) { s_calls++; Console.Write("T"); Console.Write(id); Console.Write(" "); return true; }
    static bool F(int id) { s_calls++; Console.Write("F"); Console.Write(id); Console.Write(" "); return false; }
    static int V(int v) { s_calls++; Console.Write("V"); Console.Write(v); Console.Write(" "); return v; }

    static int Main()
    {
        Console.WriteLine(F(1) && T(2));
        Console.WriteLine(T(3) && F(4));
        Console.WriteLine(T(5) || F(6));
        Console.WriteLine(F(7) || T(8));
        Console.WriteLine(F(9) || F(10) || T(11) || T(12));
        Console.WriteLine(T(13) && T(14) && F(15) && T(16));
        Console.WriteLine((F(17) && T(18)) || (T(19) && T(20)));
        Console.WriteLine(F(21) & T(22));      // non-short-circuit
        Console.WriteLine(T(23) | F(24));
        Console.WriteLine(T(25) ? V(1) : V(2));
        Console.WriteLine(F(26) ? V(3) : V(4));
        Console.WriteLine(!F(27) && !F(28));
        Console.WriteLine(s_calls);

        // guard patterns that rely on short-circuiting
        int[] arr = new int[] { 3, 0, 5 };
        int safe = 0;
        for (int i = -1; i <= 3; i++)
        {
            if (i >= 0 && i < arr.Length && arr[i] != 0 && 15 % arr[i] == 0) safe += arr[i];
            if (i < 0 || i >= arr.Length || arr[i] == 0) safe += 100;
        }
        Console.WriteLine(safe);

        string s = "";
        Console.WriteLine(s.Length > 0 && s[0] == 'x');
        string t = "xyz";
        Console.WriteLine(t.Length > 0 && t[0] == 'x');

        int a = 5, b = 10;
        int nested = a > b ? (a > 0 ? 1 : 2) : (b > 20 ? 3 : (b == 10 ? 4 : 5));
        Console.WriteLine(nested);
        bool cond = a < b == b > a;
        Console.WriteLine(cond);
        int count = 0;
        for (int i = 0; i < 64; i++)
        {
            bool x = (i & 1) != 0, y = (i & 2) != 0, z = (i & 4) != 0, w = (i & 8) != 0;
            if ((x || y) && !(z && w) || (i > 60)) count++;
        }
        Console.WriteLine(count);
        return s_calls + count;
    }
}
