using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

// What code written against the framework reaches for first, as it binds here: seeded Random (the same
// numbers as .NET), hex and Base64, BitConverter over spans, span-taking string overloads, StringBuilder
// interpolation, constant data as a span, [InlineArray] structs (references in them survive collections),
// .NET 9's exact TimeSpan factories, Environment, and SocketException's framework ancestry.
[InlineArray(6)]
struct SixNames
{
    private string _first;
}

class Program
{
    static ReadOnlySpan<int> Primes => new[] { 2, 3, 5, 7, 11, 13 };

    static int Main()
    {
        var seeded = new Random(12345);
        var draws = new StringBuilder();
        for (int i = 0; i < 5; i++) draws.Append(seeded.Next(100)).Append(' ');
        draws.Append(seeded.Next()).Append(' ').Append(seeded.Next(-50, 50)).Append(' ').Append(seeded.Next(int.MinValue, int.MaxValue));
        Console.WriteLine(draws.ToString());
        Console.WriteLine(seeded.NextDouble().ToString("F6"));
        var bytes = new byte[8];
        new Random(-7).NextBytes(bytes);
        Console.WriteLine(BitConverter.ToString(bytes));
        int[] deck = { 1, 2, 3, 4, 5, 6, 7, 8 };
        new Random(99).Shuffle(deck);
        Console.WriteLine(string.Join(",", deck));
        Console.WriteLine(new Random(int.MinValue).Next(1000) + " " + new Random(0).Next(1000));
        try { seeded.Next(5, 1); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.ParamName); }

        byte[] data = { 0x00, 0x7f, 0x80, 0xff, 0x10, 0xab };
        Console.WriteLine(Convert.ToHexString(data) + " " + Convert.ToHexStringLower(data) + " " + Convert.ToHexString(data, 1, 3));
        Console.WriteLine(BitConverter.ToString(Convert.FromHexString("DeadBEEF")));
        foreach (string b64 in new[] { "", "f", "fo", "foo", "foob", "fooba", "foobar" })
        {
            string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(b64));
            Console.Write(encoded + "=" + Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) + " ");
        }
        Console.WriteLine();
        Console.WriteLine(Encoding.UTF8.GetString(Convert.FromBase64String(" Zm9v\nYmFy ")));
        foreach (string bad in new[] { "abc", "Zm9v=Zm9v", "Zg===", "Zm9v!" })
        {
            try { Convert.FromBase64String(bad); Console.WriteLine("accepted " + bad); }
            catch (FormatException) { Console.WriteLine("rejected " + bad); }
        }
        try { Convert.FromHexString("abc"); } catch (FormatException e) { Console.WriteLine(e.Message); }
        try { Convert.FromHexString("zz"); } catch (FormatException e) { Console.WriteLine(e.Message); }

        Span<byte> buffer = stackalloc byte[8];
        Console.WriteLine(BitConverter.TryWriteBytes(buffer, 0x0102030405060708L) + " " + BitConverter.ToInt32(buffer) + " " + BitConverter.ToUInt16(buffer.Slice(6)));
        Console.WriteLine(BitConverter.TryWriteBytes(buffer.Slice(0, 2), 7) + " " + BitConverter.ToDouble(BitConverter.GetBytes(2.5)));

        var joined = string.Join("|", new[] { "a", "b" }.AsSpan());
        Console.WriteLine(joined + " " + string.Concat("x".AsSpan(), "y".AsSpan(), "z".AsSpan()) + " " + "--trim+-".Trim('-', '+'));
        var sb = new StringBuilder();
        int answer = 42;
        double ratio = 0.125;
        sb.Append($"answer={answer,5}|{ratio:F2}|{(object)null}|{"left",-6}|").AppendLine($"{answer:X}");
        Console.Write(sb.ToString());

        int sum = 0;
        foreach (int p in Primes) sum += p;
        Console.WriteLine("primes " + Primes.Length + " " + sum);

        var names = new SixNames();
        for (int i = 0; i < 6; i++) names[i] = "name" + (i * i);
        for (int round = 0; round < 3; round++)
        {
            var garbage = new List<string>();
            for (int i = 0; i < 20000; i++) garbage.Add(i.ToString());
            GC.Collect();
        }
        Span<string> view = names;
        Console.WriteLine(string.Join(" ", view.ToArray()) + " " + view.Length);

        Console.WriteLine(TimeSpan.FromSeconds(90L) + " " + TimeSpan.FromMilliseconds(1500L) + " " + TimeSpan.FromMinutes(3L) + " " + TimeSpan.FromDays(2) + " " + TimeSpan.FromMilliseconds(1, 500));
        try { TimeSpan.FromDays(int.MaxValue); } catch (ArgumentOutOfRangeException) { Console.WriteLine("FromDays overflow"); }
        Console.WriteLine(Environment.NewLine.Length + " " + (Environment.CurrentManagedThreadId > 0));

        Exception socket = new SocketException(10061);
        Console.WriteLine((socket is Win32Exception) + " " + (socket is ExternalException) + " " + ((ExternalException)socket).ErrorCode + " " + ((Win32Exception)socket).NativeErrorCode);
        Console.WriteLine(typeof(string).Equals(typeof(string)) + " " + ((System.Reflection.MemberInfo)typeof(int)).Name);
        return sum;
    }
}
