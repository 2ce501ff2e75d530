// Builds and drops many linked lists, binary trees and arrays: far more than any heap holds at once,
// so the collector must reclaim them while the live structures stay intact. Prints checksums only.
using System;

class Node
{
    public Node Next;
    public long Value;
    public Node(Node next, long value) { Next = next; Value = value; }
}

class Tree
{
    public Tree Left, Right;
    public int Depth;
    public Tree(Tree left, Tree right, int depth) { Left = left; Right = right; Depth = depth; }
}

struct Slot
{
    public long Key;
    public string Name;
    public Node Chain;
}

static class Program
{
    static Node s_keep;

    static Tree Build(int depth) => depth == 0 ? new Tree(null, null, 0) : new Tree(Build(depth - 1), Build(depth - 1), depth);

    static long Check(Tree t) => t == null ? 0 : 1 + Check(t.Left) + Check(t.Right);

    static long Sum(Node n)
    {
        long s = 0;
        for (; n != null; n = n.Next)
            s += n.Value;
        return s;
    }

    static int Main()
    {
        // A long-lived list and tree that every collection must keep.
        for (int i = 0; i < 10000; i++)
            s_keep = new Node(s_keep, i);
        Tree longLived = Build(14);

        long checksum = 0;
        for (int round = 0; round < 300; round++)
        {
            Node list = null;
            for (int i = 0; i < 2000; i++)
                list = new Node(list, i ^ round);
            checksum += Sum(list);
            checksum += Check(Build(8));
            var bytes = new byte[1000 + round * 50];
            bytes[bytes.Length - 1] = (byte)round;
            checksum += bytes[bytes.Length - 1] + bytes.Length;
        }
        Console.WriteLine("short-lived checksum " + checksum);

        var slots = new Slot[500];
        for (int round = 0; round < 50; round++)
        {
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i].Key = i * round;
                slots[i].Name = "slot" + i;
                slots[i].Chain = new Node(new Node(null, i), round);
            }
            var garbage = new Node[2000];
            for (int i = 0; i < garbage.Length; i++)
                garbage[i] = new Node(null, i);
        }
        long slotSum = 0;
        for (int i = 0; i < slots.Length; i++)
            slotSum += slots[i].Key + slots[i].Name.Length + Sum(slots[i].Chain);
        Console.WriteLine("struct array checksum " + slotSum);

        var big = new string[3000];
        for (int i = 0; i < big.Length; i++)
            big[i] = "item " + i;
        for (int round = 0; round < 20; round++)
        {
            var large = new long[100000];
            large[99999] = round;
            checksum += large[99999];
        }
        long lengths = 0;
        foreach (var s in big)
            lengths += s.Length;
        Console.WriteLine("strings " + lengths + " large " + checksum);

        Console.WriteLine("kept " + Sum(s_keep) + " tree " + Check(longLived));
        Console.WriteLine("collections happened: " + (GC.CollectionCount(0) > 0));
        return (int)(checksum & 0x7F);
    }
}
