using System;

// Pointers to structs: p->field, (*p).field, sizeof of primitives and structs (with padding), arrays of structs via pointers.
struct Node
{
    public int Value;
    public long Weight;
    public byte Tag;
}

struct Packed
{
    public byte A;
    public byte B;
    public short C;
    public int D;
}

struct Pair
{
    public double X;
    public double Y;
}

static unsafe class Program
{
    static void Bump(Node* n) { n->Value++; n->Weight *= 2; (*n).Tag = (byte)(n->Tag + 1); }

    static double Dot(Pair* a, Pair* b) { return a->X * b->X + a->Y * b->Y; }

    static int Main()
    {
        Console.WriteLine(sizeof(byte));
        Console.WriteLine(sizeof(sbyte));
        Console.WriteLine(sizeof(short));
        Console.WriteLine(sizeof(ushort));
        Console.WriteLine(sizeof(char));
        Console.WriteLine(sizeof(int));
        Console.WriteLine(sizeof(uint));
        Console.WriteLine(sizeof(long));
        Console.WriteLine(sizeof(ulong));
        Console.WriteLine(sizeof(float));
        Console.WriteLine(sizeof(double));
        Console.WriteLine(sizeof(bool));
        Console.WriteLine(sizeof(Node));
        Console.WriteLine(sizeof(Packed));
        Console.WriteLine(sizeof(Pair));
        Console.WriteLine(sizeof(int*));

        Node n = new Node();
        n.Value = 41; n.Weight = 1L << 33; n.Tag = 255;
        Bump(&n);
        Console.WriteLine(n.Value);
        Console.WriteLine(n.Weight);
        Console.WriteLine(n.Tag);

        Packed pk = new Packed();
        Packed* pp = &pk;
        pp->A = 1; pp->B = 2; pp->C = 0x0304; pp->D = 0x05060708;
        byte* raw = (byte*)pp;
        for (int i = 0; i < sizeof(Packed); i++) { Console.Write(raw[i]); Console.Write(" "); }
        Console.WriteLine();
        Console.WriteLine((long)((byte*)&pp->D - (byte*)pp));

        Node* nodes = stackalloc Node[5];
        for (int i = 0; i < 5; i++) { nodes[i].Value = i * 10; nodes[i].Weight = -i; nodes[i].Tag = (byte)i; }
        Node* q = nodes + 2;
        Bump(q);
        q++;
        q->Value = 999;
        long total = 0;
        for (Node* it = nodes; it < nodes + 5; it++) total += it->Value + it->Weight + it->Tag;
        Console.WriteLine(total);
        Console.WriteLine((long)((byte*)(nodes + 5) - (byte*)nodes));

        Pair[] pairs = new Pair[3];
        pairs[0].X = 1; pairs[0].Y = 2;
        pairs[1].X = 3.5; pairs[1].Y = -1;
        fixed (Pair* pa = pairs)
        {
            Console.WriteLine(Dot(pa, pa + 1));
            (pa + 2)->X = Dot(pa, pa);
            pa[2].Y = pa[1].X;
        }
        Console.WriteLine(pairs[2].X);
        Console.WriteLine(pairs[2].Y);
        return (int)(total % 256);
    }
}
