// A multi-dimensional array of references survives collections: its elements start after its lengths.
using System;
class Node { public int V; public Node(int v) { V = v; } }
static class Program {
  static int Main() {
    var grid = new Node[3, 5];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 5; j++) grid[i, j] = new Node(i * 5 + j);
    for (int round = 0; round < 200; round++) { var junk = new Node[1000]; for (int k = 0; k < junk.Length; k++) junk[k] = new Node(k); }
    GC.Collect();
    int s = 0; for (int i = 0; i < 3; i++) for (int j = 0; j < 5; j++) s += grid[i, j].V;
    Console.WriteLine(s);
    return s;
  }
}
