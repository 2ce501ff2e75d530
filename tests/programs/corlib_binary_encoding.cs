// BinaryPrimitives (big- and little-endian reads and writes, reverse), Encoding.UTF8 and ASCII
// (GetBytes, GetString, GetByteCount, replacement of invalid input), and the span search helpers.
using System;
using System.Buffers.Binary;
using System.Text;

static class Program
{
    static string Hex(byte[] bytes)
    {
        var sb = new StringBuilder();
        foreach (byte b in bytes) sb.Append(b.ToString("X2"));
        return sb.ToString();
    }

    static string Codes(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s) sb.Append(((int)c).ToString("X4")).Append(' ');
        return sb.ToString();
    }

    static int Main()
    {
        byte[] buf = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(buf, 0x12345678);
        BinaryPrimitives.WriteInt32LittleEndian(buf.AsSpan(4), -2);
        BinaryPrimitives.WriteUInt16BigEndian(buf.AsSpan(8), 0xBEEF);
        BinaryPrimitives.WriteInt64LittleEndian(buf.AsSpan(8, 8), long.MinValue + 5);
        Console.WriteLine(Hex(buf));
        Console.WriteLine(BinaryPrimitives.ReadInt32BigEndian(buf) + " " + BinaryPrimitives.ReadInt32LittleEndian(buf) + " " + BinaryPrimitives.ReadUInt32BigEndian(buf.AsSpan(4)) + " " + BinaryPrimitives.ReadInt16LittleEndian(buf.AsSpan(4)));
        Console.WriteLine(BinaryPrimitives.ReadInt64LittleEndian(buf.AsSpan(8)) + " " + BinaryPrimitives.ReadUInt64BigEndian(buf.AsSpan(8)) + " " + BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(1)));
        Console.WriteLine(BinaryPrimitives.ReverseEndianness(0x11223344).ToString("X") + " " + BinaryPrimitives.ReverseEndianness((ushort)0xABCD).ToString("X") + " " + BinaryPrimitives.ReverseEndianness(1L));
        Console.WriteLine(BinaryPrimitives.TryReadInt32BigEndian(buf.AsSpan(14), out int partial) + " " + partial + " " + BinaryPrimitives.TryWriteInt16BigEndian(buf.AsSpan(15), 1));
        try { BinaryPrimitives.ReadInt64BigEndian(buf.AsSpan(10)); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { BinaryPrimitives.WriteInt32LittleEndian(buf.AsSpan(13), 1); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }

        string text = "héllo wörld €😀";
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Console.WriteLine(utf8.Length + " " + Encoding.UTF8.GetByteCount(text) + " " + Hex(utf8));
        Console.WriteLine(Encoding.UTF8.GetString(utf8) == text);
        Console.WriteLine(Encoding.UTF8.GetString(utf8, 1, 3) + " " + Encoding.UTF8.GetCharCount(utf8) + " " + Encoding.UTF8.GetChars(utf8).Length);
        byte[] ascii = Encoding.ASCII.GetBytes(text);
        Console.WriteLine(ascii.Length + " " + Encoding.ASCII.GetString(ascii) + " " + Encoding.ASCII.GetString(new byte[] { 72, 200, 105 }));
        byte[][] invalid =
        {
            new byte[] { 0x41, 0x80, 0x42 }, new byte[] { 0xC3 }, new byte[] { 0xC3, 0x41 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xE2, 0x82, 0x41 },
            new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xE0, 0x80, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 },
            new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF, 0x41 },
        };
        foreach (byte[] bytes in invalid) Console.WriteLine(Codes(Encoding.UTF8.GetString(bytes)) + "| " + Encoding.UTF8.GetCharCount(bytes));
        string lone = "a\uD800b\uDC00c";
        Console.WriteLine(Hex(Encoding.UTF8.GetBytes(lone)) + " " + Hex(Encoding.ASCII.GetBytes(lone)) + " " + Hex(Encoding.ASCII.GetBytes("😀x")));
        Span<byte> dest = stackalloc byte[8];
        int written = Encoding.UTF8.GetBytes("ab€".AsSpan(), dest);
        Console.WriteLine(written + " " + dest[2] + " " + Encoding.UTF8.WebName + " " + Encoding.ASCII.WebName + " " + Encoding.UTF8.GetPreamble().Length);
        try { Encoding.UTF8.GetBytes("too long".AsSpan(), dest.Slice(0, 3)); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { Encoding.UTF8.GetString(null); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }

        ReadOnlySpan<char> span = "  key: value  ".AsSpan();
        ReadOnlySpan<char> trimmed = span.Trim();
        Console.WriteLine(trimmed.Length + " " + trimmed.IndexOf(':') + " " + trimmed.IndexOf("val".AsSpan()) + " " + trimmed.LastIndexOf('e') + " " + span.TrimStart().Length + " " + span.TrimEnd().Length);
        int[] nums = { 5, 3, 8, 3, 9, 1 };
        Console.WriteLine(nums.AsSpan().IndexOf(3) + " " + nums.AsSpan().LastIndexOf(3) + " " + nums.AsSpan().Contains(9) + " " + nums.AsSpan().IndexOfAny(8, 1) + " " + nums.AsSpan().Count(3));
        Console.WriteLine(nums.AsSpan(1, 3).SequenceEqual(new int[] { 3, 8, 3 }) + " " + nums.AsSpan().StartsWith(new int[] { 5, 3 }) + " " + nums.AsSpan().EndsWith(new int[] { 9 }) + " " + nums.AsSpan().SequenceCompareTo(new int[] { 5, 4 }));
        nums.AsSpan().Reverse();
        Console.WriteLine(string.Join(",", nums) + " " + "x--y".AsSpan().Trim('x').Length + " " + "abc".AsSpan().IndexOfAnyExcept('a'));
        string[] names = { "a", null, "c" };
        Console.WriteLine(new ReadOnlySpan<string>(names).IndexOf((string)null) + " " + new ReadOnlySpan<string>(names).IndexOf("c"));
        return utf8.Length;
    }
}
