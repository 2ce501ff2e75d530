using System;

// char as an unsigned 16-bit integer: arithmetic, int <-> char, comparisons, case conversion by hand.
static class Program
{
    static char ToUpper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : c; }
    static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
    static char Rot13(char c)
    {
        if (c >= 'a' && c <= 'z') return (char)('a' + (c - 'a' + 13) % 26);
        if (c >= 'A' && c <= 'Z') return (char)('A' + (c - 'A' + 13) % 26);
        return c;
    }

    static int Main()
    {
        char c = 'A';
        Console.WriteLine(c);
        Console.WriteLine((int)c);
        Console.WriteLine(c + 1);            // int
        Console.WriteLine((char)(c + 1));    // char
        c += (char)25;
        Console.WriteLine(c);
        c++;
        Console.WriteLine(c);
        Console.WriteLine((int)c);

        for (char ch = 'a'; ch <= 'z'; ch++) Console.Write(ToUpper(ch));
        Console.WriteLine();
        for (int i = 0; i < 10; i++) Console.Write((char)('0' + i));
        Console.WriteLine();

        string msg = "Hello, World! 123";
        for (int i = 0; i < msg.Length; i++) Console.Write(Rot13(msg[i]));
        Console.WriteLine();

        int digits = 0;
        int value = 0;
        string num = "a1b2c3d45";
        for (int i = 0; i < num.Length; i++)
        {
            if (IsDigit(num[i])) { digits++; value = value * 10 + (num[i] - '0'); }
        }
        Console.WriteLine(digits);
        Console.WriteLine(value);

        char e = 'é';
        Console.WriteLine(e);
        Console.WriteLine((int)e);
        char han = '中';
        Console.WriteLine((int)han);
        Console.WriteLine(han);
        Console.WriteLine((char)(han + 1));
        char max = '\uffff';
        Console.WriteLine((int)max);
        max++;
        Console.WriteLine((int)max);
        Console.WriteLine('z' > 'A');
        Console.WriteLine('a' - 'z');
        char fromInt = (char)0x263A;
        Console.WriteLine(fromInt);
        char tab = '\t', nl = '\n', q = '\'';
        Console.WriteLine((int)tab + (int)nl + (int)q);
        int wide = 65601;
        Console.WriteLine((char)wide);       // truncates to 0x0041
        return value % 256;
    }
}
