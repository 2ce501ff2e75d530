using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// sccp: sparse conditional constant propagation (Wegman and Zadeck, "Constant Propagation with
/// Conditional Branches", 1991) over integer and bool values.
///
/// Every value starts at ⊤ (no information yet) and only moves down the lattice ⊤ → constant → ⊥
/// (not a constant). Starting from the entry block, the solver marks CFG edges executable as it
/// finds them: an unconditional branch's edge at once, a conditional branch's or switch's only once
/// its condition is known (just the taken edge if the condition is constant). A block parameter is
/// the meet of the arguments on its executable incoming edges only, so a value that is constant on
/// every path that can actually run is found constant even where the CFG alone says otherwise,
/// e.g. a loop that is never entered. When nothing changes any more:
///  - instructions with a constant value become `const` (in place, so their uses need no rewriting);
///  - block parameters with a constant value are replaced by a `const` and removed;
///  - a `condbr`/`switch` on a constant becomes a `br` to the one target that can run;
///  - an `overflowcheck` on a constant false is removed.
///
/// Folding follows .NET: arithmetic wraps; shift counts are masked to the width; a division or
/// remainder by zero, MinValue / -1 and a checked operation that overflows are never folded (they
/// throw, see ConstantFolding). Floats are not tracked (every float value is ⊥).
///
/// Why it is sound: the solver is optimistic only about edges it has not yet seen executed and
/// revises every value that depends on a newly executable edge, so at the fixpoint a constant is a
/// value the instruction produces on every execution, and an edge never marked cannot run.
/// Blocks that only such edges lead to become unreachable; simplifycfg deletes them.
/// </summary>
[Pass("sccp", Description = "Sparse conditional constant propagation over integers; folds branches on constants")]
public sealed class Sccp : IFunctionPass
{
    /// <param name="UnwindEdgesRemoved">Folded or removed instructions that had an unwind target: an
    /// exceptional edge gone, so the control flow changed even when no branch was folded.</param>
    public sealed record Result(int InstructionsFolded, int ParametersFolded, int BranchesFolded, int SwitchesFolded, int OverflowChecksRemoved, int UnwindEdgesRemoved = 0)
    {
        public bool Changed => InstructionsFolded + ParametersFolded + BranchesFolded + SwitchesFolded + OverflowChecksRemoved > 0;
    }

    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var r = Propagate(function);
        if (!r.Changed) return PreservedAnalyses.All;
        context.Count("instructions folded", r.InstructionsFolded);
        context.Count("block parameters folded", r.ParametersFolded);
        context.Count("conditional branches folded", r.BranchesFolded);
        context.Count("switches folded", r.SwitchesFolded);
        context.Count("overflow checks removed", r.OverflowChecksRemoved);
        if (r.BranchesFolded + r.SwitchesFolded > 0)
            context.Remark(RemarkKind.Passed, function, $"{r.BranchesFolded + r.SwitchesFolded} branch(es) on constants folded");
        return r.BranchesFolded + r.SwitchesFolded + r.UnwindEdgesRemoved > 0 ? PreservedAnalyses.None : PreservedAnalyses.ControlFlow;
    }

    public static Result Propagate(Function function)
    {
        if (function.IsDeclaration) return new Result(0, 0, 0, 0, 0);
        var solver = new Solver(function);
        solver.Solve();
        return solver.Rewrite();
    }

    /// <summary>A lattice value: ⊤ (Top), a constant, or ⊥ (Bottom).</summary>
    private readonly record struct Lattice(int Level, long Constant)
    {
        public static readonly Lattice Top = new(0, 0);
        public static readonly Lattice Bottom = new(2, 0);
        public static Lattice Of(long c) => new(1, c);
        public bool IsTop => Level == 0;
        public bool IsConstant => Level == 1;
        public bool IsBottom => Level == 2;

        public Lattice Meet(Lattice other) =>
            IsTop ? other : other.IsTop ? this : IsConstant && other.IsConstant && Constant == other.Constant ? this : Bottom;
    }

    private sealed class Solver
    {
        private readonly Function function;
        private readonly Dictionary<Value, Lattice> values = new();
        private readonly Dictionary<Value, List<Instruction>> users = new();
        private readonly Dictionary<Value, List<BlockTarget>> passedOn = new();
        private readonly Dictionary<Block, List<BlockTarget>> incoming;
        private readonly HashSet<Block> executableBlocks = new();
        private readonly HashSet<BlockTarget> executableEdges = new();
        private readonly Queue<BlockTarget> edgeWork = new();
        private readonly Queue<Value> valueWork = new();

        public Solver(Function function)
        {
            this.function = function;
            incoming = function.Blocks.ToDictionary(b => b, _ => new List<BlockTarget>());
            foreach (var i in function.Instructions)
            {
                foreach (var o in i.Operands.Distinct()) Add(users, o, i);
                foreach (var t in i.Targets)
                {
                    incoming[t.Block].Add(t);
                    foreach (var a in t.Arguments.Distinct()) Add(passedOn, a, t);
                }
            }
        }

        private static void Add<T>(Dictionary<Value, List<T>> map, Value key, T item)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<T>();
            list.Add(item);
        }

        private Lattice Get(Value v) => values.TryGetValue(v, out var l) ? l : Lattice.Top;

        private void Set(Value v, Lattice l)
        {
            // Values only move down the lattice; a second, different constant means ⊥.
            var old = Get(v);
            if (l.IsTop || old.IsBottom) return;
            var lowered = old.IsTop ? l : l.IsConstant && l.Constant == old.Constant ? old : Lattice.Bottom;
            if (lowered == old) return;
            values[v] = lowered;
            valueWork.Enqueue(v);
        }

        public void Solve()
        {
            executableBlocks.Add(function.Entry);
            foreach (var p in function.Entry.Parameters) values[p] = Lattice.Bottom;
            VisitBlock(function.Entry);
            while (edgeWork.Count > 0 || valueWork.Count > 0)
            {
                while (edgeWork.Count > 0)
                {
                    var edge = edgeWork.Dequeue();
                    if (!executableEdges.Add(edge)) continue;
                    if (executableBlocks.Add(edge.Block)) VisitBlock(edge.Block);
                    else foreach (var p in edge.Block.Parameters) VisitParameter(p);
                }
                while (valueWork.Count > 0)
                {
                    var v = valueWork.Dequeue();
                    foreach (var u in users.GetValueOrDefault(v) ?? new())
                        if (executableBlocks.Contains(u.Block!)) Visit(u);
                    foreach (var edge in passedOn.GetValueOrDefault(v) ?? new())
                        if (executableEdges.Contains(edge)) foreach (var p in edge.Block.Parameters) VisitParameter(p);
                }
            }
        }

        private void VisitBlock(Block b)
        {
            foreach (var p in b.Parameters) VisitParameter(p);
            foreach (var i in b.Instructions) Visit(i);
        }

        private void VisitParameter(BlockParameter p)
        {
            if (p.Block == function.Entry) return;
            if (!ConstantFolding.IsFoldableType(p.Type)) { Set(p, Lattice.Bottom); return; }
            int index = p.Block.Parameters.IndexOf(p);
            var meet = Lattice.Top;
            foreach (var edge in incoming[p.Block])
                if (executableEdges.Contains(edge)) meet = meet.Meet(Get(edge.Arguments[index]));
            Set(p, meet);
        }

        private void Visit(Instruction i)
        {
            // An instruction that runs and may throw makes its handler reachable.
            if (i.Unwind is { } handler && executableBlocks.Add(handler)) VisitBlock(handler);
            switch (i.Opcode)
            {
                case Opcode.Br:
                    edgeWork.Enqueue(i.Targets[0]);
                    return;
                case Opcode.CondBr:
                {
                    var c = Get(i.Operands[0]);
                    if (c.IsBottom) { edgeWork.Enqueue(i.Targets[0]); edgeWork.Enqueue(i.Targets[1]); }
                    else if (c.IsConstant) edgeWork.Enqueue(i.Targets[c.Constant != 0 ? 0 : 1]);
                    return;
                }
                case Opcode.Switch:
                {
                    var c = Get(i.Operands[0]);
                    if (c.IsBottom) foreach (var t in i.Targets) edgeWork.Enqueue(t);
                    else if (c.IsConstant) edgeWork.Enqueue(SwitchTarget(i, c.Constant));
                    return;
                }
            }
            if (i.HasResult) Set(i, Evaluate(i));
        }

        private Lattice Evaluate(Instruction i)
        {
            if (!ConstantFolding.IsFoldableType(i.Type)) return Lattice.Bottom;
            if (i.Opcode == Opcode.ConstInt) return Lattice.Of(ConstantFolding.Normalize(i.IntValue, i.Type));
            if (i.Opcode == Opcode.Select)
            {
                // A known condition picks one side, whatever the other is.
                var c = Get(i.Operands[0]);
                if (c.IsConstant) return Get(i.Operands[c.Constant != 0 ? 1 : 2]);
                return c.IsTop ? Lattice.Top : Get(i.Operands[1]).Meet(Get(i.Operands[2])) is { IsTop: false } m ? m : Lattice.Top;
            }
            if (!IsFoldableOpcode(i)) return Lattice.Bottom;
            var operands = new long[i.Operands.Count];
            bool top = false;
            for (int k = 0; k < operands.Length; k++)
            {
                var l = Get(i.Operands[k]);
                if (l.IsBottom) return Lattice.Bottom;
                top |= l.IsTop;
                operands[k] = l.Constant;
            }
            if (top) return Lattice.Top;
            return ConstantFolding.Fold(i, operands) is { } r ? Lattice.Of(r) : Lattice.Bottom;
        }

        private static bool IsFoldableOpcode(Instruction i) =>
            i.Opcode.IsIntegerBinary() || i.Opcode is Opcode.Neg or Opcode.Not or Opcode.Trunc or Opcode.SExt or Opcode.ZExt
            || (i.Opcode == Opcode.ICmp && ConstantFolding.IsFoldableType(i.Operands[0].Type));

        private static BlockTarget SwitchTarget(Instruction sw, long value)
        {
            var type = sw.Operands[0].Type;
            for (int k = 0; k < sw.CaseValues.Count; k++)
                if (ConstantFolding.Normalize(sw.CaseValues[k], type) == value) return sw.Targets[k + 1];
            return sw.Targets[0];
        }

        public Result Rewrite()
        {
            int folded = 0, parameters = 0, branches = 0, switches = 0, checks = 0, unwindEdges = 0;
            var replacement = new Dictionary<Value, Value>();
            foreach (var b in function.Blocks.Where(executableBlocks.Contains))
            {
                for (int k = b.Parameters.Count - 1; k >= 0 && b != function.Entry; k--)
                {
                    var p = b.Parameters[k];
                    if (!Get(p).IsConstant) continue;
                    var c = new Instruction(Opcode.ConstInt, p.Type) { IntValue = Get(p).Constant };
                    b.Insert(0, c);
                    replacement[p] = c;
                    b.RemoveParameter(k, incoming[b]);
                    parameters++;
                }
                foreach (var i in b.Instructions.ToList())
                {
                    if (i.HasResult && i.Opcode != Opcode.ConstInt && Get(i).IsConstant)
                    {
                        if (i.Unwind is not null) unwindEdges++;
                        ConstantFolding.MakeConstant(i, Get(i).Constant);
                        folded++;
                    }
                    else if (i.Opcode == Opcode.OverflowCheck && Get(i.Operands[0]) is { IsConstant: true, Constant: 0 })
                    {
                        if (i.Unwind is not null) unwindEdges++;
                        i.Erase();
                        checks++;
                    }
                    else if (i.Opcode is Opcode.CondBr or Opcode.Switch && Get(i.Operands[0]) is { IsConstant: true } c)
                    {
                        var taken = i.Opcode == Opcode.CondBr ? i.Targets[c.Constant != 0 ? 0 : 1] : SwitchTarget(i, c.Constant);
                        if (i.Opcode == Opcode.CondBr) branches++; else switches++;
                        i.Opcode = Opcode.Br;
                        i.Operands.Clear();
                        i.CaseValues.Clear();
                        i.Targets.RemoveAll(t => t != taken);
                    }
                }
            }
            function.ReplaceUses(replacement);
            return new Result(folded, parameters, branches, switches, checks, unwindEdges);
        }
    }
}
