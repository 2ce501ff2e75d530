using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// bce: removes `boundscheck %a, %i` where the index is provably within the array:
/// 0 &lt;= i &lt; length(a). It needs SSA values for the array and the index, so run mem2reg
/// first (on the importer's output, locals are slots and the pass finds nothing).
///
/// Upper bound, from the conditions that are known true at the check: a block entered only through
/// one edge of a `condbr` knows that branch's condition (or its negation), and so does every block
/// it dominates, since the compared SSA values never change. The check goes if such a condition says
///  - i &lt; length(a), signed or unsigned, where the length is `arraylength` of the same SSA array
///    (seen through the `zext`/`trunc` pair the importer emits for `ldlen; conv.i4`), or
///  - i &lt; C (or i &lt;= C) with C &lt;= the array's known length;
/// or the index is a constant below a known length. Known length: the array is a `newarray` of a
/// constant count (in SSA, the same value is that array, whatever else the program does).
///
/// Lower bound: a signed `i &lt; length` leaves i &gt;= 0 to prove (an unsigned one does not, since
/// the length is non-negative). Non-negative are: constants &gt;= 0, `zext`, `arraylength`, `and` with
/// a non-negative side, `lshr` by a non-zero constant, values a known condition bounds below by 0, a
/// block parameter whose every incoming value is non-negative, and the canonical induction variable:
/// a loop header's parameter (Loops) whose values from outside the loop are non-negative and whose
/// values around the back edges are the parameter itself or `add` of it and 1 where a condition
/// p &lt; x (signed) is known, which keeps p + 1 from wrapping. So `for (i = 0; i &lt; a.Length; i++) a[i]`
/// loses its check, and so does the loop with `int n = a.Length` hoisted.
///
/// Why it is sound: boundscheck throws exactly when not (0 &lt;= i &lt; length(a)) (as an unsigned
/// comparison); each rule above proves that range wherever the check executes, so it never throws.
/// </summary>
[Pass("bce", Description = "Remove bounds checks that dominating loop conditions or constant lengths prove (after mem2reg)")]
public sealed class BoundsCheckElimination : IFunctionPass
{
    /// <param name="UnwindEdgesRemoved">Removed checks that had a handler: each was an exceptional edge.</param>
    public sealed record Result(int Removed, int ConstantIndexRemoved, IReadOnlyList<Instruction> Kept, int UnwindEdgesRemoved = 0);

    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var r = Eliminate(function, context.Analyses.Dominators(function), context.Analyses.Get<Loops>(function));
        foreach (var check in r.Kept)
            context.Remark(RemarkKind.Missed, function, "bounds check kept: the index is not proven within the array", check);
        if (r.Removed == 0) return PreservedAnalyses.All;
        context.Count("bounds checks removed", r.Removed);
        context.Count("constant-index checks removed", r.ConstantIndexRemoved);
        // A check inside a try block unwinds to its handler: removing it removes that edge.
        return r.UnwindEdgesRemoved > 0 ? PreservedAnalyses.None : PreservedAnalyses.ControlFlow;
    }

    public static Result Eliminate(Function function, Dominators dominators, Loops loops)
    {
        var kept = new List<Instruction>();
        if (function.IsDeclaration) return new Result(0, 0, kept);
        var facts = new Facts(function, dominators, loops);
        int removed = 0, constant = 0, unwindEdges = 0;
        foreach (var check in function.Instructions.Where(i => i.Opcode == Opcode.BoundsCheck).ToList())
        {
            if (!dominators.IsReachable(check.Block!)) continue;
            var (array, index) = (check.Operands[0], check.Operands[1]);
            bool constantIndex = Constant(index) is { } c && c >= 0 && c < KnownLength(array);
            if (constantIndex || facts.InRange(index, array, check.Block!))
            {
                if (check.Unwind is not null) unwindEdges++;
                check.Erase();
                removed++;
                if (constantIndex) constant++;
            }
            else kept.Add(check);
        }
        return new Result(removed, constant, kept, unwindEdges);
    }

    /// <summary>The length of an array allocated here with a constant count.</summary>
    public static long? KnownLength(Value array) =>
        array is Instruction { Opcode: Opcode.NewArray } a && a.Operands[0] is Instruction { Opcode: Opcode.ConstInt } n
            ? ConstantFolding.Normalize(n.IntValue, n.Type) : null;

    private static long? Constant(Value v) =>
        v is Instruction { Opcode: Opcode.ConstInt } c && c.Type.IsInteger ? ConstantFolding.Normalize(c.IntValue, c.Type) : null;

    /// <summary>A known condition: Left Predicate Right holds.</summary>
    private readonly record struct Fact(Value Left, Predicate Predicate, Value Right);

    private sealed class Facts
    {
        private const int MaxDepth = 8;
        private readonly Dominators dominators;
        private readonly Loops loops;
        private readonly Dictionary<Block, List<(Instruction Branch, BlockTarget Edge)>> incoming;
        private readonly Dictionary<Block, List<Fact>> known = new();

        public Facts(Function function, Dominators dominators, Loops loops)
        {
            this.dominators = dominators;
            this.loops = loops;
            incoming = function.IncomingEdges();
        }

        public bool InRange(Value index, Value array, Block at)
        {
            long? length = KnownLength(array);
            foreach (var f in KnownAt(at))
            {
                var (left, p, right) = Oriented(f, index);
                if (left != index) continue;
                var c = Constant(right);
                // An unsigned bound compares the constant as unsigned: only a non-negative one bounds anything.
                if (p is Predicate.ULt or Predicate.ULe && c < 0) continue;
                bool below = p switch
                {
                    Predicate.SLt or Predicate.ULt => IsLengthOf(right, array) || c <= length,
                    Predicate.SLe or Predicate.ULe => c < length,
                    _ => false,
                };
                if (!below) continue;
                // An unsigned bound below a non-negative length already excludes negative indices.
                if (p is Predicate.ULt or Predicate.ULe || NonNegative(index, at, MaxDepth, new HashSet<Value>())) return true;
            }
            return false;
        }

        /// <summary>The fact with <paramref name="subject"/> on the left if it is on the right (x &gt; i becomes i &lt; x).</summary>
        private static Fact Oriented(Fact f, Value subject) =>
            f.Right == subject && f.Left != subject ? new Fact(f.Right, Swapped(f.Predicate), f.Left) : f;

        private static bool IsLengthOf(Value v, Value array)
        {
            // ldlen gives a native int; conv.i4 narrows it back: trunc (zext|sext (arraylength a)).
            if (v is Instruction { Opcode: Opcode.Trunc } t && t.Operands[0] is Instruction { Opcode: Opcode.ZExt or Opcode.SExt } w
                && w.Operands[0].Type == t.Type)
                v = w.Operands[0];
            return v is Instruction { Opcode: Opcode.ArrayLength } len && len.Operands[0] == array;
        }

        /// <summary>Conditions that hold whenever <paramref name="block"/> runs: those of the single-edge entries of it and its dominators.</summary>
        private List<Fact> KnownAt(Block block)
        {
            // Walk up to the nearest dominator already done, then fill in downwards (no recursion:
            // dominator trees of large functions are deep).
            var chain = new Stack<Block>();
            for (Block? b = block; b is not null && !known.ContainsKey(b); b = dominators.ImmediateDominator(b)) chain.Push(b);
            while (chain.Count > 0)
            {
                var b = chain.Pop();
                var facts = dominators.ImmediateDominator(b) is { } idom ? new List<Fact>(known[idom]) : new List<Fact>();
                if (incoming[b] is [var (branch, edge)] && branch.Opcode == Opcode.CondBr
                    && branch.Operands[0] is Instruction { Opcode: Opcode.ICmp } cmp && ConstantFolding.IsFoldableType(cmp.Operands[0].Type))
                {
                    bool taken = edge == branch.Targets[0];
                    facts.Add(new Fact(cmp.Operands[0], taken ? cmp.Predicate : Negated(cmp.Predicate), cmp.Operands[1]));
                }
                known[b] = facts;
            }
            return known[block];
        }

        private bool NonNegative(Value v, Block at, int depth, HashSet<Value> visiting)
        {
            if (depth == 0 || !visiting.Add(v)) return false;
            try
            {
                if (Constant(v) is { } c) return c >= 0;
                if (KnownAt(at).Any(f => BoundsBelowByZero(Oriented(f, v), v))) return true;
                switch (v)
                {
                    case Instruction { Opcode: Opcode.ZExt } z:
                        return z.Operands[0].Type == IrType.Bool || z.Operands[0].Type.Size < z.Type.Size;
                    case Instruction { Opcode: Opcode.ArrayLength }:
                        return true;
                    case Instruction { Opcode: Opcode.And } and:
                        return NonNegative(and.Operands[0], at, depth - 1, visiting) || NonNegative(and.Operands[1], at, depth - 1, visiting);
                    case Instruction { Opcode: Opcode.LShr } shr:
                        return Constant(shr.Operands[1]) is { } n && (n & (ConstantFolding.Bits(shr.Type) - 1)) != 0;
                    case BlockParameter p when p.Block != p.Block.Function.Entry:
                        return ParameterNonNegative(p, depth, visiting);
                }
                return false;
            }
            finally { visiting.Remove(v); }
        }

        private static bool BoundsBelowByZero(Fact f, Value v) =>
            f.Left == v && Constant(f.Right) is { } c && (f.Predicate == Predicate.SGe && c >= 0 || f.Predicate == Predicate.SGt && c >= -1);

        /// <summary>Every incoming value is non-negative; around a loop's back edges, the parameter may also step up by one without wrapping.</summary>
        private bool ParameterNonNegative(BlockParameter p, int depth, HashSet<Value> visiting)
        {
            int k = p.Block.Parameters.IndexOf(p);
            var loop = loops.LoopWithHeader(p.Block);
            foreach (var (branch, edge) in incoming[p.Block])
            {
                var source = branch.Block!;
                if (!dominators.IsReachable(source)) continue;
                var value = edge.Arguments[k];
                if (loop is not null && loop.Contains(source))
                {
                    if (value == p || IsNonWrappingIncrement(value, p)) continue;
                }
                if (!NonNegative(value, source, depth - 1, visiting)) return false;
            }
            return true;
        }

        /// <summary>`add p, 1` where p &lt; x (signed) is known, so p &lt; MaxValue and the add does not wrap.</summary>
        private bool IsNonWrappingIncrement(Value v, BlockParameter p)
        {
            if (v is not Instruction { Opcode: Opcode.Add } add) return false;
            var other = add.Operands[0] == p ? add.Operands[1] : add.Operands[1] == p ? add.Operands[0] : null;
            if (other is null || Constant(other) != 1) return false;
            return KnownAt(add.Block!).Any(f => Oriented(f, p) is { Predicate: Predicate.SLt } o && o.Left == p);
        }

        private static Predicate Negated(Predicate p) => p switch
        {
            Predicate.Eq => Predicate.Ne, Predicate.Ne => Predicate.Eq,
            Predicate.SLt => Predicate.SGe, Predicate.SGe => Predicate.SLt,
            Predicate.SLe => Predicate.SGt, Predicate.SGt => Predicate.SLe,
            Predicate.ULt => Predicate.UGe, Predicate.UGe => Predicate.ULt,
            Predicate.ULe => Predicate.UGt, Predicate.UGt => Predicate.ULe,
            _ => Predicate.None,
        };

        private static Predicate Swapped(Predicate p) => p switch
        {
            Predicate.SLt => Predicate.SGt, Predicate.SGt => Predicate.SLt,
            Predicate.SLe => Predicate.SGe, Predicate.SGe => Predicate.SLe,
            Predicate.ULt => Predicate.UGt, Predicate.UGt => Predicate.ULt,
            Predicate.ULe => Predicate.UGe, Predicate.UGe => Predicate.ULe,
            _ => p,
        };
    }
}
