using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// Which functions may let an exception escape, so that calls of the others need no test afterwards.
/// A function may throw if it throws or checks something itself, allocates, or calls a function that
/// may throw, directly or through a vtable or pointer (those are assumed to). Declarations are code
/// of the target's assembly, which never throws. Solved as a fixpoint over the whole module.
/// </summary>
internal static class ThrowAnalysis
{
    public static HashSet<Function> FunctionsThatMayThrow(Module module)
    {
        var throwing = new HashSet<Function>();
        var callers = new Dictionary<Function, List<Function>>();
        var work = new Queue<Function>();
        foreach (var f in module.Functions.Where(f => !f.IsDeclaration))
        {
            bool throwsItself = false;
            foreach (var i in f.Instructions)
            {
                if (!i.Opcode.MayThrow()) continue;
                // An exception caught inside the function does not escape through this instruction alone.
                if (i.Opcode == Opcode.Call)
                {
                    if (!callers.TryGetValue(i.Callee!, out var list)) callers[i.Callee!] = list = new List<Function>();
                    list.Add(f);
                }
                else if (i.Unwind is null || i.Opcode is Opcode.CallVirtual or Opcode.CallInterface or Opcode.CallIndirect)
                {
                    throwsItself = true;
                }
            }
            // Handlers may rethrow: a function with handlers is assumed to throw.
            if (throwsItself || f.Instructions.Any(i => i.Opcode == Opcode.LandingPad)) work.Enqueue(f);
        }
        while (work.Count > 0)
        {
            var f = work.Dequeue();
            if (!throwing.Add(f)) continue;
            foreach (var caller in callers.GetValueOrDefault(f) ?? new List<Function>()) work.Enqueue(caller);
        }
        return throwing;
    }
}
