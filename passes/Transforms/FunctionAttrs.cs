using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// function-attrs: infers each function's memory effects (<c>memory(...)</c>) and, for each parameter
/// that holds a pointer, <c>nocapture</c>, <c>readonly</c> and <c>noalias</c>, bottom-up over the call
/// graph; the backend hands them to LLVM (backend/Lowering/FunctionAttributesLowering.cs).
///
/// The claims are about the function as the backend lowers it, which is more than its IR says:
/// <list type="bullet">
/// <item>Any instruction that may throw (Opcode.MayThrow: checks, checked arithmetic, division,
/// allocation, class initialisation, casts, throw, calls through vtables or pointers) makes the
/// memory unknown. Its failure path calls the core library's raise helpers, which allocate the
/// exception and write <c>tb_pending_exception</c>; allocation itself writes the collector's state.
/// A direct call is judged by its callee's effects instead: a callee that may throw has unknown
/// effects by the same rule, so every function whose calls the backend follows with a test of
/// <c>tb_pending_exception</c> (ThrowAnalysis) is left unknown, and no claim hides those loads.
/// Division is may-throw whatever its divisor, for the same reason: the backend counts it.</item>
/// <item>Memory is split as LLVM splits it. <c>argmem</c> is memory reached through pointers computed
/// from the pointer parameters by address arithmetic alone; a pointer loaded from memory, made from
/// an integer or returned by a call could be based on an argument or on anything, so accesses through
/// it count as both argmem and other memory. Globals, string literals, type descriptors, null and
/// fresh allocations are other memory. Stack slots (alloca, stackalloc) are the function's own and do
/// not count, as in LLVM.</item>
/// <item>Intrinsics are unknown except the pure math ones and the pending-exception accessors
/// (a read or a write of a global). Declarations (imports) keep what the text declares, unknown by
/// default. A type test (isinst) reads its operand's header and the type descriptors: the runtime
/// contract of System.Runtime.TypeCast is that its helpers only read headers and descriptors.</item>
/// <item>A direct call contributes its callee's effects, with the callee's argmem mapped onto what the
/// caller passes: nothing for its own slots, other memory for globals, and so on.</item>
/// </list>
/// <c>nocapture</c> and <c>readonly</c> come from <see cref="PointerFlow"/>: a parameter is captured if
/// a value holding it is stored to memory other than a private slot of the function, returned,
/// thrown, made an integer, passed to an intrinsic or an unknown callee, or passed to a callee
/// parameter that is not nocapture; comparisons, null checks and address arithmetic do not capture.
/// It is readonly if it is not captured, nothing writes through it, and every callee it is passed to
/// has the parameter readonly. <c>noalias</c> is proved from the call sites, after everything else:
/// an internal function whose address is never taken, and at each of whose calls the argument is a
/// fresh allocation of the caller that does not escape it (escape analysis) and is passed once.
///
/// A strongly connected component of the call graph is solved together, starting from the best
/// assumption (no memory, every parameter nocapture and readonly) and weakening until nothing
/// changes: effects and captures happen at a finite depth of recursion, so the least solution is the
/// true one. Claims say nothing about termination (the backend never adds willreturn): a
/// <c>memory(none)</c> call that loops forever stays in place.
/// </summary>
[Pass("function-attrs", Description = "Infer memory effects and nocapture/readonly/noalias parameters bottom-up over the call graph, for LLVM and later passes")]
public sealed class FunctionAttrs : IModulePass
{
    /// <summary>What the inference found, for counters and tests.</summary>
    public sealed record Summary(
        int Functions, IReadOnlyDictionary<string, int> ByMemory, int Unknown,
        int PointerParameters, int NoCapture, int ReadOnly, int NoAlias);

    public PreservedAnalyses Run(Module module, PassContext context)
    {
        var before = Snapshot(module);
        var summary = Infer(module, context.Analyses.GetModule<CallGraph>(module), (f, kind, message) => context.Remark(kind, f, message));
        context.Count("functions analysed", summary.Functions);
        foreach (var (text, count) in summary.ByMemory) context.Count("functions " + text, count);
        context.Count("functions with unknown memory effects", summary.Unknown);
        context.Count("pointer parameters", summary.PointerParameters);
        context.Count("parameters nocapture", summary.NoCapture);
        context.Count("parameters readonly", summary.ReadOnly);
        context.Count("parameters noalias", summary.NoAlias);
        if (Snapshot(module) == before) return PreservedAnalyses.All;
        // Only attributes changed: no instruction, block or call.
        return PreservedAnalyses.ControlFlow.Preserve<CallGraph>().Preserve<LayerGraph>();
    }

    private static string Snapshot(Module module) =>
        string.Join("\n", module.Functions.Select(f => f.Memory.Text() + "(" + string.Join(",", f.ParameterTypes.Select((_, k) => ParameterAttributeText.Text(f.ParameterAttributes(k)))) + ")"));

    /// <summary>Infers the attributes of every function with a body, overwriting what they had; declarations keep theirs.</summary>
    public static Summary Infer(Module module, CallGraph graph, Action<Function, RemarkKind, string>? remark = null)
    {
        var inference = new Inference();
        foreach (var f in module.Functions.Where(f => !f.IsDeclaration)) Reset(f);
        foreach (var component in graph.BottomUp)
            inference.Solve(component.Where(f => !f.IsDeclaration).ToList());
        int noAlias = NoAliasInference.Apply(module, graph);

        var byMemory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int functions = 0, unknown = 0, pointers = 0, noCapture = 0, readOnly = 0;
        foreach (var f in module.Functions.Where(f => !f.IsDeclaration))
        {
            functions++;
            if (f.Memory.IsUnknown) unknown++;
            else byMemory[f.Memory.Text()] = byMemory.GetValueOrDefault(f.Memory.Text()) + 1;
            for (int k = 0; k < f.ParameterTypes.Count; k++)
            {
                if (!ParameterAttributeText.CanHoldPointer(f.ParameterTypes[k])) continue;
                pointers++;
                var a = f.ParameterAttributes(k);
                if (a.HasFlag(ParameterAttributes.NoCapture)) noCapture++;
                if (a.HasFlag(ParameterAttributes.ReadOnly)) readOnly++;
            }
            if (remark is not null) Report(f, inference.UnknownBecause(f), remark);
        }
        return new Summary(functions, byMemory, unknown, pointers, noCapture, readOnly, noAlias);
    }

    private static void Reset(Function f)
    {
        f.Memory = MemoryEffects.Unknown;
        for (int k = 0; k < f.ParameterTypes.Count; k++) f.SetParameterAttributes(k, ParameterAttributes.None);
    }

    private static void Report(Function f, string? unknownBecause, Action<Function, RemarkKind, string> remark)
    {
        var parameters = string.Join(", ", f.ParameterTypes.Select((t, k) => t.Name + ParameterAttributeText.Text(f.ParameterAttributes(k))));
        bool anyParameter = f.ParameterTypes.Select((_, k) => f.ParameterAttributes(k)).Any(a => a != ParameterAttributes.None);
        if (!f.Memory.IsUnknown || anyParameter)
            remark(f, RemarkKind.Passed, $"({parameters})" + (f.Memory.IsUnknown ? "" : " " + f.Memory.Text()));
        if (unknownBecause is not null) remark(f, RemarkKind.Missed, "memory effects unknown: " + unknownBecause);
    }

    /// <summary>The fixpoint over one component at a time, with what each function's analysis needs cached.</summary>
    private sealed class Inference
    {
        private readonly Dictionary<Function, FunctionUses> uses = new();
        private readonly Dictionary<Function, AddressOrigins> origins = new();
        private readonly Dictionary<Function, string> unknownBecause = new();

        public FunctionUses UsesOf(Function f)
        {
            if (!uses.TryGetValue(f, out var u)) uses[f] = u = FunctionUses.Of(f);
            return u;
        }

        public string? UnknownBecause(Function f) => unknownBecause.GetValueOrDefault(f);

        public void Solve(IReadOnlyList<Function> component)
        {
            if (component.Count == 0) return;
            foreach (var f in component)
            {
                f.Memory = MemoryEffects.None;
                for (int k = 0; k < f.ParameterTypes.Count; k++)
                    if (ParameterAttributeText.CanHoldPointer(f.ParameterTypes[k]))
                        f.SetParameterAttributes(k, ParameterAttributes.NoCapture | ParameterAttributes.ReadOnly);
            }
            // Without a call inside the component, no assumption about it was used: one round is the answer.
            var members = component.ToHashSet();
            bool recursive = component.Any(f => f.Instructions.Any(i => i.Opcode == Opcode.Call && members.Contains(i.Callee!)));
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var f in component)
                {
                    var (memory, because) = MemoryOf(f);
                    memory |= f.Memory;
                    if (memory != f.Memory)
                    {
                        f.Memory = memory;
                        changed = true;
                    }
                    if (because is not null) unknownBecause[f] = because;
                    for (int k = 0; k < f.ParameterTypes.Count; k++)
                    {
                        var old = f.ParameterAttributes(k);
                        if (old == ParameterAttributes.None) continue;
                        var now = old & ParameterOf(f, k);
                        if (now == old) continue;
                        f.SetParameterAttributes(k, now);
                        changed = true;
                    }
                }
                changed &= recursive;
            }
            // Callers need only the results, which are in the IR now.
            foreach (var f in component)
            {
                uses.Remove(f);
                origins.Remove(f);
            }
        }

        private ParameterAttributes ParameterOf(Function f, int k)
        {
            var flow = PointerFlow.Compute(UsesOf(f), f.Parameters[k]);
            if (flow.FirstEscape((callee, j) => callee.ParameterAttributes(j)) is not null) return ParameterAttributes.None;
            bool writes = flow.Uses.Any(u => u.Kind == PointerUseKind.Write
                || (u.Kind == PointerUseKind.CallArgument && !u.At.Callee!.ParameterAttributes(u.Operand).HasFlag(ParameterAttributes.ReadOnly)));
            return writes ? ParameterAttributes.NoCapture : ParameterAttributes.NoCapture | ParameterAttributes.ReadOnly;
        }

        /// <summary>The function's effects under what its callees are currently believed to do, and why they are unknown if they are.</summary>
        private (MemoryEffects Effects, string? UnknownBecause) MemoryOf(Function f)
        {
            if (!origins.TryGetValue(f, out var origin)) origins[f] = origin = new AddressOrigins(f);
            var effects = MemoryEffects.None;
            void Access(Value address, ModRef access)
            {
                var o = origin.Of(address);
                effects |= new MemoryEffects(o.HasFlag(Origin.Argument) ? access : ModRef.None, o.HasFlag(Origin.Other) ? access : ModRef.None);
            }
            foreach (var i in f.Instructions)
            {
                // A volatile access may be a device register or memory another agent watches: as
                // LLVM does, it counts as touching memory nobody can name.
                if (i.Volatile) return (MemoryEffects.Unknown, $"volatile {i.Opcode.Mnemonic()}");
                if (i.Opcode.MayThrow() && i.Opcode != Opcode.Call)
                    return (MemoryEffects.Unknown, $"'{i.Opcode.Mnemonic()}' may throw");
                switch (i.Opcode)
                {
                    case Opcode.Load: Access(i.Operands[0], ModRef.Read); break;
                    case Opcode.Store: Access(i.Operands[1], ModRef.Write); break;
                    case Opcode.Copy:
                        Access(i.Operands[0], ModRef.Write);
                        Access(i.Operands[1], ModRef.Read);
                        break;
                    case Opcode.Fill: Access(i.Operands[0], ModRef.Write); break;
                    case Opcode.ArrayLength: Access(i.Operands[0], ModRef.Read); break;
                    // The header names the descriptor; the vtable and the type's ancestry are in descriptors.
                    case Opcode.IsInstance:
                    case Opcode.VirtualFunctionAddress when i.Class is { IsInterface: false }:
                        Access(i.Operands[0], ModRef.Read);
                        effects |= new MemoryEffects(ModRef.None, ModRef.Read);
                        break;
                    case Opcode.VirtualFunctionAddress:
                        return (MemoryEffects.Unknown, "an interface method is looked up by a runtime helper");
                    case Opcode.LandingPad:
                        return (MemoryEffects.Unknown, "it catches exceptions");
                    case Opcode.Intrinsic:
                        switch (i.Intrinsic)
                        {
                            case IntrinsicKind.Sqrt or IntrinsicKind.Floor or IntrinsicKind.Ceiling or IntrinsicKind.Round
                                or IntrinsicKind.Truncate or IntrinsicKind.FAbs
                                or IntrinsicKind.CountTrailingZeros or IntrinsicKind.CountLeadingZeros or IntrinsicKind.PopCount:
                                break;
                            case IntrinsicKind.GetPendingException: effects |= new MemoryEffects(ModRef.None, ModRef.Read); break;
                            case IntrinsicKind.SetPendingException: effects |= new MemoryEffects(ModRef.None, ModRef.Write); break;
                            case IntrinsicKind.MatchBytes16 or IntrinsicKind.MatchChars8: Access(i.Operands[0], ModRef.Read); break;
                            case IntrinsicKind.EqualBytes16:
                                Access(i.Operands[0], ModRef.Read);
                                Access(i.Operands[1], ModRef.Read);
                                break;
                            default: return (MemoryEffects.Unknown, $"the intrinsic {i.Intrinsic.ToString().ToLowerInvariant()} is a machine operation");
                        }
                        break;
                    case Opcode.Call:
                    {
                        var callee = i.Callee!;
                        var s = callee.Memory;
                        if (s.IsUnknown) return (MemoryEffects.Unknown, $"it calls @{callee.Name}, whose memory effects are unknown");
                        effects |= new MemoryEffects(ModRef.None, s.Other);
                        if (s.ArgMem == ModRef.None) break;
                        for (int k = 0; k < i.Operands.Count; k++)
                        {
                            if (!i.Operands[k].Type.IsPointerLike) continue;
                            var access = callee.ParameterAttributes(k).HasFlag(ParameterAttributes.ReadOnly) ? s.ArgMem & ModRef.Read : s.ArgMem;
                            Access(i.Operands[k], access);
                        }
                        break;
                    }
                }
            }
            return (effects, null);
        }
    }

    [Flags]
    private enum Origin { Local = 0, Argument = 1, Other = 2, Unknown = Argument | Other }

    /// <summary>
    /// What each pointer of a function may point at, for sorting its accesses into argmem, other
    /// memory, or its own stack. A forward fixpoint, since block parameters merge what their branches pass.
    /// </summary>
    private sealed class AddressOrigins
    {
        private readonly Dictionary<Value, Origin> origin = new();

        public AddressOrigins(Function f)
        {
            foreach (var p in f.Entry.Parameters) origin[p] = p.Type.IsPointerLike ? Origin.Argument : Origin.Unknown;
            var incoming = new Dictionary<BlockParameter, List<Value>>();
            foreach (var i in f.Instructions)
                foreach (var t in i.Targets)
                    for (int k = 0; k < t.Arguments.Count && k < t.Block.Parameters.Count; k++)
                    {
                        if (!incoming.TryGetValue(t.Block.Parameters[k], out var list)) incoming[t.Block.Parameters[k]] = list = new List<Value>();
                        list.Add(t.Arguments[k]);
                    }
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var b in f.Blocks)
                {
                    if (b != f.Entry)
                        foreach (var p in b.Parameters)
                            changed |= Set(p, incoming.GetValueOrDefault(p)?.Aggregate(Origin.Local, (o, v) => o | Of(v)) ?? Origin.Local);
                    foreach (var i in b.Instructions)
                        if (i.HasResult) changed |= Set(i, Compute(i));
                }
            }
        }

        /// <summary>Unseen values (a block parameter whose branches come later) start as pointing nowhere and grow.</summary>
        public Origin Of(Value v) => origin.GetValueOrDefault(v, Origin.Local);

        private bool Set(Value v, Origin o)
        {
            var old = origin.GetValueOrDefault(v, Origin.Local);
            if ((old | o) == old && origin.ContainsKey(v)) return false;
            origin[v] = old | o;
            return true;
        }

        private Origin Compute(Instruction i) => i.Opcode switch
        {
            Opcode.Alloca or Opcode.StackAlloc => Origin.Local,
            Opcode.GlobalAddr or Opcode.StringLiteral or Opcode.TypeDescriptor or Opcode.FunctionAddress or Opcode.ConstNull
                or Opcode.NewObject or Opcode.NewArray or Opcode.NewString => Origin.Other,
            Opcode.FieldAddr or Opcode.PtrAdd or Opcode.ElementAddr or Opcode.Reinterpret
                or Opcode.IsInstance or Opcode.CastClass or Opcode.Unbox => Of(i.Operands[0]),
            Opcode.Select => Of(i.Operands[1]) | Of(i.Operands[2]),
            _ => Origin.Unknown,
        };
    }
}
