using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// preinit: runs, at compile time, the static constructors that only compute constants into their own
/// class's static fields (<see cref="StaticConstructorEvaluator"/>), as NativeAOT's preinitialisation
/// does. The fields start the program holding those values, and the class needs no initialisation:
/// its <c>initclass</c> checks go, hot loops stop reloading a flag and calling out to a constructor
/// that can no longer run, and a static field nothing writes becomes a constant LLVM can fold
/// (<c>TypeTraits&lt;T&gt;.IsValueType</c>, which generic collections test on every call).
///
/// Why nothing can tell: such a constructor has no effect but its own fields, and every read of those
/// fields from outside the constructor went through an <c>initclass</c>, so it saw the constructed
/// values; now it sees them from the start. A constructor that calls, throws, touches another class's
/// memory or leaves an object in a static runs at run time as before (a remark says why).
///
/// Within a layer (the separate pipeline), only checks in the class's own layer go; the others stay
/// but find the flag already set, as code linked against a preinitialised library would.
/// </summary>
[Pass("preinit", Description = "Run static constructors that only compute constants at compile time: the fields start with their values and initialisation checks go")]
public sealed class PreinitializeStatics : IModulePass
{
    /// <summary>The initialisation flag's value once the constructor has run (the backend's Started).</summary>
    private const byte Started = 1;

    [PassParameter("within-layer", Description = "Remove initialisation checks only in the class's own layer (the separate pipeline); other layers test the flag, which starts set")]
    public bool WithinLayer { get; set; }

    public PreservedAnalyses Run(Module module, PassContext context)
    {
        var staticsByOwner = module.Globals
            .Where(g => !g.IsExternal && g.Name.Contains("::", StringComparison.Ordinal))
            .GroupBy(g => g.Name[..g.Name.LastIndexOf("::", StringComparison.Ordinal)])
            .ToDictionary(group => group.Key, group => group.ToList());

        var preinitialised = new Dictionary<ClassInfo, List<Global>>();
        foreach (var cls in module.Classes)
        {
            if (cls.StaticConstructor is not { IsDeclaration: false } constructor || cls.InitializedFlag is not { } flag) continue;
            var own = staticsByOwner.GetValueOrDefault(cls.Name, new()).Where(g => g != flag).ToList();
            var (values, reason) = StaticConstructorEvaluator.Evaluate(constructor, own);
            if (values is null)
            {
                context.Remark(RemarkKind.Missed, constructor, $"{cls.DisplayName} is initialised at run time: {reason}");
                continue;
            }
            foreach (var (global, bytes) in values)
                global.InitialData = bytes.Any(b => b != 0) || global.InitialData is not null ? bytes : null;
            preinitialised[cls] = own;
            context.Remark(RemarkKind.Passed, constructor, $"{cls.DisplayName} preinitialised: {string.Join(", ", values.Select(v => Describe(v.Key, v.Value)))}");
        }
        if (preinitialised.Count == 0) return PreservedAnalyses.All;

        int checksRemoved = 0;
        foreach (var f in module.Functions)
            foreach (var block in f.Blocks)
                checksRemoved += block.EraseWhere(i => i.Opcode == Opcode.InitClass && i.Class is { } c && preinitialised.ContainsKey(c)
                    && (!WithinLayer || c.Layer == f.Layer));

        // One walk over the code that is left: the classes something still checks, and the functions
        // something still calls or takes the address of.
        var stillChecked = new HashSet<ClassInfo>();
        var named = new HashSet<Function>();
        foreach (var i in module.Functions.SelectMany(f => f.Instructions))
        {
            if (i.Opcode == Opcode.InitClass && i.Class is { } checkedClass) stillChecked.Add(checkedClass);
            if (i.Callee is { } callee) named.Add(callee);
        }
        foreach (var cls in preinitialised.Keys)
        {
            if (stillChecked.Contains(cls))
            {
                cls.InitializedFlag!.InitialData = new[] { Started };
                continue;
            }
            var constructor = cls.StaticConstructor!;
            module.Globals.Remove(cls.InitializedFlag!);
            cls.InitializedFlag = null;
            cls.StaticConstructor = null;
            if (!named.Contains(constructor)) module.Functions.Remove(constructor);
        }
        int constants = MarkUnwrittenConstant(module, preinitialised.Values.SelectMany(fields => fields));

        context.Count("classes preinitialised", preinitialised.Count);
        context.Count("initialisation checks removed", checksRemoved);
        context.Count("static fields made constant", constants);
        return PreservedAnalyses.ControlFlow;
    }

    private static string Describe(Global g, byte[] bytes) =>
        g.Name[(g.Name.LastIndexOf("::", StringComparison.Ordinal) + 2)..] + " = "
        + (bytes.Length <= 8 ? BitConverter.ToInt64(bytes.Concat(new byte[8]).Take(8).ToArray()).ToString() : Convert.ToHexString(bytes).ToLowerInvariant());

    /// <summary>
    /// A static whose address is only ever loaded from can never change after its initial value: a
    /// constant (every write goes through its address, and none does). Fields holding references
    /// stay variables, since the collector treats a constant as holding none.
    /// </summary>
    private static int MarkUnwrittenConstant(Module module, IEnumerable<Global> candidates)
    {
        var remaining = candidates.Where(g => !g.IsConstant && (g.Type.IsInteger || g.Type.IsFloat || g.Type == IrType.Bool)).ToHashSet();
        foreach (var address in module.Functions.SelectMany(f => f.Instructions).Where(i => i.Opcode == Opcode.GlobalAddr))
        {
            if (address.Global is not { } g || !remaining.Contains(g)) continue;
            if (address.Uses.Any(u => u.User is not { Opcode: Opcode.Load } load || load.Operands[0] != address || load.Volatile))
                remaining.Remove(g);
        }
        foreach (var g in remaining)
        {
            g.IsConstant = true;
            g.InitialData ??= new byte[g.Type.Size];
        }
        return remaining.Count;
    }
}
