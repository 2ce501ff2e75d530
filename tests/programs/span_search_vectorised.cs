using System;

// The vectorised searches (16 bytes per step, then an overlapping last step; shorter spans element
// by element) against naive loops: every length 0..70 at every offset 0..15 into a larger buffer,
// with no match, one match at each position, and two matches. Byte, sbyte, char, short and bool
// IndexOf/LastIndexOf/IndexOfAny, SequenceEqual with a difference at each position (also int, long,
// and double, whose Equals is not bitwise), string IndexOf/LastIndexOf/IndexOfAny/Split/==.
static class Program
{
    static int failures;
    static long checksum;

    static void Check(string what, int length, int offset, long expected, long actual)
    {
        checksum = checksum * 31 + actual + 7;
        if (expected == actual) return;
        if (failures++ < 10) Console.WriteLine(what + " len " + length + " off " + offset + ": expected " + expected + ", got " + actual);
    }

    static int NaiveIndexOf(byte[] a, int start, int length, byte v)
    {
        for (int i = 0; i < length; i++) if (a[start + i] == v) return i;
        return -1;
    }

    static int NaiveLastIndexOf(byte[] a, int start, int length, byte v)
    {
        for (int i = length - 1; i >= 0; i--) if (a[start + i] == v) return i;
        return -1;
    }

    static int NaiveIndexOfAny(byte[] a, int start, int length, byte v0, byte v1, byte v2)
    {
        for (int i = 0; i < length; i++) if (a[start + i] == v0 || a[start + i] == v1 || a[start + i] == v2) return i;
        return -1;
    }

    static int NaiveIndexOf(char[] a, int start, int length, char v)
    {
        for (int i = 0; i < length; i++) if (a[start + i] == v) return i;
        return -1;
    }

    static int NaiveLastIndexOf(char[] a, int start, int length, char v)
    {
        for (int i = length - 1; i >= 0; i--) if (a[start + i] == v) return i;
        return -1;
    }

    static int NaiveIndexOfAny(char[] a, int start, int length, char v0, char v1)
    {
        for (int i = 0; i < length; i++) if (a[start + i] == v0 || a[start + i] == v1) return i;
        return -1;
    }

    // Fillers differ from the needles only in the high bit or only in the other byte of a char.
    static void FillBytes(byte[] a, int seed)
    {
        for (int i = 0; i < a.Length; i++) a[i] = (byte)((i * 7 + seed) % 5 == 0 ? 0x00 : (i + seed) % 3 == 0 ? 0x01 : 0x41);
    }

    static void FillChars(char[] a, int seed)
    {
        for (int i = 0; i < a.Length; i++) a[i] = (i * 7 + seed) % 5 == 0 ? '\u0141' : (i + seed) % 3 == 0 ? 'b' : 'A';
    }

    static void Bytes()
    {
        var buffer = new byte[100];
        var other = new byte[100];
        const byte Needle = 0xC1, Second = 0x81, Third = 0x7F;
        for (int length = 0; length <= 70; length++)
            for (int offset = 0; offset < 16; offset++)
                for (int at = -1; at < length; at++)
                {
                    FillBytes(buffer, length + offset);
                    if (at >= 0) buffer[offset + at] = Needle;
                    if (at >= 0 && at + 5 < length) buffer[offset + at + 5] = Needle;
                    if (at >= 0 && length - at > 2) buffer[offset + length - 1 - at / 2] = Second;
                    var span = new ReadOnlySpan<byte>(buffer, offset, length);
                    Check("byte IndexOf", length, offset, NaiveIndexOf(buffer, offset, length, Needle), span.IndexOf(Needle));
                    Check("byte LastIndexOf", length, offset, NaiveLastIndexOf(buffer, offset, length, Needle), span.LastIndexOf(Needle));
                    Check("byte IndexOfAny2", length, offset, NaiveIndexOfAny(buffer, offset, length, Second, Third, Third), span.IndexOfAny(Second, Third));
                    Check("byte IndexOfAny3", length, offset, NaiveIndexOfAny(buffer, offset, length, Third, Needle, Second), span.IndexOfAny(Third, Needle, Second));
                    Check("byte Contains", length, offset, NaiveIndexOf(buffer, offset, length, Needle) >= 0 ? 1 : 0, span.Contains(Needle) ? 1 : 0);
                    var signed = new ReadOnlySpan<sbyte>(ToSigned(buffer), offset, length);
                    Check("sbyte IndexOf", length, offset, NaiveIndexOf(buffer, offset, length, Needle), signed.IndexOf(unchecked((sbyte)Needle)));

                    // SequenceEqual: equal, then a difference at 'at' (a flipped high bit).
                    // The other operand at another alignment.
                    int otherOffset = (offset + 5) % 16;
                    Array.Copy(buffer, offset, other, otherOffset, length);
                    var left = new ReadOnlySpan<byte>(buffer, offset, length);
                    var right = new ReadOnlySpan<byte>(other, otherOffset, length);
                    Check("byte SequenceEqual", length, offset, 1, left.SequenceEqual(right) ? 1 : 0);
                    if (at >= 0)
                    {
                        other[otherOffset + at] ^= 0x80;
                        Check("byte SequenceEqual diff", length, offset, 0, left.SequenceEqual(right) ? 1 : 0);
                        Check("byte SequenceEqual shorter", length, offset, 0, left.SequenceEqual(right.Slice(0, length - 1)) ? 1 : 0);
                    }
                }
    }

    static sbyte[] signedCopy = new sbyte[100];

    static sbyte[] ToSigned(byte[] a)
    {
        for (int i = 0; i < a.Length; i++) signedCopy[i] = unchecked((sbyte)a[i]);
        return signedCopy;
    }

    static void Chars()
    {
        var buffer = new char[100];
        var shorts = new short[100];
        var bools = new bool[100];
        const char Needle = '\u4141', Second = ',';
        for (int length = 0; length <= 70; length++)
            for (int offset = 0; offset < 16; offset++)
                for (int at = -1; at < length; at++)
                {
                    FillChars(buffer, length + offset);
                    if (at >= 0) buffer[offset + at] = Needle;
                    if (at >= 0 && at + 9 < length) buffer[offset + at + 9] = Needle;
                    if (at >= 0 && length - at > 2) buffer[offset + length - 1 - at / 2] = Second;
                    var span = new ReadOnlySpan<char>(buffer, offset, length);
                    int first = NaiveIndexOf(buffer, offset, length, Needle);
                    Check("char IndexOf", length, offset, first, span.IndexOf(Needle));
                    Check("char LastIndexOf", length, offset, NaiveLastIndexOf(buffer, offset, length, Needle), span.LastIndexOf(Needle));
                    Check("char IndexOfAny", length, offset, NaiveIndexOfAny(buffer, offset, length, Second, Needle), span.IndexOfAny(Second, Needle));
                    for (int i = 0; i < buffer.Length; i++) { shorts[i] = (short)buffer[i]; bools[i] = buffer[i] == Needle; }
                    Check("short IndexOf", length, offset, first, new ReadOnlySpan<short>(shorts, offset, length).IndexOf(unchecked((short)Needle)));
                    Check("bool IndexOf", length, offset, first, new ReadOnlySpan<bool>(bools, offset, length).IndexOf(true));

                    string text = new string(buffer, offset, length);
                    Check("string IndexOf", length, offset, first, text.IndexOf(Needle));
                    int from = length / 3;
                    int expectedFrom = NaiveIndexOf(buffer, offset + from, length - from, Needle);
                    Check("string IndexOf start", length, offset, expectedFrom < 0 ? -1 : from + expectedFrom, text.IndexOf(Needle, from));
                    int count = (length - from) / 2;
                    int expectedCount = NaiveIndexOf(buffer, offset + from, count, Needle);
                    Check("string IndexOf count", length, offset, expectedCount < 0 ? -1 : from + expectedCount, text.IndexOf(Needle, from, count));
                    Check("string LastIndexOf", length, offset, NaiveLastIndexOf(buffer, offset, length, Needle), text.LastIndexOf(Needle));
                    Check("string IndexOfAny", length, offset, NaiveIndexOfAny(buffer, offset, length, Second, Needle), text.IndexOfAny(new[] { Second, Needle }));
                    Check("string Contains", length, offset, first >= 0 ? 1 : 0, text.Contains(Needle) ? 1 : 0);
                    CheckSplit(text, length, offset, Needle, Second);

                    string same = new string(buffer, offset, length);
                    Check("string ==", length, offset, 1, text == same ? 1 : 0);
                    if (at >= 0)
                    {
                        buffer[offset + at] = 'z';
                        Check("string == diff", length, offset, 0, text == new string(buffer, offset, length) ? 1 : 0);
                        Check("char SequenceEqual diff", length, offset, 0, text.AsSpan().SequenceEqual(new ReadOnlySpan<char>(buffer, offset, length)) ? 1 : 0);
                    }
                }
    }

    // Split against a split by hand: the pieces between separators, empties kept or removed.
    static void CheckSplit(string text, int length, int offset, char a, char b)
    {
        string[] one = text.Split(a);
        string[] two = text.Split(a, b);
        string[] removed = text.Split(new[] { b, a }, StringSplitOptions.RemoveEmptyEntries);
        int pieces = 1, piecesTwo = 1, nonEmpty = 0, run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == a) pieces++;
            if (text[i] == a || text[i] == b) { piecesTwo++; if (run > 0) nonEmpty++; run = 0; }
            else run++;
        }
        if (run > 0) nonEmpty++;
        Check("Split(char)", length, offset, pieces, one.Length);
        Check("Split(char, char)", length, offset, piecesTwo, two.Length);
        Check("Split RemoveEmpty", length, offset, nonEmpty, removed.Length);
        Check("Split rejoined", length, offset, 1, string.Join(a.ToString(), one) == text ? 1 : 0);
        int total = 0;
        foreach (var piece in two) total = total * 7 + piece.Length;
        checksum += total;
    }

    static void Wider()
    {
        var ints = new int[80];
        var other = new int[80];
        var longs = new long[80];
        var otherLongs = new long[80];
        for (int length = 0; length <= 40; length++)
            for (int offset = 0; offset < 4; offset++)
                for (int at = -1; at < length; at++)
                {
                    for (int i = 0; i < ints.Length; i++) { ints[i] = other[i] = i * 1000003; longs[i] = otherLongs[i] = (long)i << 40; }
                    if (at >= 0) { other[offset + at] ^= 1 << 31; otherLongs[offset + at] ^= 1L << 33; }
                    Check("int SequenceEqual", length, offset, at < 0 ? 1 : 0, new ReadOnlySpan<int>(ints, offset, length).SequenceEqual(new ReadOnlySpan<int>(other, offset, length)) ? 1 : 0);
                    Check("long SequenceEqual", length, offset, at < 0 ? 1 : 0, new ReadOnlySpan<long>(longs, offset, length).SequenceEqual(new ReadOnlySpan<long>(otherLongs, offset, length)) ? 1 : 0);
                    Check("int IndexOf", length, offset, at, new ReadOnlySpan<int>(other, offset, length).IndexOf(((offset + at) * 1000003) ^ (1 << 31)));
                }
        // double's Equals is not equality of bytes: -0.0 equals 0.0, NaN equals NaN.
        var zeros = new double[] { 0.0, double.NaN, 1.5 };
        var negativeZeros = new double[] { -0.0, double.NaN, 1.5 };
        Check("double SequenceEqual", 3, 0, 1, zeros.AsSpan().SequenceEqual(negativeZeros) ? 1 : 0);
    }

    static int Main()
    {
        Bytes();
        Chars();
        Wider();
        Console.WriteLine("failures " + failures);
        Console.WriteLine("checksum " + checksum);
        return failures == 0 ? (int)(checksum & 0x7F) : 200;
    }
}
