// Walking a linked list one step too far: reading a field through a null reference after some
// output ends the program with NullReferenceException.
using System;
class Node { public int Value; public Node Next; public Node(int v, Node n) { Value = v; Next = n; } }
static class Program
{
    static int Main()
    {
        Node list = null;
        for (int i = 5; i >= 1; i--) list = new Node(i * i, list);
        int sum = 0;
        Node cur = list;
        for (int k = 0; k < 7; k++) { sum += cur.Value; Console.WriteLine("node " + k + " value " + cur.Value + " sum " + sum); cur = cur.Next; }
        return sum;
    }
}
