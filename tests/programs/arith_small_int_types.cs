using System;

// byte/sbyte/short/ushort: promotion to int, truncation on store, compound assignment wrap.
static class Program
{
    static byte AddB(byte a, byte b) { return (byte)(a + b); }
    static sbyte AddSB(sbyte a, sbyte b) { return (sbyte)(a + b); }
    static short MulS(short a, short b) { return (short)(a * b); }
    static ushort SubUS(ushort a, ushort b) { return (ushort)(a - b); }

    static int Main()
    {
        byte b = 250;
        Console.WriteLine(b + 10);          // promoted: 260
        Console.WriteLine(AddB(b, 10));     // truncated: 4
        b += 10;
        Console.WriteLine(b);
        b -= 5;
        Console.WriteLine(b);
        b--;
        Console.WriteLine(b);
        b = 0;
        b--;
        Console.WriteLine(b);
        b++;
        Console.WriteLine(b);

        sbyte sb = 127;
        sb++;
        Console.WriteLine(sb);
        Console.WriteLine(AddSB(100, 100));
        sb = -128;
        sb--;
        Console.WriteLine(sb);
        sb = -100;
        sb *= 3;
        Console.WriteLine(sb);
        Console.WriteLine(-sb);

        short s = 32767;
        s++;
        Console.WriteLine(s);
        Console.WriteLine(MulS(300, 300));
        s = -32768;
        s -= 1;
        Console.WriteLine(s);
        s = 1000;
        s <<= 7;
        Console.WriteLine(s);
        s >>= 3;
        Console.WriteLine(s);

        ushort us = 0;
        us--;
        Console.WriteLine(us);
        Console.WriteLine(SubUS(5, 10));
        us = 40000;
        us += 40000;
        Console.WriteLine(us);
        us = 0xFFFF;
        us ^= 0x0F0F;
        Console.WriteLine(us);

        // checksum over bytes with natural wrap-around
        byte sum = 0;
        ushort sum16 = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += (byte)(i * 7);
            sum16 += (ushort)(i * 977);
        }
        Console.WriteLine(sum);
        Console.WriteLine(sum16);

        byte x = 200, y = 100;
        Console.WriteLine(x > y);
        Console.WriteLine(x * y);
        Console.WriteLine(~x);
        Console.WriteLine((byte)~x);
        Console.WriteLine(-y);
        return sum == 0 ? 99 : sum;
    }
}
