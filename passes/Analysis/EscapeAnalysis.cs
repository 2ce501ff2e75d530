using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Escape analysis of the buffers of one function: whether an allocation (or any pointer value) can
/// outlive what the function sees, and whether a buffer handed to a call is touched again after it.
/// Built on <see cref="PointerFlow"/>, so element addresses, spans built on the buffer in the
/// function's own slots, and block parameters are followed. A call argument escapes unless the
/// callee's parameter is <c>nocapture</c> (the function-attrs pass infers that): run function-attrs
/// first, or every call counts as an escape.
///
/// The answers cover this function only. For a fresh allocation that is everything; for a parameter,
/// the caller may hold copies of its own. An allocation inside a loop names a new object on each
/// iteration; the analysis does not tell them apart, which only makes it answer "used" more often.
/// </summary>
public sealed class EscapeAnalysis : IFunctionAnalysis<EscapeAnalysis>
{
    private readonly FunctionUses uses;
    private readonly Dictionary<Value, PointerFlow> flows = new();

    private EscapeAnalysis(Function function)
    {
        Function = function;
        uses = FunctionUses.Of(function);
        Allocations = function.Instructions.Where(i => IsAllocation(i.Opcode)).ToList();
    }

    public static EscapeAnalysis Compute(Function function, AnalysisManager analyses) => new(function);

    /// <summary>For callers without an analysis manager (tests, the function-attrs pass).</summary>
    public static EscapeAnalysis Compute(Function function) => new(function);

    public Function Function { get; }

    /// <summary>The buffers the function allocates: newobject, newarray, newstring and stackalloc, in program order.</summary>
    public IReadOnlyList<Instruction> Allocations { get; }

    public static bool IsAllocation(Opcode op) => op is Opcode.NewObject or Opcode.NewArray or Opcode.NewString or Opcode.StackAlloc;

    /// <summary>Every value holding the buffer or an address inside it, and every use of them.</summary>
    public PointerFlow Flow(Value buffer)
    {
        if (!flows.TryGetValue(buffer, out var flow)) flows[buffer] = flow = PointerFlow.Compute(uses, buffer);
        return flow;
    }

    public bool Escapes(Value buffer) => FindEscape(buffer) is not null;

    /// <summary>The first use through which the buffer escapes, with the reason; null if it does not.</summary>
    public PointerUse? FindEscape(Value buffer) => Flow(buffer).FirstEscape(CalleeParameter);

    public bool IsUsedAfter(Instruction call, Value buffer) => FindUseAfter(call, buffer) is not null;

    /// <summary>
    /// A use that may touch the buffer after <paramref name="call"/> returns or throws: a read or write
    /// through it, or another call it is passed to, on some path from the call (around loops back to
    /// the call itself, and into the handlers of anything that throws on the way). If the buffer
    /// escapes anywhere but through this call, that escape is the answer: whoever holds it may touch it
    /// at any time. Null: after the call, this function never touches the buffer again.
    /// </summary>
    public PointerUse? FindUseAfter(Instruction call, Value buffer)
    {
        if (call.Block?.Function != Function) throw new ArgumentException($"the call is not in @{Function.Name}", nameof(call));
        var flow = Flow(buffer);
        if (flow.FirstEscape(CalleeParameter, ignoring: call) is { } escape)
            return escape with { Reason = "escapes elsewhere: " + escape.Reason };
        var touching = new Dictionary<Instruction, PointerUse>();
        foreach (var use in flow.Uses) touching.TryAdd(use.At, use);

        var block = call.Block;
        int start = block.Instructions.IndexOf(call);
        var work = new Queue<Block>();
        for (int k = start + 1; k < block.Instructions.Count; k++)
            if (touching.TryGetValue(block.Instructions[k], out var use)) return use;
        foreach (var next in SuccessorsFrom(block, start)) work.Enqueue(next);
        var seen = new HashSet<Block>();
        while (work.Count > 0)
        {
            var b = work.Dequeue();
            if (!seen.Add(b)) continue;
            foreach (var i in b.Instructions)
                if (touching.TryGetValue(i, out var use)) return use;
            foreach (var next in b.Successors) work.Enqueue(next);
        }
        return null;
    }

    /// <summary>Where control may go once instruction <paramref name="from"/> of the block has run: the handlers of it and of the instructions after it, and the branch targets.</summary>
    private static IEnumerable<Block> SuccessorsFrom(Block block, int from)
    {
        for (int k = from; k < block.Instructions.Count; k++)
            if (block.Instructions[k].Unwind is { } handler) yield return handler;
        if (block.Terminator is { } terminator)
            foreach (var t in terminator.Targets) yield return t.Block;
    }

    private static ParameterAttributes CalleeParameter(Function callee, int index) => callee.ParameterAttributes(index);
}
