namespace Testbed.IR;

/// <summary>
/// Immediate dominators by the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
/// Dominance Algorithm"): intersect predecessors' dominators in reverse postorder until nothing changes.
/// Unreachable blocks have no dominator and dominate nothing.
///
/// Block dominance is about block starts. An instruction with an unwind target can leave its block
/// half-way (docs/ir.md, "Exceptional control flow"), so a block that dominates another has not
/// necessarily run to its end, nor past any given instruction, before the other starts: ask
/// <see cref="Dominates(Instruction, Instruction)"/> whether an instruction has completed.
/// </summary>
public sealed class Dominators
{
    private readonly Dictionary<Block, int> postorderIndex = new();
    private readonly Dictionary<Block, Block> idom = new();
    private readonly Dictionary<Block, Dictionary<Block, Instruction>> escapes = new();

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

    /// <summary>
    /// Whether every path from the entry to the start of <paramref name="b"/> passes the start of
    /// <paramref name="a"/>. O(1): a dominates b exactly when b's interval of a depth-first walk of the
    /// dominator tree lies inside a's (walking up the tree instead made the verifier and Loops
    /// quadratic on long chains of blocks).
    /// </summary>
    public bool Dominates(Block a, Block b)
    {
        if (!IsReachable(b) || !IsReachable(a)) return false;
        interval ??= NumberTree();
        var (inner, outer) = (interval[b], interval[a]);
        return outer.Enter <= inner.Enter && inner.Exit <= outer.Exit;
    }

    // Enter and exit times of each reachable block in a depth-first walk of the dominator tree.
    private Dictionary<Block, (int Enter, int Exit)>? interval;

    private Dictionary<Block, (int Enter, int Exit)> NumberTree()
    {
        var children = new Dictionary<Block, List<Block>>();
        Block? root = null;
        foreach (var (b, parent) in idom)
        {
            if (b == parent) { root = b; continue; }
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = new List<Block>();
            list.Add(b);
        }
        var result = new Dictionary<Block, (int, int)>();
        if (root is null) return result;
        int clock = 0;
        var stack = new Stack<(Block Block, int Next)>();
        var enter = new Dictionary<Block, int> { [root] = clock++ };
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (block, next) = stack.Pop();
            if (children.TryGetValue(block, out var kids) && next < kids.Count)
            {
                stack.Push((block, next + 1));
                enter[kids[next]] = clock++;
                stack.Push((kids[next], 0));
            }
            else result[block] = (enter[block], clock++);
        }
        return result;
    }

    /// <summary>
    /// Whether <paramref name="definition"/> has completed, without throwing, on every path from the
    /// entry to <paramref name="use"/>: its result is available there and whatever it checked holds.
    /// In one block, whether it comes first; across blocks, see <see cref="Dominates(Instruction, Block)"/>.
    /// </summary>
    public bool Dominates(Instruction definition, Instruction use)
    {
        var block = use.Block ?? throw new InvalidOperationException($"{use} is in no block");
        if (!IsReachable(block)) return false;
        return definition.Block == block ? definition.ComesBefore(use) : Dominates(definition, block);
    }

    /// <summary>
    /// Whether <paramref name="definition"/> has completed on every path from the entry to the start of
    /// <paramref name="block"/>. Its block must dominate that block, and no path may leave its block
    /// through the unwind edge of an instruction at or before it (itself included: an instruction that
    /// throws produces nothing) and reach <paramref name="block"/> without starting its block again.
    /// False for the definition's own block, which starts before it.
    /// </summary>
    public bool Dominates(Instruction definition, Block block)
    {
        var home = definition.Block ?? throw new InvalidOperationException($"{definition} is in no block");
        if (home == block || !Dominates(home, block)) return false;
        if (!EscapesOf(home).TryGetValue(block, out var firstExit)) return true;
        if (firstExit.Block != home)
        {
            // That instruction has left since the question was last asked: find the exits again.
            escapes.Remove(home);
            return Dominates(definition, block);
        }
        return definition.ComesBefore(firstExit);
    }

    /// <summary>
    /// The blocks reachable from the handlers of <paramref name="block"/>'s instructions without passing
    /// through <paramref name="block"/>, each with the first instruction whose unwind edge reaches it.
    /// Walking the instructions in order and skipping blocks already found keeps it O(blocks).
    /// </summary>
    private Dictionary<Block, Instruction> EscapesOf(Block block)
    {
        if (escapes.TryGetValue(block, out var found)) return found;
        var firstExit = new Dictionary<Block, Instruction>();
        var work = new Stack<Block>();
        foreach (var instruction in block.Instructions)
        {
            if (instruction.Unwind is not { } handler || handler == block || !firstExit.TryAdd(handler, instruction)) continue;
            work.Push(handler);
            while (work.Count > 0)
                foreach (var successor in work.Pop().Successors)
                    if (successor != block && firstExit.TryAdd(successor, instruction)) work.Push(successor);
        }
        escapes[block] = firstExit;
        return firstExit;
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
