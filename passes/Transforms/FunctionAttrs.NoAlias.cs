using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// The noalias part of function-attrs, which needs every function's nocapture first. A parameter is
/// noalias when, during each call, memory reached through it is reached through nothing else. Proved
/// only where every call is in sight: the function is internal (no export or import, not the entry
/// point), its address is never taken (no ldftn, vtable or interface slot, static constructor), and at
/// each call site the argument is a fresh allocation of the caller (or an address inside one) that
/// does not escape the caller and is passed to no other parameter of the same call. Then no other
/// pointer to the object exists anywhere: not in memory (it never escaped), not in another argument.
/// The parameter must also be nocapture, so that the callee keeps no copy either.
/// </summary>
internal static class NoAliasInference
{
    public static int Apply(Module module, CallGraph graph)
    {
        var addressTaken = AddressTaken(module);
        var escapes = new Dictionary<Function, EscapeAnalysis>();
        int count = 0;
        foreach (var f in module.Functions)
        {
            if (f.IsDeclaration || f.ExportName is not null || f.ImportName is not null || addressTaken.Contains(f)) continue;
            var calls = graph.CallersOf(f).Select(e => e.Call).ToList();
            if (calls.Count == 0) continue;
            for (int k = 0; k < f.ParameterTypes.Count; k++)
            {
                var attributes = f.ParameterAttributes(k);
                if (!f.ParameterTypes[k].IsPointerLike || !attributes.HasFlag(ParameterAttributes.NoCapture)) continue;
                if (!calls.All(call => FreshAndAlone(call, k, escapes))) continue;
                f.SetParameterAttributes(k, attributes | ParameterAttributes.NoAlias);
                count++;
            }
        }
        return count;
    }

    private static bool FreshAndAlone(Instruction call, int k, Dictionary<Function, EscapeAnalysis> escapes)
    {
        var allocation = AllocationBehind(call.Operands[k]);
        if (allocation is null) return false;
        var caller = call.Block!.Function;
        if (!escapes.TryGetValue(caller, out var analysis)) escapes[caller] = analysis = EscapeAnalysis.Compute(caller);
        if (analysis.Escapes(allocation)) return false;
        var holders = analysis.Flow(allocation).Holders;
        for (int j = 0; j < call.Operands.Count; j++)
            if (j != k && holders.Contains(call.Operands[j])) return false;
        return true;
    }

    /// <summary>The newobject, newarray or newstring the value is an address inside, through address arithmetic only.</summary>
    private static Instruction? AllocationBehind(Value v)
    {
        while (v is Instruction i)
        {
            if (i.Opcode is Opcode.NewObject or Opcode.NewArray or Opcode.NewString) return i;
            if (i.Opcode is not (Opcode.FieldAddr or Opcode.PtrAdd or Opcode.ElementAddr or Opcode.Reinterpret)) return null;
            v = i.Operands[0];
        }
        return null;
    }

    /// <summary>Functions that may be called from somewhere other than a direct call in the module.</summary>
    private static HashSet<Function> AddressTaken(Module module)
    {
        var taken = new HashSet<Function>();
        if (module.EntryPoint is not null) taken.Add(module.EntryPoint);
        foreach (var c in module.Classes)
        {
            foreach (var slot in c.VTable) if (slot is not null) taken.Add(slot);
            foreach (var impl in c.Interfaces)
                foreach (var m in impl.Methods) if (m is not null) taken.Add(m);
            if (c.StaticConstructor is not null) taken.Add(c.StaticConstructor);
        }
        foreach (var i in module.Functions.SelectMany(f => f.Instructions))
            if (i.Opcode == Opcode.FunctionAddress && i.Callee is not null) taken.Add(i.Callee);
        return taken;
    }
}
