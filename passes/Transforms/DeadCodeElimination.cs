using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// dce: removes instructions whose results nobody needs and that have no side effects, and block
/// parameters whose values nobody needs (with the argument every branch passes for them).
///
/// It marks instead of deleting until nothing changes: every instruction with side effects
/// (OpcodeFacts.HasSideEffects: stores, calls, checks, throwing arithmetic, allocation,
/// terminators) and every volatile load is live; whatever a live instruction reads is live; a live block parameter makes the
/// argument each branch passes for it live. Everything unmarked is dead, including cycles that only
/// feed themselves (a loop counter that is incremented and passed around but never read), which a
/// "delete if unused" worklist never removes. One marking pass reaches the fixpoint such a worklist
/// would iterate to.
///
/// Why it is sound: an unmarked instruction has no side effect, and no side-effecting instruction,
/// terminator condition or return value depends on it, so removing it changes no observable
/// behaviour. Branch arguments are not uses in themselves: the branch still happens without them.
/// The entry block's parameters are the function's signature and are never removed.
///
/// It marks from the roots rather than asking the use lists (<see cref="Value.HasUses"/>) because a
/// dead cycle keeps uses; the removal is one batch erase (<see cref="Rewriting.Erase"/>), linear in
/// the function.
/// </summary>
[Pass("dce", Description = "Remove side-effect-free instructions and block parameters whose values are never needed")]
public sealed class DeadCodeElimination : IFunctionPass
{
    public sealed record Result(int InstructionsRemoved, int ParametersRemoved);

    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var result = Eliminate(function);
        if (result.InstructionsRemoved + result.ParametersRemoved == 0) return PreservedAnalyses.All;
        context.Count("instructions removed", result.InstructionsRemoved);
        context.Count("block parameters removed", result.ParametersRemoved);
        return PreservedAnalyses.ControlFlow;
    }

    public static Result Eliminate(Function function)
    {
        if (function.IsDeclaration) return new Result(0, 0);
        var incoming = function.IncomingEdges();
        var live = new HashSet<Value>();
        var work = new Stack<Value>();
        void MarkLive(Value v)
        {
            if (live.Add(v)) work.Push(v);
        }

        foreach (var i in function.Instructions)
            if (i.Opcode.HasSideEffects() || i.Volatile) MarkLive(i);
        foreach (var p in function.Entry.Parameters) live.Add(p);
        while (work.Count > 0)
        {
            switch (work.Pop())
            {
                case Instruction i:
                    foreach (var o in i.Operands) MarkLive(o);
                    break;
                case BlockParameter p:
                    int index = p.Block.Parameters.IndexOf(p);
                    foreach (var (_, edge) in incoming[p.Block]) MarkLive(edge.Arguments[index]);
                    break;
            }
        }

        // Parameters first: a dead instruction may still be passed for a dead parameter, and what is
        // erased must have no uses left. Then all dead instructions at once, since they may use each
        // other across blocks.
        int parameters = 0;
        foreach (var b in function.Blocks)
        {
            if (b == function.Entry) continue;
            for (int k = b.Parameters.Count - 1; k >= 0; k--)
            {
                if (live.Contains(b.Parameters[k])) continue;
                b.RemoveParameter(k, incoming[b].Select(e => e.Edge));
                parameters++;
            }
        }
        var dead = new HashSet<Instruction>();
        foreach (var b in function.Blocks)
            foreach (var i in b.Instructions)
                if (!live.Contains(i)) dead.Add(i);
        function.Erase(dead);
        return new Result(dead.Count, parameters);
    }
}
