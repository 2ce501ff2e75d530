using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// nce: removes `nullcheck %v` where %v is known not to be null. The importer checks the receiver of
/// every field access, array access and instance call, so after inlining one object is checked again
/// and again (a StringBuilder appended to sixty times in one method keeps sixty checks, and each is a
/// compare, a branch and a block for LLVM to wade through). A check goes when:
/// <list type="bullet">
/// <item>another check of the same value has already completed on every path to it: earlier in the
/// same block, or in a dominating block whose exceptional exits cannot lead here before that check
/// ran (<see cref="Dominators.Dominates(Instruction, Block)"/>: a check that throws into a handler
/// which flows on to the second check proves nothing there);</item>
/// <item>the value is made non-null: an allocation (newobject, newarray, newstring), a string
/// literal, or the address of a global, a stack slot, a type descriptor or a function;</item>
/// <item>a condition says so: the block is entered through the one edge of a `condbr` on
/// `icmp eq/ne %v, null` that excludes null, or is dominated by such a block.</item>
/// </list>
/// A value is looked at through `reinterpret` and `castclass` (which returns its operand or throws),
/// and through a block parameter that every edge passes the same value, so that the checks of one
/// object under different types are one object's checks. It needs SSA values (run mem2reg first).
///
/// Why it is sound: nullcheck throws exactly when its operand is null, and an SSA value never
/// changes; each rule above shows the operand non-null wherever the removed check would run.
/// </summary>
[Pass("nce", Description = "Remove null checks of values already checked on every path, allocated here, or tested against null (after mem2reg)")]
public sealed class NullCheckElimination : IFunctionPass
{
    /// <param name="UnwindEdgesRemoved">Removed checks that had a handler: each was an exceptional edge.</param>
    public sealed record Result(int Dominated, int Allocated, int Tested, int UnwindEdgesRemoved)
    {
        public int Removed => Dominated + Allocated + Tested;
    }

    public PreservedAnalyses Run(Function function, PassContext context)
    {
        if (function.IsDeclaration) return PreservedAnalyses.All;
        // Most functions check nothing twice: no analysis for those.
        if (!function.Instructions.Any(i => i.Opcode == Opcode.NullCheck)) return PreservedAnalyses.All;
        var r = Eliminate(function, context.Analyses.Dominators(function));
        if (r.Removed == 0) return PreservedAnalyses.All;
        context.Count("null checks removed", r.Removed);
        context.Count("null checks after a check of the same value", r.Dominated);
        context.Count("null checks of values allocated here", r.Allocated);
        context.Count("null checks under a test against null", r.Tested);
        // A check inside a try block unwinds to its handler: removing it removes that edge.
        return r.UnwindEdgesRemoved > 0 ? PreservedAnalyses.None : PreservedAnalyses.ControlFlow;
    }

    /// <summary>What a block knows about a value: a check that ran in it or above it, or a test at its entry.</summary>
    private readonly record struct Proof(Instruction? Check);

    public static Result Eliminate(Function function, Dominators dominators)
    {
        // The dominator tree's shape only (DominatorTree would also compute frontiers, unused here).
        var children = new Dictionary<Block, List<Block>>();
        foreach (var b in function.Blocks)
            if (dominators.ImmediateDominator(b) is { } parent)
            {
                if (!children.TryGetValue(parent, out var list)) children[parent] = list = new List<Block>();
                list.Add(b);
            }
        var incoming = function.IncomingEdges();
        var canonical = new Canonical(incoming);
        var known = new Dictionary<Value, List<Proof>>();
        var doomed = new HashSet<Instruction>();
        int dominated = 0, allocated = 0, tested = 0, unwind = 0;

        // Depth-first over the dominator tree without recursion (trees of long functions are deep):
        // a block's proofs are pushed on entry and popped when its subtree is done.
        var work = new Stack<(Block Block, bool Leaving, List<Value>? Pushed)>();
        work.Push((function.Entry, false, null));
        while (work.Count > 0)
        {
            var (block, leaving, pushed) = work.Pop();
            if (leaving)
            {
                foreach (var v in pushed!) known[v].RemoveAt(known[v].Count - 1);
                continue;
            }
            var added = new List<Value>();
            void Know(Value v, Proof p)
            {
                if (!known.TryGetValue(v, out var list)) known[v] = list = new List<Proof>();
                list.Add(p);
                added.Add(v);
            }

            if (ExcludedNull(block, incoming) is { } testedValue) Know(canonical.Of(testedValue), new Proof(null));
            foreach (var check in block.Instructions)
            {
                if (check.Opcode != Opcode.NullCheck) continue;
                var v = canonical.Of(check.Operands[0]);
                bool redundant;
                if (IsMadeNonNull(v)) { redundant = true; allocated++; }
                else if (known.TryGetValue(v, out var proofs) && proofs.Any(p => Holds(p, block, dominators)))
                {
                    redundant = true;
                    if (proofs.Any(p => p.Check is null)) tested++; else dominated++;
                }
                else redundant = false;
                if (redundant)
                {
                    doomed.Add(check);
                    if (check.Unwind is not null) unwind++;
                }
                else Know(v, new Proof(check));
            }
            work.Push((block, true, added));
            if (children.TryGetValue(block, out var below))
                for (int k = below.Count - 1; k >= 0; k--) work.Push((below[k], false, null));
        }
        function.Erase(doomed);
        return new Result(dominated, allocated, tested, unwind);
    }

    /// <summary>
    /// Whether <paramref name="proof"/>, made in <paramref name="at"/> or a block dominating it, holds
    /// there: a test at a block's entry holds in everything it dominates; a check holds after it in its
    /// own block (it is recorded only once passed) and in a dominated block that no exceptional exit
    /// at or before the check leads to.
    /// </summary>
    private static bool Holds(Proof proof, Block at, Dominators dominators) =>
        proof.Check is not { } check || check.Block == at || dominators.Dominates(check, at);

    /// <summary>The value a block's only entry edge proves non-null: the excluding side of a condbr on icmp eq/ne v, null.</summary>
    private static Value? ExcludedNull(Block block, Dictionary<Block, List<(Instruction Branch, BlockTarget Edge)>> incoming)
    {
        if (!incoming.TryGetValue(block, out var edges) || edges is not [var (branch, edge)]) return null;
        if (branch.Opcode != Opcode.CondBr || branch.Targets[0].Block == branch.Targets[1].Block) return null;
        if (branch.Operands[0] is not Instruction { Opcode: Opcode.ICmp, Predicate: Predicate.Eq or Predicate.Ne } cmp) return null;
        Value? subject = IsNull(cmp.Operands[1]) ? cmp.Operands[0] : IsNull(cmp.Operands[0]) ? cmp.Operands[1] : null;
        if (subject is null) return null;
        bool taken = edge == branch.Targets[0];
        // eq taken: null; eq not taken: non-null; ne the other way round.
        return taken == (cmp.Predicate == Predicate.Ne) ? subject : null;
    }

    private static bool IsNull(Value v) => v is Instruction { Opcode: Opcode.ConstNull };

    private static bool IsMadeNonNull(Value v) => v is Instruction
    {
        Opcode: Opcode.NewObject or Opcode.NewArray or Opcode.NewString or Opcode.StringLiteral
            or Opcode.GlobalAddr or Opcode.Alloca or Opcode.TypeDescriptor or Opcode.FunctionAddress
    };

    /// <summary>The value a check is about, seen through the operations that pass an object on unchanged.</summary>
    private sealed class Canonical(Dictionary<Block, List<(Instruction Branch, BlockTarget Edge)>> incoming)
    {
        private const int MaxDepth = 8;
        private readonly Dictionary<Value, Value> memo = new();

        public Value Of(Value v)
        {
            if (memo.TryGetValue(v, out var c)) return c;
            c = Strip(v, MaxDepth);
            memo[v] = c;
            return c;
        }

        private Value Strip(Value v, int depth)
        {
            for (; depth > 0; depth--)
            {
                switch (v)
                {
                    case Instruction { Opcode: Opcode.Reinterpret or Opcode.CastClass } i:
                        v = i.Operands[0];
                        continue;
                    case BlockParameter p when SameOnEveryEdge(p, depth) is { } same:
                        v = same;
                        continue;
                }
                break;
            }
            return v;
        }

        /// <summary>The one value (seen through) that every edge into the parameter's block passes it, if there is one.</summary>
        private Value? SameOnEveryEdge(BlockParameter p, int depth)
        {
            if (!incoming.TryGetValue(p.Block, out var edges) || edges.Count == 0) return null;
            int index = p.Block.Parameters.IndexOf(p);
            if (index < 0) return null;
            Value? same = null;
            foreach (var (_, edge) in edges)
            {
                if (index >= edge.Arguments.Count) return null;
                var arg = edge.Arguments[index];
                // A loop passing the parameter back to itself adds no other value.
                if (arg == p) continue;
                var seen = Strip(arg, depth - 1);
                if (seen == p) continue;
                if (same is null) same = seen;
                else if (same != seen) return null;
            }
            return same;
        }
    }
}
