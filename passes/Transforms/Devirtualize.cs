using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// devirt: turns virtual and interface calls into direct calls where the whole program allows only
/// one target (class hierarchy analysis over the instantiated classes).
///
/// A <c>callvirtual</c> of slot s through class C can reach only objects of instantiated classes
/// derived from C (the importer fills vtables only for classes some <c>newobj</c>, box or array
/// allocation creates); a <c>callinterface</c> of slot s of interface I only instantiated classes
/// that implement I. When every such class puts the same function in the slot, the call is a direct
/// call of that function. The receiver was null-checked by the importer before the dispatch, and the
/// call keeps its unwind target, so exceptions behave as before.
///
/// Why it is sound: the module is the whole program (no code is loaded later), and an object's
/// descriptor is always that of an instantiated class, so the set of possible targets is exactly the
/// set computed here. When no instantiated class can receive the call, it is left alone: it never
/// runs, and a direct call would need a target to name.
///
/// Cross-layer calls (an app's call through a corlib or libos interface) are counted apart: they are
/// what a conventional OS boundary would keep indirect.
/// </summary>
[Pass("devirt", Description = "Replace virtual and interface calls that have a single possible target in the whole program by direct calls")]
public sealed class Devirtualize : IModulePass
{
    public sealed record Result(int Virtual, int Interface, int CrossLayer);

    [PassParameter("within-layer", Description = "Only where the single target is in the caller's own layer (the separate pipeline: a layer compiled alone knows only its own classes' code)")]
    public bool WithinLayer { get; set; }

    public PreservedAnalyses Run(Module module, PassContext context)
    {
        var r = Run(module, (f, message, at) => context.Remark(RemarkKind.Passed, f, message, at), WithinLayer);
        if (r.Virtual + r.Interface == 0) return PreservedAnalyses.All;
        context.Count("virtual calls devirtualised", r.Virtual);
        context.Count("interface calls devirtualised", r.Interface);
        context.Count("cross-layer calls devirtualised", r.CrossLayer);
        return PreservedAnalyses.None;
    }

    public static Result Run(Module module, Action<Function, string, Instruction>? remark = null, bool withinLayer = false)
    {
        var instantiated = module.Classes.Where(c => c.Flags.HasFlag(ClassFlags.Instantiated)).ToList();
        int virtualCalls = 0, interfaceCalls = 0, crossLayer = 0;
        foreach (var f in module.Functions)
            foreach (var call in f.Instructions.Where(i => i.Opcode is Opcode.CallVirtual or Opcode.CallInterface).ToList())
            {
                var target = SingleTarget(call, instantiated);
                if (target is null || !SignatureMatches(call, target) || (withinLayer && target.Layer != f.Layer)) continue;
                var kind = call.Opcode;
                call.Opcode = Opcode.Call;
                call.Callee = target;
                call.Class = null;
                call.IntValue = 0;
                if (kind == Opcode.CallVirtual) virtualCalls++; else interfaceCalls++;
                if (target.Layer != f.Layer) crossLayer++;
                remark?.Invoke(f, $"devirtualised a {(kind == Opcode.CallVirtual ? "virtual" : "interface")} call to {target.Name}", call);
            }
        return new Result(virtualCalls, interfaceCalls, crossLayer);
    }

    /// <summary>The one function every possible receiver class has in the slot, or null.</summary>
    public static Function? SingleTarget(Instruction call, IEnumerable<ClassInfo> instantiated)
    {
        Function? found = null;
        foreach (var candidate in PossibleTargets(call, instantiated))
        {
            if (candidate is null || (found is not null && candidate != found)) return null;
            found = candidate;
        }
        return found;
    }

    /// <summary>
    /// What each instantiated class that can receive a <c>callvirtual</c> or <c>callinterface</c> has in
    /// its slot (null for an empty slot), one entry per class; nothing when no class can receive it.
    /// </summary>
    public static IEnumerable<Function?> PossibleTargets(Instruction call, IEnumerable<ClassInfo> instantiated)
    {
        var owner = call.Class!;
        int slot = (int)call.IntValue;
        foreach (var c in instantiated)
        {
            if (call.Opcode == Opcode.CallVirtual)
            {
                if (c.DerivesFrom(owner)) yield return slot < c.VTable.Count ? c.VTable[slot] : null;
                continue;
            }
            var impl = c.Interfaces.FirstOrDefault(x => x.Interface == owner);
            if (impl is not null) yield return slot < impl.Methods.Count ? impl.Methods[slot] : null;
        }
    }

    private static bool SignatureMatches(Instruction call, Function target) =>
        target.ReturnType == call.Type && target.ParameterTypes.Count == call.Operands.Count
        && target.ParameterTypes.Select((t, k) => t == call.Operands[k].Type).All(x => x);
}
