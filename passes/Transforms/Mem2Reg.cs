using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// mem2reg: promotes stack slots to SSA values. The importer gives every IL local and argument that
/// is written a slot (`alloca`) and zeroes it at entry; a slot whose address is only ever the address
/// operand of whole-slot loads and stores (and of the zeroing `fill`) holds nothing but a value, so
/// its loads can read that value directly.
///
/// The algorithm is the textbook one (Cytron et al.; pruned as in LLVM's PromoteMemToReg):
///  1. find the promotable slots: entry-block allocas whose every use is a load of the slot's type,
///     a store of a value of the slot's type to it, or a zero `fill` of exactly its size;
///  2. for each, the blocks where it is live on entry (a load not preceded by a store in the block,
///     propagated backwards to predecessors that do not store it);
///  3. merge points: the iterated dominance frontier of the storing blocks, restricted to the blocks
///     where the slot is live (a parameter elsewhere would be dead). Each gets a block parameter;
///  4. rename along the dominator tree: the current value of each slot flows down the tree; a load is
///     replaced by it, a store sets it, and each branch passes it for the parameters added to its target.
///
/// Why it is sound: a promotable slot's address never leaves these loads and stores, so nothing else
/// can read or write the memory, and the value a load sees is exactly the last value stored on the
/// path that reached it, which is what renaming computes. A slot read before any store would read
/// the importer's zero: the pass uses a zero constant there (it is what the memory held).
/// Struct-typed slots are promoted only where no read can see the zeroed memory, because the IR has
/// no constant of a struct type to stand for it.
/// </summary>
[Pass("mem2reg", Description = "Promote stack slots that are only loaded and stored to SSA values with block parameters")]
public sealed class Mem2Reg : IFunctionPass
{
    public sealed record Result(int SlotsPromoted, int LoadsReplaced, int StoresRemoved, int ParametersInserted,
        IReadOnlyList<(Instruction Slot, string Reason)> Kept);

    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var result = Promote(function, context.Analyses.Get<DominatorTree>(function));
        foreach (var (slot, reason) in result.Kept)
            context.Remark(RemarkKind.Missed, function, $"slot of {slot.TypeOperand} kept: {reason}", slot);
        if (result.SlotsPromoted == 0) return PreservedAnalyses.All;
        context.Count("slots promoted", result.SlotsPromoted);
        context.Count("loads replaced", result.LoadsReplaced);
        context.Count("stores removed", result.StoresRemoved);
        context.Count("block parameters inserted", result.ParametersInserted);
        context.Remark(RemarkKind.Passed, function, $"promoted {result.SlotsPromoted} slot(s), {result.ParametersInserted} block parameter(s) inserted");
        return PreservedAnalyses.ControlFlow;
    }

    /// <summary>Promotes every promotable slot of <paramref name="function"/>; <paramref name="tree"/> must be current.</summary>
    public static Result Promote(Function function, DominatorTree tree)
    {
        var kept = new List<(Instruction, string)>();
        if (function.IsDeclaration) return new Result(0, 0, 0, 0, kept);
        // An exceptional edge leaves its block in the middle, where a slot may hold another value
        // than at the block's end, and it cannot carry block arguments. Such functions keep their
        // slots here; LLVM promotes them after lowering, where every edge is explicit.
        if (function.Instructions.Any(i => i.Unwind is not null))
        {
            foreach (var slot in function.Instructions.Where(i => i.Opcode == Opcode.Alloca))
                kept.Add((slot, "the function has exception handlers"));
            return new Result(0, 0, 0, 0, kept);
        }
        var dominators = tree.Dominators;
        var slots = FindPromotableSlots(function, dominators, kept);
        var preds = Dominators.Predecessors(function);

        // Steps 2 and 3: live-in blocks and merge points per slot.
        var liveIn = new List<HashSet<Block>>();
        foreach (var slot in slots.ToList())
        {
            var live = LiveInBlocks(slot, function, preds);
            if (slot.TypeOperand is StructType && ReadsZeroedMemory(slot, function, live))
            {
                kept.Add((slot, "a read may see the zeroed struct, and the IR has no struct constant"));
                slots.Remove(slot);
                continue;
            }
            liveIn.Add(live);
        }
        if (slots.Count == 0) return new Result(0, 0, 0, 0, kept);

        var index = new Dictionary<Value, int>();
        for (int s = 0; s < slots.Count; s++) index[slots[s]] = s;
        // For each block, the slots that get a parameter there, in parameter order.
        var merges = new Dictionary<Block, List<(int Slot, BlockParameter Parameter)>>();
        int parameters = 0;
        for (int s = 0; s < slots.Count; s++)
        {
            var storing = function.Blocks.Where(b => b.Instructions.Any(i => IsDefinition(i, slots[s]))).ToList();
            foreach (var b in tree.IteratedFrontier(storing).Where(liveIn[s].Contains).OrderBy(function.Blocks.IndexOf))
            {
                if (!merges.TryGetValue(b, out var list)) merges[b] = list = new();
                list.Add((s, b.AddParameter(slots[s].TypeOperand!)));
                parameters++;
            }
        }

        // Step 4: rename.
        var zeros = new ZeroConstants();
        var replacement = new Dictionary<Value, Value>();
        int loads = 0, stores = 0;
        var pending = new Stack<(Block Block, Value?[] Values)>();
        pending.Push((tree.Root, new Value?[slots.Count]));
        var visited = new HashSet<Block>();
        while (pending.Count > 0)
        {
            var (block, incoming) = pending.Pop();
            visited.Add(block);
            var current = (Value?[])incoming.Clone();
            if (merges.TryGetValue(block, out var own))
                foreach (var (s, p) in own) current[s] = p;
            foreach (var i in block.Instructions)
            {
                int s = SlotOf(i, index);
                if (s < 0) continue;
                if (i.Opcode == Opcode.Load)
                {
                    replacement[i] = current[s] ?? zeros.For(slots[s].TypeOperand!);
                    loads++;
                }
                else
                {
                    // After a zero fill the slot holds what it held at entry: zero, made only if read.
                    current[s] = i.Opcode == Opcode.Fill ? null : i.Operands[0];
                    stores++;
                }
            }
            block.Instructions.RemoveAll(i => SlotOf(i, index) >= 0);
            foreach (var t in block.Terminator?.Targets ?? Enumerable.Empty<BlockTarget>())
                if (merges.TryGetValue(t.Block, out var theirs))
                    foreach (var (s, _) in theirs) t.Arguments.Add(current[s] ?? zeros.For(slots[s].TypeOperand!));
            foreach (var child in tree.Children(block)) pending.Push((child, current));
        }

        // Unreachable blocks: nothing runs there, but the IR must stay well-formed. Their loads read
        // zero (struct slots with such loads were kept), and their branches pass the target's own
        // parameter (no dominance is required in unreachable code).
        foreach (var block in function.Blocks.Where(b => !visited.Contains(b)))
        {
            foreach (var i in block.Instructions)
                if (i.Opcode == Opcode.Load && SlotOf(i, index) is var s and >= 0) replacement[i] = zeros.For(slots[s].TypeOperand!);
            block.Instructions.RemoveAll(i => SlotOf(i, index) >= 0);
            foreach (var t in block.Terminator?.Targets ?? Enumerable.Empty<BlockTarget>())
                if (merges.TryGetValue(t.Block, out var theirs))
                    foreach (var (_, p) in theirs) t.Arguments.Add(p);
        }

        zeros.Place(function.Entry);
        function.ReplaceUses(replacement);
        foreach (var slot in slots) slot.Remove();
        return new Result(slots.Count, loads, stores, parameters, kept);
    }

    /// <summary>Step 1: entry-block allocas whose address is used only as the address of whole-slot accesses.</summary>
    private static List<Instruction> FindPromotableSlots(Function function, Dominators dominators, List<(Instruction, string)> kept)
    {
        var candidates = function.Entry.Instructions.Where(i => i.Opcode == Opcode.Alloca).ToList();
        var reason = candidates.ToDictionary(c => (Value)c, _ => (string?)null);
        foreach (var b in function.Blocks)
            foreach (var i in b.Instructions)
            {
                for (int k = 0; k < i.Operands.Count; k++)
                    if (reason.TryGetValue(i.Operands[k], out var r) && r is null)
                    {
                        var slot = (Instruction)i.Operands[k];
                        reason[slot] = WhyNotPromotable(i, k, slot)
                            ?? (slot.TypeOperand is StructType && !dominators.IsReachable(b) ? "used in unreachable code" : null);
                    }
                foreach (var t in i.Targets)
                    foreach (var a in t.Arguments)
                        if (reason.ContainsKey(a)) reason[a] = "its address is passed to a block";
            }
        foreach (var c in candidates)
            if (reason[c] is { } r) kept.Add((c, r));
        return candidates.Where(c => reason[c] is null).ToList();
    }

    private static string? WhyNotPromotable(Instruction user, int operand, Instruction slot)
    {
        var type = slot.TypeOperand!;
        if (user.Volatile) return "it is accessed volatile";
        switch (user.Opcode)
        {
            case Opcode.Load when operand == 0:
                return user.Type == type ? null : $"loaded as {user.Type}";
            case Opcode.Store when operand == 1:
                return user.Operands[0] == slot ? "its address is stored"
                    : user.Operands[0].Type == type ? null : $"stored a {user.Operands[0].Type}";
            case Opcode.Fill when operand == 0:
                return IsZeroFill(user, type) ? null : "partly or non-zero filled";
            default:
                return $"its address is used by {user.Opcode.Mnemonic()}";
        }
    }

    private static bool IsZeroFill(Instruction fill, IrType type) =>
        fill.Operands[1] is Instruction { Opcode: Opcode.ConstInt, IntValue: 0 }
        && fill.Operands[2] is Instruction { Opcode: Opcode.ConstInt } size && size.IntValue == type.Size;

    private static bool IsDefinition(Instruction i, Value slot) =>
        (i.Opcode == Opcode.Store && i.Operands[1] == slot) || (i.Opcode == Opcode.Fill && i.Operands[0] == slot);

    /// <summary>The slot index an access to a promoted slot refers to, or -1.</summary>
    private static int SlotOf(Instruction i, Dictionary<Value, int> index) => i.Opcode switch
    {
        Opcode.Load or Opcode.Fill => index.GetValueOrDefault(i.Operands[0], -1),
        Opcode.Store => index.GetValueOrDefault(i.Operands[1], -1),
        _ => -1,
    };

    /// <summary>Blocks on whose entry the slot's value may still be read: upward-exposed loads, propagated backwards through blocks that do not store.</summary>
    private static HashSet<Block> LiveInBlocks(Instruction slot, Function function, Dictionary<Block, List<Block>> preds)
    {
        var live = new HashSet<Block>();
        var work = new Stack<Block>();
        foreach (var b in function.Blocks)
            if (FirstAccessIsLoad(b.Instructions, slot) == true) { live.Add(b); work.Push(b); }
        while (work.Count > 0)
            foreach (var p in preds[work.Pop()])
                if (!p.Instructions.Any(i => IsDefinition(i, slot)) && live.Add(p)) work.Push(p);
        return live;
    }

    /// <summary>True if the first access in the sequence is a load, false if a store or fill, null if none.</summary>
    private static bool? FirstAccessIsLoad(IEnumerable<Instruction> instructions, Instruction slot)
    {
        foreach (var i in instructions)
        {
            if (i.Opcode == Opcode.Load && i.Operands[0] == slot) return true;
            if (IsDefinition(i, slot)) return false;
        }
        return null;
    }

    /// <summary>Whether some load may observe memory that only a zero fill (or nothing) wrote.</summary>
    private static bool ReadsZeroedMemory(Instruction slot, Function function, HashSet<Block> liveIn)
    {
        if (liveIn.Contains(function.Entry)) return true;
        foreach (var b in function.Blocks)
            for (int k = 0; k < b.Instructions.Count; k++)
            {
                var i = b.Instructions[k];
                if (i.Opcode != Opcode.Fill || i.Operands[0] != slot) continue;
                var next = FirstAccessIsLoad(b.Instructions.Skip(k + 1), slot);
                if (next == true || (next is null && b.Successors.Any(liveIn.Contains))) return true;
            }
        return false;
    }

    /// <summary>
    /// One zero constant per type, made on first use. <see cref="Place"/> puts them at the start of
    /// the entry block (so they dominate every use) once renaming no longer walks that block.
    /// </summary>
    private sealed class ZeroConstants
    {
        private readonly Dictionary<IrType, Instruction> made = new();

        public Value For(IrType type)
        {
            if (made.TryGetValue(type, out var existing)) return existing;
            var zero = type switch
            {
                _ when type.IsInteger || type == IrType.Bool => new Instruction(Opcode.ConstInt, type),
                _ when type.IsFloat => new Instruction(Opcode.ConstFloat, type),
                _ when type.IsPointerLike => new Instruction(Opcode.ConstNull, type),
                _ => throw new InvalidOperationException($"no zero constant of {type}; the slot should not have been promoted"),
            };
            made[type] = zero;
            return zero;
        }

        public void Place(Block entry)
        {
            int at = 0;
            foreach (var zero in made.Values) entry.Insert(at++, zero);
        }
    }
}
