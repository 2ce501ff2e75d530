using System;

// Nested structs and arrays of structs: particle simulation with integer physics, bounding box, sorting structs.
struct Vec2
{
    public int X;
    public int Y;
    public Vec2(int x, int y) { X = x; Y = y; }
}

struct Particle
{
    public Vec2 Pos;
    public Vec2 Vel;
    public int Mass;
}

struct Box
{
    public Vec2 Min;
    public Vec2 Max;
}

static class Program
{
    static Box Bounds(Particle[] ps)
    {
        Box b;
        b.Min = new Vec2(int.MaxValue, int.MaxValue);
        b.Max = new Vec2(int.MinValue, int.MinValue);
        for (int i = 0; i < ps.Length; i++)
        {
            b.Min.X = Math.Min(b.Min.X, ps[i].Pos.X);
            b.Min.Y = Math.Min(b.Min.Y, ps[i].Pos.Y);
            b.Max.X = Math.Max(b.Max.X, ps[i].Pos.X);
            b.Max.Y = Math.Max(b.Max.Y, ps[i].Pos.Y);
        }
        return b;
    }

    static void Step(Particle[] ps)
    {
        for (int i = 0; i < ps.Length; i++)
        {
            ps[i].Pos.X += ps[i].Vel.X;
            ps[i].Pos.Y += ps[i].Vel.Y;
            if (ps[i].Pos.X < 0 || ps[i].Pos.X > 100) ps[i].Vel.X = -ps[i].Vel.X;
            if (ps[i].Pos.Y < 0 || ps[i].Pos.Y > 100) ps[i].Vel.Y = -ps[i].Vel.Y;
            ps[i].Vel.Y -= ps[i].Mass;
        }
    }

    static int Main()
    {
        Particle[] ps = new Particle[6];
        for (int i = 0; i < ps.Length; i++)
        {
            ps[i].Pos = new Vec2(i * 15, 50 + i);
            ps[i].Vel = new Vec2(7 - i * 3, i * 2 - 5);
            ps[i].Mass = i % 3;
        }
        for (int t = 0; t < 20; t++)
        {
            Step(ps);
            if (t % 5 == 4)
            {
                Box bb = Bounds(ps);
                Console.Write(bb.Min.X); Console.Write(","); Console.Write(bb.Min.Y); Console.Write(" .. ");
                Console.Write(bb.Max.X); Console.Write(","); Console.WriteLine(bb.Max.Y);
            }
        }

        // insertion sort of the particles by X (struct moves)
        for (int i = 1; i < ps.Length; i++)
        {
            Particle key = ps[i];
            int j = i - 1;
            while (j >= 0 && ps[j].Pos.X > key.Pos.X) { ps[j + 1] = ps[j]; j--; }
            ps[j + 1] = key;
        }
        int check = 0;
        for (int i = 0; i < ps.Length; i++)
        {
            Console.Write(ps[i].Pos.X); Console.Write(" "); Console.Write(ps[i].Pos.Y); Console.Write(" ");
            Console.Write(ps[i].Vel.X); Console.Write(" "); Console.Write(ps[i].Vel.Y); Console.Write(" ");
            Console.WriteLine(ps[i].Mass);
            check = check * 7 + ps[i].Pos.X + ps[i].Pos.Y;
        }
        Console.WriteLine(check);

        Box whole = new Box();
        whole.Max.X = 3;
        Box copy = whole;
        copy.Max.X = 4;
        Console.WriteLine(whole.Max.X);
        Console.WriteLine(copy.Max.X);
        return check & 0xFF;
    }
}
