using System;
using System.Diagnostics;

// Searches the core library vectorises (docs/corlib.md), each over 1 MiB with the one match at the
// end, 1000 times. Prints milliseconds per search kind; compare two builds in the same run. Each
// round starts at a different offset: a search of unchanged memory with unchanged arguments is a
// loop invariant LLVM would hoist out of the rounds.
static class Program
{
    static int Main()
    {
        const int Size = 1 << 20, Rounds = 1000;
        var bytes = new byte[Size];
        for (int i = 0; i < Size; i++) bytes[i] = (byte)('a' + i % 23);
        bytes[Size - 1] = (byte)'!';
        var copy = bytes.AsSpan().ToArray();
        var chars = new char[Size / 2];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)('a' + i % 23);
        chars[chars.Length - 1] = '!';
        string text = new string(chars);
        long check = 0;

        var watch = Stopwatch.StartNew();
        for (int r = 0; r < Rounds; r++) check += bytes.AsSpan(r & 7).IndexOf((byte)'!');
        Report("span<byte>.IndexOf", watch);
        watch = Stopwatch.StartNew();
        for (int r = 0; r < Rounds; r++) check += bytes.AsSpan(r & 7).IndexOfAny((byte)'!', (byte)'?');
        Report("span<byte>.IndexOfAny(2)", watch);
        watch = Stopwatch.StartNew();
        for (int r = 0; r < Rounds; r++) check += bytes.AsSpan(r & 7).SequenceEqual(copy.AsSpan(r & 7)) ? 1 : 0;
        Report("span<byte>.SequenceEqual", watch);
        watch = Stopwatch.StartNew();
        for (int r = 0; r < Rounds; r++) check += text.IndexOf('!', r & 7);
        Report("string.IndexOf(char)", watch);
        watch = Stopwatch.StartNew();
        for (int r = 0; r < Rounds; r++) check += text.AsSpan(r & 7).IndexOfAny('!', '?', '#');
        Report("span<char>.IndexOfAny(3)", watch);
        Console.WriteLine("check " + check);
        return 0;
    }

    static void Report(string what, Stopwatch watch) =>
        Console.WriteLine(what + ": " + watch.ElapsedMilliseconds + " ms");
}
