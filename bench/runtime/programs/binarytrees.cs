// binarytrees: allocation-heavy. Builds and walks many short-lived complete binary trees and one long-lived
// one (the benchmarks game's algorithm, single-threaded). Argument: the maximum depth (default 18).
using System;

sealed class TreeNode
{
    public readonly TreeNode? Left;
    public readonly TreeNode? Right;

    public TreeNode(TreeNode? left, TreeNode? right)
    {
        Left = left;
        Right = right;
    }

    public static TreeNode Build(int depth) =>
        depth == 0 ? new TreeNode(null, null) : new TreeNode(Build(depth - 1), Build(depth - 1));

    public int Count() => Left == null ? 1 : 1 + Left.Count() + Right!.Count();
}

static class BinaryTrees
{
    static int Main(string[] args)
    {
        int maxDepth = Math.Max(6, args.Length > 0 ? int.Parse(args[0]) : 17);
        const int minDepth = 4;
        Console.WriteLine("stretch tree of depth " + (maxDepth + 1) + "\t check: " + TreeNode.Build(maxDepth + 1).Count());
        TreeNode longLived = TreeNode.Build(maxDepth);
        long all = 0;
        for (int depth = minDepth; depth <= maxDepth; depth += 2)
        {
            int iterations = 1 << (maxDepth - depth + minDepth);
            int check = 0;
            for (int i = 0; i < iterations; i++)
                check += TreeNode.Build(depth).Count();
            all += check;
            Console.WriteLine(iterations + "\t trees of depth " + depth + "\t check: " + check);
        }
        Console.WriteLine("long lived tree of depth " + maxDepth + "\t check: " + longLived.Count());
        Console.WriteLine("total nodes checked: " + all);
        return 0;
    }
}
