// Graph algorithms over a generated directed graph with generic adjacency lists: BFS distances,
// iterative DFS with discovery/finish times, Kahn's topological sort on the DAG part, Tarjan's
// strongly connected components, and union-find connected components of the undirected view.
using System;
using System.Collections.Generic;

class Vec<T>
{
    T[] a = new T[4]; int n;
    public int Count => n;
    public T this[int i] { get => a[i]; set => a[i] = value; }
    public void Add(T x) { if (n == a.Length) { var b = new T[n * 2]; for (int i = 0; i < n; i++) b[i] = a[i]; a = b; } a[n++] = x; }
    public T Pop() => a[--n];
    public IEnumerable<T> Items() { for (int i = 0; i < n; i++) yield return a[i]; }
}

class Graph
{
    public readonly int N; public readonly Vec<int>[] Adj;
    public Graph(int n) { N = n; Adj = new Vec<int>[n]; for (int i = 0; i < n; i++) Adj[i] = new Vec<int>(); }
    public void Edge(int a, int b) => Adj[a].Add(b);

    public int[] Bfs(int s)
    {
        var d = new int[N]; for (int i = 0; i < N; i++) d[i] = -1;
        var q = new int[N]; int h = 0, t = 0; q[t++] = s; d[s] = 0;
        while (h < t) { int u = q[h++]; foreach (var v in Adj[u].Items()) if (d[v] < 0) { d[v] = d[u] + 1; q[t++] = v; } }
        return d;
    }

    public void Dfs(out int[] disc, out int[] fin)
    {
        disc = new int[N]; fin = new int[N]; var next = new int[N]; int time = 0;
        for (int i = 0; i < N; i++) disc[i] = -1;
        var stack = new Vec<int>();
        for (int s = 0; s < N; s++)
        {
            if (disc[s] >= 0) continue;
            disc[s] = time++; stack.Add(s);
            while (stack.Count > 0)
            {
                int u = stack[stack.Count - 1];
                if (next[u] < Adj[u].Count) { int v = Adj[u][next[u]++]; if (disc[v] < 0) { disc[v] = time++; stack.Add(v); } }
                else { fin[u] = time++; stack.Pop(); }
            }
        }
    }

    public int[] TopoOrder(out bool acyclic)
    {
        var indeg = new int[N];
        for (int u = 0; u < N; u++) foreach (var v in Adj[u].Items()) indeg[v]++;
        var order = new int[N]; int k = 0; var q = new int[N]; int h = 0, t = 0;
        for (int i = 0; i < N; i++) if (indeg[i] == 0) q[t++] = i;
        while (h < t) { int u = q[h++]; order[k++] = u; foreach (var v in Adj[u].Items()) if (--indeg[v] == 0) q[t++] = v; }
        acyclic = k == N;
        return order;
    }

    int idx; int[] index, low, comp; bool[] onStack; Vec<int> st; public int Components;
    public int[] Tarjan()
    {
        idx = 0; index = new int[N]; low = new int[N]; comp = new int[N]; onStack = new bool[N]; st = new Vec<int>(); Components = 0;
        for (int i = 0; i < N; i++) index[i] = -1;
        for (int i = 0; i < N; i++) if (index[i] < 0) Strong(i);
        return comp;
    }
    void Strong(int u)
    {
        index[u] = low[u] = idx++; st.Add(u); onStack[u] = true;
        foreach (var v in Adj[u].Items())
        {
            if (index[v] < 0) { Strong(v); low[u] = Math.Min(low[u], low[v]); }
            else if (onStack[v]) low[u] = Math.Min(low[u], index[v]);
        }
        if (low[u] == index[u]) { int w; do { w = st.Pop(); onStack[w] = false; comp[w] = Components; } while (w != u); Components++; }
    }
}

class UnionFind
{
    int[] p, r; public int Sets;
    public UnionFind(int n) { p = new int[n]; r = new int[n]; Sets = n; for (int i = 0; i < n; i++) p[i] = i; }
    public int Find(int x) { while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; } return x; }
    public bool Union(int a, int b) { a = Find(a); b = Find(b); if (a == b) return false; if (r[a] < r[b]) { int t = a; a = b; b = t; } p[b] = a; if (r[a] == r[b]) r[a]++; Sets--; return true; }
}

static class Program
{
    static uint seed = 4242;
    static int R(int n) { seed = seed * 1664525 + 1013904223; return (int)((seed >> 10) % (uint)n); }

    static int Main()
    {
        const int N = 60;
        var g = new Graph(N); var dag = new Graph(N); var uf = new UnionFind(N);
        for (int k = 0; k < 90; k++) { int a = R(N), b = R(N); if (a == b) continue; g.Edge(a, b); uf.Union(a, b); if (a < b) dag.Edge(a, b); }
        var d = g.Bfs(0);
        int reach = 0, far = 0; for (int i = 0; i < N; i++) if (d[i] >= 0) { reach++; far = Math.Max(far, d[i]); }
        Console.WriteLine("bfs reach " + reach + " eccentricity " + far);
        Console.Write("dist:"); for (int i = 0; i < 15; i++) Console.Write(" " + d[i]); Console.WriteLine();
        g.Dfs(out var disc, out var fin);
        long dh = 0; for (int i = 0; i < N; i++) dh = dh * 7 + disc[i] * 3 + fin[i];
        Console.WriteLine("dfs hash " + dh);
        var order = dag.TopoOrder(out bool acyclic);
        var pos = new int[N]; for (int i = 0; i < N; i++) pos[order[i]] = i;
        bool valid = true; for (int u = 0; u < N; u++) foreach (var v in dag.Adj[u].Items()) if (pos[u] > pos[v]) valid = false;
        Console.Write("topo acyclic " + acyclic + " valid " + valid + ":"); for (int i = 0; i < 12; i++) Console.Write(" " + order[i]); Console.WriteLine();
        g.TopoOrder(out bool gAcyclic);
        var comp = g.Tarjan();
        var sizes = new int[g.Components]; foreach (var c in comp) sizes[c]++;
        int big = 0; foreach (var s in sizes) big = Math.Max(big, s);
        Console.WriteLine("graph acyclic " + gAcyclic + " scc " + g.Components + " largest " + big);
        Console.WriteLine("weak components " + uf.Sets + " same(0,1) " + (uf.Find(0) == uf.Find(1)));
        return (g.Components + uf.Sets + reach) & 0xFF;
    }
}
