using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// inline: replaces direct calls by a copy of the callee's body where a cost model says it pays,
/// working bottom-up over the call graph so that a callee is already as inlined as it will get when
/// its callers are considered.
///
/// The cost of a call site is the callee's instruction count, less a bonus for each constant
/// argument (the copy will fold) and a bonus when this is the callee's only call site and the
/// callee is not visible outside the image (the copy is then the only one that must stay). A site
/// is inlined when the cost is at most the threshold. Never inlined: declarations, callees marked
/// NoInline, callees in a recursive cycle (inlining would never end), and callees that use
/// stackalloc (the inlined buffer would not be released at the inlined return, so a call in a loop
/// would exhaust the stack). AggressiveInline callees are inlined whatever the cost, except for
/// those reasons. Function bodies are never deleted: exported functions must keep theirs, and
/// removing dead functions is a separate question.
///
/// The mechanics (<see cref="InlineCall"/>): split the caller's block after the call into a
/// continuation block; clone the callee's blocks; the clone of the callee's entry takes the call's
/// place, its parameters replaced by the arguments; every `ret v` becomes `br continuation(v)`, and
/// the call's result becomes the continuation's parameter. The callee's stack slots move to the
/// caller's entry block, where mem2reg expects them.
///
/// Why it is sound: a direct call runs exactly the callee's body with its parameters bound to the
/// arguments and continues after the call with the returned value; the clone does the same in
/// place. Each inlined copy gets slots of its own, and the callee's own code re-zeroes them on every
/// entry, as the importer zeroes locals at function entry. Slots are frame slots for the whole
/// function in this IR, so moving them to the entry block changes nothing.
///
/// Crossing layers (caller and callee from different parts of the system, e.g. app into corlib or
/// corlib into the library OS) is what this testbed studies: such sites are counted apart.
/// With layer-aware (the whole-system pipeline), the cost model also weighs how often a site runs and
/// whether it crosses a boundary: each enclosing loop level (up to three) takes <see cref="LoopBonus"/>
/// off the cost, and a cross-layer site <see cref="CrossLayerBonus"/> more, because the library OS's
/// entry points are thin wrappers (argument checks, a dispatch on a flag the caller passes as a
/// constant) whose bodies fold away once they see the caller's arguments, and a request loop pays
/// the boundary on every iteration. Every cross-layer site gets a remark with the sum. With
/// within-layer (the separate pipeline), a callee of another layer is never inlined.
/// </summary>
[Pass("inline", Description = "Inline direct calls bottom-up by a size cost model (threshold, constant-argument and single-call-site bonuses)")]
public sealed class Inliner : IModulePass
{
    public const int ConstantArgumentBonus = 10;
    public const int SingleCallSiteBonus = 30;
    /// <summary>Per level of loop nesting around the site, up to <see cref="LoopDepthCounted"/> levels (layer-aware only).</summary>
    public const int LoopBonus = 20;
    public const int LoopDepthCounted = 3;
    /// <summary>For a site whose callee is in another layer (layer-aware only).</summary>
    public const int CrossLayerBonus = 20;

    [PassParameter("threshold", Description = "Largest cost (callee instructions minus bonuses) that is inlined")]
    public int Threshold { get; set; } = 60;

    [PassParameter("layer-aware", Description = "Weigh call frequency and layers: bonuses for sites inside loops and for sites that cross a layer boundary, and a remark on every cross-layer site")]
    public bool LayerAware { get; set; }

    [PassParameter("within-layer", Description = "Inline only callees of the caller's own layer (the separate pipeline: a layer compiled alone cannot see another's code)")]
    public bool WithinLayer { get; set; }

    public sealed record Result(int Inlined, int CrossLayerInlined, int InstructionsCopied);

    public PreservedAnalyses Run(Module module, PassContext context)
    {
        var callGraph = context.Analyses.GetModule<CallGraph>(module);
        var r = InlineCalls(module, callGraph, Threshold, (kind, f, message, at) => context.Remark(kind, f, message, at), WithinLayer, LayerAware);
        if (r.Inlined == 0) return PreservedAnalyses.All;
        context.Count("call sites inlined", r.Inlined);
        context.Count("cross-layer call sites inlined", r.CrossLayerInlined);
        context.Count("instructions copied", r.InstructionsCopied);
        return PreservedAnalyses.None;
    }

    public delegate void RemarkSink(RemarkKind kind, Function function, string message, Instruction? at);

    /// <summary>
    /// Inlines throughout <paramref name="module"/>. <paramref name="callGraph"/> must be current when
    /// called; inlining adds call edges only where a path of calls already existed, so which functions
    /// are recursive and the bottom-up order stay valid while it works.
    /// </summary>
    public static Result InlineCalls(Module module, CallGraph callGraph, int threshold, RemarkSink? remark = null, bool withinLayer = false,
        bool layerAware = false)
    {
        var callSites = new Dictionary<Function, int>();
        foreach (var i in module.Functions.SelectMany(f => f.Instructions))
            if (i.Opcode == Opcode.Call) callSites[i.Callee!] = callSites.GetValueOrDefault(i.Callee!) + 1;
        var size = new Dictionary<Function, int>();
        int Size(Function f) => size.TryGetValue(f, out var n) ? n : size[f] = f.Blocks.Sum(b => b.Instructions.Count);

        int inlined = 0, crossLayer = 0, copied = 0;
        foreach (var caller in callGraph.BottomUp.SelectMany(component => component).Where(f => !f.IsDeclaration))
        {
            var calls = caller.Instructions.Where(i => i.Opcode == Opcode.Call).ToList();
            // Loop depth of each original site, taken before inlining changes the caller's blocks; sites that
            // inlining brings in were the callee's, already decided when the callee was visited.
            var loops = layerAware && calls.Count > 0 ? Loops.Compute(caller) : null;
            foreach (var call in calls)
            {
                var callee = call.Callee!;
                bool crossing = callee.Layer != caller.Layer;
                int depth = loops?.InnermostLoop(call.Block!)?.Depth ?? 0;
                int bonus = layerAware ? LoopBonus * Math.Min(depth, LoopDepthCounted) + (crossing ? CrossLayerBonus : 0) : 0;
                var (verdict, cost) = withinLayer && crossing
                    ? ($"the callee is in another layer ({callee.Layer}) and layers are compiled apart", 0)
                    : Decide(module, call, callee, callGraph, callSites.GetValueOrDefault(callee), Size, threshold, bonus);
                if (layerAware && crossing)
                    remark?.Invoke(verdict is null ? RemarkKind.Passed : RemarkKind.Missed, caller,
                        $"cross-layer site {caller.Layer} -> {callee.Layer} at loop depth {depth}: {callee.Name} into {caller.Name} "
                        + (verdict is null ? $"inlined: cost {cost} (after a bonus of {bonus} for loops and the boundary) <= threshold {threshold}" : $"not inlined: {verdict}"), call);
                if (verdict is not null)
                {
                    remark?.Invoke(RemarkKind.Missed, caller, $"not inlined: {callee.Name} into {caller.Name}: {verdict}", call);
                    continue;
                }
                foreach (var i in callee.Instructions.Where(i => i.Opcode == Opcode.Call))
                    callSites[i.Callee!] = callSites.GetValueOrDefault(i.Callee!) + 1;
                callSites[callee]--;
                copied += Size(callee);
                InlineCall(call);
                size.Remove(caller);
                inlined++;
                remark?.Invoke(RemarkKind.Passed, caller, $"inlined {callee.Name} into {caller.Name} (cost {cost}, threshold {threshold})", call);
                if (caller.Layer != callee.Layer)
                {
                    crossLayer++;
                    remark?.Invoke(RemarkKind.Passed, caller, $"cross-layer inline: {callee.Name} ({callee.Layer}) into {caller.Name} ({caller.Layer})", call);
                }
            }
        }
        return new Result(inlined, crossLayer, copied);
    }

    /// <summary>Null and the cost if the site should be inlined, else why not.</summary>
    private static (string? Verdict, int Cost) Decide(Module module, Instruction call, Function callee, CallGraph callGraph,
        int callSites, Func<Function, int> size, int threshold, int bonus = 0)
    {
        if (callee.IsDeclaration) return ("the callee has no body here", 0);
        if (callee.Flags.HasFlag(FunctionFlags.NoInline)) return ("the callee is noinline", 0);
        if (callGraph.IsRecursive(callee)) return ("the callee is recursive", 0);
        if (callee.Instructions.Any(i => i.Opcode == Opcode.StackAlloc)) return ("the callee uses stackalloc", 0);
        int cost = size(callee) - ConstantArgumentBonus * call.Operands.Count(IsConstant) - bonus;
        bool visibleOutside = callee.ExportName is not null || callee == module.EntryPoint;
        if (callSites == 1 && !visibleOutside) cost -= SingleCallSiteBonus;
        if (callee.Flags.HasFlag(FunctionFlags.AggressiveInline)) return (null, cost);
        return cost <= threshold ? (null, cost) : ($"cost {cost} > threshold {threshold}", cost);
    }

    private static bool IsConstant(Value v) =>
        v is Instruction { Opcode: Opcode.ConstInt or Opcode.ConstFloat or Opcode.ConstNull or Opcode.StringLiteral };

    /// <summary>
    /// Replaces <paramref name="call"/> by a copy of its callee's body (see the class comment) and
    /// returns the continuation block, where the caller goes on after the inlined code.
    /// </summary>
    public static Block InlineCall(Instruction call)
    {
        var block = call.Block!;
        var caller = block.Function;
        var callee = call.Callee!;
        int at = block.Instructions.IndexOf(call);

        // Moved, then let go in one range: removing them one by one made inlining into a long block
        // quadratic (each removal searched and shifted the rest).
        var continuation = caller.AddBlock();
        int moved = block.Instructions.Count - (at + 1);
        for (int k = at + 1; k < block.Instructions.Count; k++) continuation.Append(block.Instructions[k]);
        block.Instructions.RemoveRange(at + 1, moved);
        block.Instructions.RemoveAt(at);
        if (call.HasResult) caller.ReplaceAllUses(call, continuation.AddParameter(call.Type));

        var blockMap = new Dictionary<Block, Block>();
        var values = callee.CloneBodyInto(caller, blockMap);
        var clones = callee.Blocks.Select(b => blockMap[b]).ToList();
        var arguments = new Dictionary<Value, Value>();
        for (int k = 0; k < callee.Parameters.Count; k++) arguments[values[callee.Parameters[k]]] = call.Operands[k];

        int slot = 0;
        var sites = new InlineSite.Rebasing(callee, call);
        foreach (var clone in clones)
            foreach (var i in clone.Instructions.ToList())
            {
                i.InlinedAt = sites.Rebase(i.InlinedAt);
                for (int k = 0; k < i.Operands.Count; k++)
                    if (arguments.TryGetValue(i.Operands[k], out var a)) i.Operands[k] = a;
                // What the callee would have let propagate to its caller now goes to the call's handler.
                if (call.Unwind is not null && i.Opcode.MayThrow() && i.Unwind is null) i.Unwind = call.Unwind;
                foreach (var t in i.Targets)
                    for (int k = 0; k < t.Arguments.Count; k++)
                        if (arguments.TryGetValue(t.Arguments[k], out var a)) t.Arguments[k] = a;
                if (i.Opcode == Opcode.Ret)
                {
                    i.Opcode = Opcode.Br;
                    i.Targets.Add(new BlockTarget(continuation, i.Operands));
                    i.Operands.Clear();
                }
                else if (i.Opcode == Opcode.Alloca)
                {
                    i.Remove();
                    caller.Entry.Insert(slot++, i);
                }
            }

        // The clone of the callee's entry has no predecessors: its code runs in place of the call.
        var entryClone = clones[0];
        foreach (var i in entryClone.Instructions.ToList()) block.Append(i);
        entryClone.Instructions.Clear();
        caller.Blocks.Remove(entryClone);
        clones.RemoveAt(0);

        // Keep the blocks in reading order: the callee's blocks, then the continuation, right after the call's block.
        // They are the last blocks (the continuation, then the clones, were added at the end): one range.
        int added = clones.Count + 1;
        caller.Blocks.RemoveRange(caller.Blocks.Count - added, added);
        caller.Blocks.InsertRange(caller.Blocks.IndexOf(block) + 1, clones.Append(continuation));
        return continuation;
    }
}
