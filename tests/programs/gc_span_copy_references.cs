using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

// References copied in bulk into an old array (Span.CopyTo, List growth, Array.Copy) must keep their
// objects alive through the collections that follow: the copy marks the destination's cards, but only
// for element types that can hold references, which RuntimeHelpers.IsReferenceOrContainsReferences tells.
struct Plain { public int A; public long B; public Plain(int a, long b) { A = a; B = b; } }
struct Holder { public int A; public string Name; }
struct Nested { public Plain P; public Holder H; }

class Node { public int Value; public Node(int v) { Value = v; } }

static class Program
{
    static Node[] s_old;

    // Out of line, so that no stack slot of Main still holds the young array (the stacks are scanned
    // conservatively): afterwards only s_old refers to the nodes.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void CopyYoungNodes(int round)
    {
        var young = new Node[4096];
        for (int i = 0; i < young.Length; i++) young[i] = new Node(round * 10_000 + i);
        young.AsSpan().CopyTo(s_old);
        Array.Copy(young, 0, s_old, 0, 100);
    }

    static int Main()
    {
        Console.WriteLine("int " + RuntimeHelpers.IsReferenceOrContainsReferences<int>());
        Console.WriteLine("string " + RuntimeHelpers.IsReferenceOrContainsReferences<string>());
        Console.WriteLine("Plain " + RuntimeHelpers.IsReferenceOrContainsReferences<Plain>());
        Console.WriteLine("Holder " + RuntimeHelpers.IsReferenceOrContainsReferences<Holder>());
        Console.WriteLine("Nested " + RuntimeHelpers.IsReferenceOrContainsReferences<Nested>());

        // A heap array (a static initialiser's could be compile-time data, a root at every collection),
        // made old by surviving a collection.
        s_old = new Node[4096];
        for (int i = 0; i < 200_000; i++) GC.KeepAlive(new byte[64]);
        GC.Collect();
        long checksum = 0;
        for (int round = 0; round < 50; round++)
        {
            CopyYoungNodes(round);
            var list = new List<Holder>();
            for (int i = 0; i < 300; i++) list.Add(new Holder { A = i, Name = "h" + i });
            // Garbage enough for several collections before the copies are read.
            // Nodes, so that the cells of nodes freed too early are handed out again and the checksum shows it.
            for (int i = 0; i < 200_000; i++) GC.KeepAlive(new Node(-1));
            foreach (var n in s_old) checksum += n.Value;
            foreach (var h in list) checksum += h.Name.Length + h.A;
        }
        Console.WriteLine("checksum " + checksum);
        return 0;
    }
}
