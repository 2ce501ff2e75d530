using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// The dominator tree as children lists, with the dominance frontier of every block (Cooper, Harvey
/// and Kennedy's formulation: walk up from each predecessor of a join until the join's immediate
/// dominator). Built on ir/Dominators; depends only on the CFG. Unreachable blocks are not in the tree
/// and have an empty frontier.
/// </summary>
public sealed class DominatorTree : IFunctionAnalysis<DominatorTree>, ICfgAnalysis
{
    private readonly Dictionary<Block, List<Block>> children = new();
    private readonly Dictionary<Block, HashSet<Block>> frontier = new();

    private DominatorTree(Function function, Dominators dominators)
    {
        Dominators = dominators;
        Root = function.Entry;
        foreach (var b in function.Blocks)
        {
            children[b] = new List<Block>();
            frontier[b] = new HashSet<Block>();
        }
        foreach (var b in function.Blocks)
            if (dominators.ImmediateDominator(b) is { } parent) children[parent].Add(b);

        foreach (var (join, preds) in Dominators.Predecessors(function))
        {
            if (!dominators.IsReachable(join) || preds.Count < 2) continue;
            var idom = dominators.ImmediateDominator(join);
            foreach (var p in preds)
            {
                if (!dominators.IsReachable(p)) continue;
                for (var runner = p; runner is not null && runner != idom; runner = dominators.ImmediateDominator(runner))
                    frontier[runner].Add(join);
            }
        }
    }

    public static DominatorTree Compute(Function function, AnalysisManager analyses) =>
        new(function, analyses.Dominators(function));

    /// <summary>For callers without an analysis manager (tests, other analyses' cores).</summary>
    public static DominatorTree Compute(Function function) => new(function, new Dominators(function));

    public Dominators Dominators { get; }
    public Block Root { get; }

    public IReadOnlyList<Block> Children(Block b) => children[b];

    /// <summary>Whether every path from the entry to the start of <paramref name="b"/> passes the start of <paramref name="a"/>.</summary>
    public bool Dominates(Block a, Block b) => Dominators.Dominates(a, b);

    /// <summary>
    /// Whether <paramref name="definition"/> has completed, without throwing, on every path to
    /// <paramref name="use"/>. Use this, not block dominance, for "this check or call already ran":
    /// an instruction with an unwind target leaves its block half-way when it throws.
    /// </summary>
    public bool Dominates(Instruction definition, Instruction use) => Dominators.Dominates(definition, use);

    /// <summary>Whether <paramref name="definition"/> has completed on every path to the start of <paramref name="block"/>.</summary>
    public bool Dominates(Instruction definition, Block block) => Dominators.Dominates(definition, block);

    public Block? ImmediateDominator(Block b) => Dominators.ImmediateDominator(b);

    public bool IsReachable(Block b) => Dominators.IsReachable(b);

    public IReadOnlySet<Block> Frontier(Block b) => frontier[b];

    /// <summary>The iterated dominance frontier DF+(S): where a value defined in the blocks of S needs a merge.</summary>
    public HashSet<Block> IteratedFrontier(IEnumerable<Block> definitions)
    {
        var result = new HashSet<Block>();
        var work = new Stack<Block>(definitions);
        var seen = new HashSet<Block>(work);
        while (work.Count > 0)
            foreach (var f in frontier[work.Pop()])
                if (result.Add(f) && seen.Add(f)) work.Push(f);
        return result;
    }

    /// <summary>Reachable blocks, each before the blocks it dominates.</summary>
    public List<Block> Preorder()
    {
        var order = new List<Block>();
        var stack = new Stack<Block>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            var b = stack.Pop();
            order.Add(b);
            for (int k = children[b].Count - 1; k >= 0; k--) stack.Push(children[b][k]);
        }
        return order;
    }
}
