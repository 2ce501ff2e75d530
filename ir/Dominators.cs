namespace Testbed.IR;

/// <summary>
/// Immediate dominators by the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
/// Dominance Algorithm"): intersect predecessors' dominators in reverse postorder until nothing changes.
/// Unreachable blocks have no dominator and dominate nothing.
/// </summary>
public sealed class Dominators
{
    private readonly Dictionary<Block, int> postorderIndex = new();
    private readonly Dictionary<Block, Block> idom = new();

    public Dominators(Function function)
    {
        var postorder = Postorder(function);
        for (int i = 0; i < postorder.Count; i++) postorderIndex[postorder[i]] = i;
        var predecessors = Predecessors(function);
        var entry = function.Entry;
        idom[entry] = entry;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = postorder.Count - 1; i >= 0; i--)
            {
                var b = postorder[i];
                if (b == entry) continue;
                Block? newIdom = null;
                foreach (var p in predecessors[b])
                {
                    if (!idom.ContainsKey(p)) continue;
                    newIdom = newIdom is null ? p : Intersect(p, newIdom);
                }
                if (newIdom is not null && (!idom.TryGetValue(b, out var old) || old != newIdom))
                {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
    }

    public bool IsReachable(Block b) => idom.ContainsKey(b);

    public Block? ImmediateDominator(Block b) =>
        idom.TryGetValue(b, out var d) && d != b ? d : null;

    public bool Dominates(Block a, Block b)
    {
        if (!IsReachable(b)) return false;
        for (var x = b; ; x = idom[x])
        {
            if (x == a) return true;
            if (idom[x] == x) return false;
        }
    }

    private Block Intersect(Block a, Block b)
    {
        while (a != b)
        {
            while (postorderIndex[a] < postorderIndex[b]) a = idom[a];
            while (postorderIndex[b] < postorderIndex[a]) b = idom[b];
        }
        return a;
    }

    public static List<Block> Postorder(Function function)
    {
        var order = new List<Block>();
        var visited = new HashSet<Block>();
        var stack = new Stack<(Block Block, IEnumerator<Block> Next)>();
        visited.Add(function.Entry);
        stack.Push((function.Entry, function.Entry.Successors.GetEnumerator()));
        while (stack.Count > 0)
        {
            var (block, next) = stack.Peek();
            if (next.MoveNext())
            {
                if (visited.Add(next.Current))
                    stack.Push((next.Current, next.Current.Successors.GetEnumerator()));
            }
            else
            {
                stack.Pop();
                order.Add(block);
            }
        }
        return order;
    }

    public static Dictionary<Block, List<Block>> Predecessors(Function function)
    {
        var preds = function.Blocks.ToDictionary(b => b, _ => new List<Block>());
        foreach (var b in function.Blocks)
            foreach (var s in b.Successors)
                if (preds.TryGetValue(s, out var list) && !list.Contains(b)) list.Add(b);
        return preds;
    }
}
