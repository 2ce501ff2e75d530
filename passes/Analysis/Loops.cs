using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// A natural loop: the header and every block that reaches one of its back edges without passing the
/// header. All back edges into one header form one loop.
/// </summary>
public sealed class Loop
{
    internal Loop(Block header) { Header = header; }

    public Block Header { get; }
    /// <summary>Sources of the back edges (blocks inside the loop that branch to the header).</summary>
    public List<Block> Latches { get; } = new();
    public HashSet<Block> Blocks { get; } = new();
    public Loop? Parent { get; internal set; }
    public List<Loop> Children { get; } = new();
    /// <summary>1 for an outermost loop.</summary>
    public int Depth => Parent is null ? 1 : Parent.Depth + 1;

    public bool Contains(Block b) => Blocks.Contains(b);

    /// <summary>
    /// The block where code hoisted out of the loop goes: the header's only predecessor outside the
    /// loop, when its terminator goes nowhere but the header (so whatever it runs before branching
    /// runs exactly once per entry). Null when there is none: <see cref="Loops.CreatePreheader"/> makes one.
    /// Code inserted before its terminator runs after any instruction of it that may throw.
    /// </summary>
    public Block? Preheader { get; internal set; }

    /// <summary>
    /// Blocks outside the loop that a block inside it reaches in one edge, exceptional edges included
    /// (an exception thrown in the loop leaves it through its handler), each once, in block order.
    /// </summary>
    public List<Block> ExitBlocks { get; } = new();

    /// <summary>Blocks inside the loop with an edge, normal or exceptional, to a block outside it.</summary>
    public List<Block> ExitingBlocks { get; } = new();

    public override string ToString() => $"loop {Header} ({Blocks.Count} blocks)";
}

/// <summary>
/// The natural loops of a function, found from back edges (an edge whose target dominates its
/// source), nested by containment. Cycles without a dominating header (irreducible control flow,
/// which C# cannot produce without goto) are not loops here; passes that reason about loops simply
/// see nothing there. Depends only on the CFG.
/// </summary>
public sealed class Loops : IFunctionAnalysis<Loops>, ICfgAnalysis
{
    private readonly Dictionary<Block, Loop> byHeader = new();
    private readonly Dictionary<Block, Loop> innermost = new();

    private Loops(Function function, Dominators dominators)
    {
        var preds = Dominators.Predecessors(function);
        foreach (var b in function.Blocks)
        {
            if (!dominators.IsReachable(b)) continue;
            foreach (var h in b.Successors.Distinct())
                if (dominators.Dominates(h, b))
                {
                    if (!byHeader.TryGetValue(h, out var loop)) byHeader[h] = loop = new Loop(h);
                    loop.Latches.Add(b);
                }
        }
        foreach (var loop in byHeader.Values) CollectBody(loop, preds, dominators);

        // Natural loops with different headers are disjoint or nested: the parent is the smallest
        // other loop that holds the header. Assigning innermost loops smallest-first leaves every
        // block with its innermost loop.
        var bySize = byHeader.Values.OrderBy(l => l.Blocks.Count).ToList();
        foreach (var loop in bySize)
        {
            loop.Parent = bySize.FirstOrDefault(o => o != loop && o.Blocks.Count >= loop.Blocks.Count && o.Contains(loop.Header));
            loop.Parent?.Children.Add(loop);
            foreach (var b in loop.Blocks) innermost.TryAdd(b, loop);
        }
        // Block order, once: asking IndexOf for each loop made many loops in a big function quadratic.
        var position = new Dictionary<Block, int>();
        for (int k = 0; k < function.Blocks.Count; k++) position[function.Blocks[k]] = k;
        All = bySize.OrderBy(l => l.Depth).ThenBy(l => position[l.Header]).ToList();
        foreach (var loop in All) FindEntryAndExits(loop, position, preds, dominators);
    }

    /// <summary>The preheader, exits and exiting blocks of one loop, from its own blocks only; lists in block order.</summary>
    private static void FindEntryAndExits(Loop loop, Dictionary<Block, int> position, Dictionary<Block, List<Block>> preds, Dominators dominators)
    {
        var outside = preds[loop.Header].Where(p => !loop.Contains(p) && dominators.IsReachable(p)).ToList();
        if (outside.Count == 1 && outside[0].Terminator is { } branch && branch.Targets.All(t => t.Block == loop.Header)
            && !outside[0].UnwindTargets.Contains(loop.Header))
            loop.Preheader = outside[0];
        var exits = new HashSet<Block>();
        foreach (var b in loop.Blocks)
        {
            bool exiting = false;
            foreach (var s in b.Successors)
                if (!loop.Contains(s)) { exiting = true; exits.Add(s); }
            if (exiting) loop.ExitingBlocks.Add(b);
        }
        loop.ExitingBlocks.Sort((a, b) => position[a].CompareTo(position[b]));
        loop.ExitBlocks.AddRange(exits.OrderBy(b => position[b]));
    }

    /// <summary>
    /// Gives <paramref name="loop"/> a preheader if it has none: a new block that takes the header's
    /// parameters and branches to the header with them, and that every edge from outside the loop now
    /// enters instead. Null when the header is a handler (entered by unwind edges, which carry no
    /// arguments and cannot be redirected to a block without a landingpad) or the function's entry.
    /// Changes the control flow: the caller returns <see cref="PreservedAnalyses.None"/> or at most
    /// what survives a CFG change, and asks for Loops again.
    /// </summary>
    public static Block? CreatePreheader(Function function, Loop loop)
    {
        if (loop.Preheader is { } existing) return existing;
        var header = loop.Header;
        if (header == function.Entry || header.Instructions.FirstOrDefault()?.Opcode == Opcode.LandingPad) return null;
        var preheader = function.AddBlock();
        // Just before the header, so printed IR reads in the order it runs.
        function.Blocks.Remove(preheader);
        function.Blocks.Insert(function.Blocks.IndexOf(header), preheader);
        var parameters = header.Parameters.Select(p => (Value)preheader.AddParameter(p.Type)).ToList();
        foreach (var b in function.Blocks)
        {
            if (b == preheader || loop.Contains(b) || b.Terminator is not { } branch) continue;
            foreach (var t in branch.Targets)
                if (t.Block == header) t.Block = preheader;
        }
        Builder.AtEnd(preheader).Br(header, parameters);
        loop.Preheader = preheader;
        return preheader;
    }

    public static Loops Compute(Function function, AnalysisManager analyses) => new(function, analyses.Dominators(function));

    /// <summary>For callers without an analysis manager (tests).</summary>
    public static Loops Compute(Function function) => new(function, new Dominators(function));

    /// <summary>Every loop, outer loops before the loops they contain.</summary>
    public IReadOnlyList<Loop> All { get; }

    public Loop? LoopWithHeader(Block b) => byHeader.GetValueOrDefault(b);

    /// <summary>The innermost loop that contains <paramref name="b"/>, or null outside every loop.</summary>
    public Loop? InnermostLoop(Block b) => innermost.GetValueOrDefault(b);

    /// <summary>Walks backwards from the latches; the header stops the walk, so only the loop's blocks are found.</summary>
    private static void CollectBody(Loop loop, Dictionary<Block, List<Block>> preds, Dominators dominators)
    {
        loop.Blocks.Add(loop.Header);
        var work = new Stack<Block>();
        foreach (var latch in loop.Latches)
            if (loop.Blocks.Add(latch)) work.Push(latch);
        while (work.Count > 0)
            foreach (var p in preds[work.Pop()])
                if (dominators.IsReachable(p) && loop.Blocks.Add(p)) work.Push(p);
    }
}
