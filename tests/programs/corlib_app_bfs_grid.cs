// Breadth-first search on a generated maze with Queue<(int, int)>, HashSet visited set, Dictionary
// parent links for the path, and Stack to print the path in order.
using System;
using System.Collections.Generic;
using System.Text;

static class Program
{
    static int Main()
    {
        const int W = 30, H = 14;
        var wall = new bool[W * H];
        uint state = 4242;
        for (int i = 0; i < wall.Length; i++) { state = state * 1664525 + 1013904223; wall[i] = (state >> 24) < 70; }
        wall[0] = false; wall[W * H - 1] = false;
        var start = (0, 0);
        var goal = (W - 1, H - 1);
        var queue = new Queue<(int X, int Y)>();
        var seen = new HashSet<(int, int)> { start };
        var parent = new Dictionary<(int, int), (int, int)>();
        queue.Enqueue(start);
        (int, int)[] moves = { (1, 0), (0, 1), (-1, 0), (0, -1) };
        int expanded = 0;
        while (queue.Count > 0)
        {
            var (x, y) = queue.Dequeue();
            expanded++;
            if ((x, y) == goal) break;
            foreach (var (dx, dy) in moves)
            {
                int nx = x + dx, ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= W || ny >= H || wall[ny * W + nx]) continue;
                if (!seen.Add((nx, ny))) continue;
                parent[(nx, ny)] = (x, y);
                queue.Enqueue((nx, ny));
            }
        }
        Console.WriteLine("expanded=" + expanded + " seen=" + seen.Count + " reached=" + parent.ContainsKey(goal));
        var path = new Stack<(int, int)>();
        if (parent.ContainsKey(goal))
        {
            for (var p = goal; p != start; p = parent[p]) path.Push(p);
            path.Push(start);
        }
        var onPath = new HashSet<(int, int)>(path);
        var sb = new StringBuilder();
        for (int y = 0; y < H; y++)
        {
            for (int x = 0; x < W; x++) sb.Append(wall[y * W + x] ? '#' : onPath.Contains((x, y)) ? '*' : '.');
            sb.AppendLine();
        }
        Console.Write(sb);
        Console.WriteLine("length=" + path.Count + " first=" + (path.Count > 1 ? path.ToArray()[1].ToString() : "none"));
        return path.Count;
    }
}
