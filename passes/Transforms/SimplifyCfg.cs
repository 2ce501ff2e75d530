using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// simplifycfg: tidies the control-flow graph that the importer, inlining and sccp leave behind.
/// Until nothing changes:
///  1. blocks not reachable from the entry are deleted;
///  2. a branch that cannot choose is made a `br`: a `condbr` or `switch` on a `const`, and one whose
///     targets are all the same block with the same arguments;
///  3. jumps are threaded through empty blocks: an edge into a block that holds nothing but
///     `br T(args)` goes straight to T, with the block's parameters in args replaced by what the
///     edge passed for them (unless the branch already has an edge into T with other arguments:
///     the backend turns block parameters into phis, which take one value per predecessor);
///  4. a block whose only predecessor ends in a `br` to it (and has no other successor) is merged
///     into that predecessor, its parameters replaced by the branch's arguments.
///
/// Why it is sound: (1) unreachable code never runs, and valid SSA never uses its values in
/// reachable code. (2) both ways lead to the same place with the same values. (3) the empty block
/// does nothing but rename values, and its parameters are used only by its own branch (checked), so
/// skipping it passes the same values; every other argument was defined in a block dominating the
/// empty block, hence dominating each of its predecessors. Dominators of the target other than the
/// skipped block stay dominators. (4) the two blocks always run one after the other; a block
/// parameter with one incoming edge is that edge's argument.
/// The entry block is never a target, so it is never threaded or merged away.
/// </summary>
[Pass("simplifycfg", Description = "Delete unreachable blocks, fold branches that cannot choose, thread empty blocks, merge straight-line blocks")]
public sealed class SimplifyCfg : IFunctionPass
{
    public sealed record Result(int UnreachableRemoved, int BranchesFolded, int JumpsThreaded, int BlocksMerged)
    {
        public bool Changed => UnreachableRemoved + BranchesFolded + JumpsThreaded + BlocksMerged > 0;
    }

    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var r = Simplify(function);
        if (!r.Changed) return PreservedAnalyses.All;
        context.Count("unreachable blocks removed", r.UnreachableRemoved);
        context.Count("branches folded", r.BranchesFolded);
        context.Count("jumps threaded", r.JumpsThreaded);
        context.Count("blocks merged", r.BlocksMerged);
        return PreservedAnalyses.None;
    }

    public static Result Simplify(Function function)
    {
        if (function.IsDeclaration) return new Result(0, 0, 0, 0);
        int unreachable = 0, folded = 0, threaded = 0, merged = 0;
        while (true)
        {
            int u = RemoveUnreachableBlocks(function);
            int f = FoldBranchesThatCannotChoose(function);
            int t = ThreadEmptyBlocks(function);
            int m = MergeIntoPredecessors(function);
            if (u + f + t + m == 0) break;
            unreachable += u; folded += f; threaded += t; merged += m;
        }
        return new Result(unreachable, folded, threaded, merged);
    }

    public static int RemoveUnreachableBlocks(Function function)
    {
        var reachable = new HashSet<Block>(Dominators.Postorder(function));
        return function.EraseBlocks(b => !reachable.Contains(b));
    }

    public static int FoldBranchesThatCannotChoose(Function function)
    {
        int folded = 0;
        foreach (var b in function.Blocks)
        {
            var term = b.Terminator;
            if (term is null || term.Opcode is not (Opcode.CondBr or Opcode.Switch)) continue;
            BlockTarget? taken = null;
            if (term.Operands[0] is Instruction { Opcode: Opcode.ConstInt } c)
            {
                long value = ConstantFolding.Normalize(c.IntValue, c.Type);
                taken = term.Opcode == Opcode.CondBr
                    ? term.Targets[value != 0 ? 0 : 1]
                    : term.Targets.Skip(1).Where((_, k) => ConstantFolding.Normalize(term.CaseValues[k], c.Type) == value).FirstOrDefault() ?? term.Targets[0];
            }
            else if (term.Targets.All(t => t.Block == term.Targets[0].Block && t.Arguments.SequenceEqual(term.Targets[0].Arguments)))
            {
                taken = term.Targets[0];
            }
            if (taken is null) continue;
            term.Opcode = Opcode.Br;
            term.Operands.Clear();
            term.CaseValues.Clear();
            term.Targets.RemoveAll(t => t != taken);
            folded++;
        }
        return folded;
    }

    public static int ThreadEmptyBlocks(Function function)
    {
        int threaded = 0;
        var incoming = function.IncomingEdges();
        // Successors before predecessors: an empty block's own branch already goes where its successors'
        // did, so each edge into a run of empty blocks jumps to the run's end once, not one block per round
        // (in program order a chain of n empty blocks moved O(n²) edges).
        foreach (var b in Dominators.Postorder(function))
        {
            if (b == function.Entry || b.Instructions.Count != 1 || b.Terminator is not { Opcode: Opcode.Br } br) continue;
            var exit = br.Targets[0];
            if (exit.Block == b || b.Parameters.Any(UsedOutsideOwnBranch)) continue;
            var kept = new List<(Instruction, BlockTarget)>();
            foreach (var (branch, edge) in incoming[b])
            {
                var passed = exit.Arguments.Select(a => a is BlockParameter p && p.Block == b ? edge.Arguments[b.Parameters.IndexOf(p)] : a).ToList();
                // Two edges of one branch into one block must pass the same values: the backend
                // makes block parameters phis, which take one value per predecessor block.
                if (branch.Targets.Any(t => t != edge && t.Block == exit.Block && !t.Arguments.SequenceEqual(passed)))
                {
                    kept.Add((branch, edge));
                    continue;
                }
                edge.Block = exit.Block;
                edge.Arguments.Clear();
                edge.Arguments.AddRange(passed);
                incoming[exit.Block].Add((branch, edge));
                threaded++;
            }
            incoming[b] = kept;
        }
        return threaded;
    }

    /// <summary>Whether the block parameter is used anywhere but as an argument of its own block's terminator.</summary>
    private static bool UsedOutsideOwnBranch(BlockParameter p)
    {
        foreach (var use in p.Uses)
            if (!use.IsBranchArgument || use.User.Block != p.Block) return true;
        return false;
    }

    public static int MergeIntoPredecessors(Function function)
    {
        var incoming = function.IncomingEdges();
        var replacement = new Dictionary<Value, Value>();
        var mergedAway = new HashSet<Block>();
        foreach (var b in function.Blocks)
        {
            if (incoming[b] is not [var (branch, edge)] || branch.Opcode != Opcode.Br) continue;
            var pred = branch.Block!;
            if (pred == b) continue;
            for (int k = 0; k < b.Parameters.Count; k++) replacement[b.Parameters[k]] = edge.Arguments[k];
            // The branch is the predecessor's last instruction: no search through a block that grows with every merge.
            pred.Instructions.RemoveAt(pred.Instructions.Count - 1);
            foreach (var i in b.Instructions) pred.Append(i);
            b.Instructions.Clear();
            mergedAway.Add(b);
        }
        function.Blocks.RemoveAll(mergedAway.Contains);
        function.ReplaceUses(replacement);
        return mergedAway.Count;
    }
}
