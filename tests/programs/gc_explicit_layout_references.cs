// Explicit-layout structs whose references overlay each other (allowed by .NET) are the only holders
// of their objects, in a heap array and a boxed copy, while the program allocates many times the
// heap: the collector must trace them (their offsets are in the reference maps).
using System;
using System.Runtime.InteropServices;
using System.Text;

[StructLayout(LayoutKind.Explicit)]
struct Either
{
    [FieldOffset(0)] public string Text;
    [FieldOffset(0)] public object Any;
    [FieldOffset(8)] public int Tag;
    [FieldOffset(12)] public int Extra;
}

[StructLayout(LayoutKind.Explicit)]
struct Pair
{
    [FieldOffset(0)] public Either First;
    [FieldOffset(16)] public long Count;
    [FieldOffset(24)] public int[] Numbers;
}

static class Program
{
    static int Main()
    {
        var slots = new Pair[64];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i].First.Text = new StringBuilder().Append("item ").Append(i).ToString();
            slots[i].First.Tag = i;
            slots[i].Numbers = new int[] { i, i * i };
            slots[i].Count = i * 3L;
        }
        object boxed = new Either { Any = new int[] { 7, 8, 9 }, Tag = -1 };
        long garbage = 0;
        for (int round = 0; round < 200; round++)
            for (int k = 0; k < 2000; k++)
                garbage += new byte[100 + (k & 63)].Length;
        GC.Collect();
        long check = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i].First.Text != "item " + i || (string)slots[i].First.Any != slots[i].First.Text) return 1;
            check += slots[i].First.Tag + slots[i].Numbers[1] + slots[i].Count + slots[i].First.Text.Length;
        }
        var e = (Either)boxed;
        int[] kept = (int[])e.Any;
        Console.WriteLine(slots[5].First.Text + " " + slots[63].Numbers[1] + " " + check + " " + (kept[0] + kept[1] + kept[2]) + " " + e.Tag + " " + (garbage > 0));
        return 0;
    }
}
