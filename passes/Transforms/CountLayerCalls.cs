using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// count-layer-calls: counts, at run time, the calls that cross layers (app → corlib,
/// corlib → libos.memory, ...), one counter per ordered pair of layers, and has the library OS print
/// the counters at exit: <c>testbed layer calls: app -> corlib 1001</c>, most first. The research
/// question is how many such calls a request makes before and after whole-system optimisation, so the
/// pass runs last (<c>--count-layer-calls</c> appends it to the Testbed pipeline) and counts the calls
/// the other passes left.
///
/// Which calls count (<see cref="CalleeLayer"/>): a direct call whose callee's layer is not the caller's.
/// A <c>callvirtual</c> or <c>callinterface</c> counts under the layer of its possible targets (the
/// functions the instantiated receiver classes have in the slot, as devirt finds them) when they all
/// share one, which is then exactly the layer of the target that runs; when they do not, and for every
/// <c>callindirect</c> (function pointers, delegates), the target is not known before it runs and the
/// call counts under <c>caller -> (indirect)</c>, same-layer ones included. Calls the backend adds
/// while lowering (<c>tb_alloc</c> for allocations, type checks, interface dispatch, throw helpers)
/// are not IR calls and are not counted; LLVM may still inline a counted call, whose increment stays.
///
/// The instrumentation: a zeroed global of one i64 per pair (<see cref="CountersGlobal"/>, pairs in
/// ordinal order), and before each counted call a load, add and store of its pair's counter. No call:
/// the pass counts nothing of its own, and a plain increment is exact since green threads switch only
/// inside calls and interrupt handlers run only while the CPU idles. The hand-off: a call at the top of
/// the entry point, <c>tb_layer_calls_start(counters, count, names)</c> with the pairs' names one a
/// line in counter order; the library OS (libos/platform/common/LayerCallCounters.cs) keeps them and
/// registers its exit report. That call is added after the call sites are collected, so it is not
/// counted either; the counters' address escapes into it, so LLVM keeps every increment. The entry
/// point's own calls count like any other (app → corlib once for the runtime's initialisation, once
/// more for Main(string[])'s arguments): after inlining, Main's body may be in it.
///
/// <c>tb_layer_calls_start</c> is in the module only if the build imported it: <see cref="PassAttribute.RuntimeSupport"/>
/// asks for it, so images built without this pass carry none of the reporting code. Without it (a
/// <c>.tbir</c> given to <c>testbed opt</c>) the calls are still instrumented, with a remark that
/// nothing will report them.
/// </summary>
[Pass(Name, Description = "Count the calls that cross layers at run time, one counter per pair of layers, printed at exit",
    RuntimeSupport = new[] { StartSymbol })]
public sealed class CountLayerCalls : IModulePass
{
    public const string Name = "count-layer-calls";
    /// <summary>The library OS's <c>void (long* counters, int count, string names)</c>.</summary>
    public const string StartSymbol = "tb_layer_calls_start";
    public const string CountersGlobal = "tb_layer_call_counters";
    /// <summary>The callee "layer" of a call whose target is not known before it runs.</summary>
    public const string Indirect = "(indirect)";

    /// <summary>The pairs in counter order ("app -> corlib"), the call sites instrumented for each, and whether a report was arranged.</summary>
    public sealed record Result(IReadOnlyList<(string Pair, int CallSites)> Pairs, bool Reported)
    {
        public int CallSites => Pairs.Sum(p => p.CallSites);
    }

    public PreservedAnalyses Run(Module module, PassContext context)
    {
        var anchor = module.EntryPoint ?? module.Functions.FirstOrDefault(f => !f.IsDeclaration);
        if (module.FindGlobal(CountersGlobal) is not null)
        {
            if (anchor is not null) context.Remark(RemarkKind.Missed, anchor, $"the module is instrumented already (it has @{CountersGlobal})");
            return PreservedAnalyses.All;
        }
        var result = Instrument(module);
        context.Count("call sites instrumented", result.CallSites);
        context.Count("layer pairs counted", result.Pairs.Count);
        if (anchor is not null)
        {
            for (int k = 0; k < result.Pairs.Count; k++)
                context.Remark(RemarkKind.Analysis, anchor, $"counter {k}: {result.Pairs[k].Pair}, {result.Pairs[k].CallSites} call sites");
            if (!result.Reported)
                context.Remark(RemarkKind.Missed, anchor, module.EntryPoint is null
                    ? "the module has no entry point: nothing will report the counters"
                    : $"the module has no {StartSymbol} (the library OS's LayerCallCounters): nothing will report the counters");
        }
        // Instructions were added and a call to the library OS: the call graph changed, the control flow did not.
        return PreservedAnalyses.ControlFlow;
    }

    /// <summary>Instruments every cross-layer call site of <paramref name="module"/> and arranges the exit report.</summary>
    public static Result Instrument(Module module)
    {
        var instantiated = module.Classes.Where(c => c.Flags.HasFlag(ClassFlags.Instantiated)).ToList();
        var sites = new Dictionary<Instruction, string>();
        foreach (var f in module.Functions)
            foreach (var i in f.Instructions)
                if (CalleeLayer(i, instantiated) is { } callee && callee != f.Layer)
                    sites[i] = PairName(f.Layer, callee);

        var pairs = sites.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var index = pairs.Select((p, k) => (p, k)).ToDictionary(x => x.p, x => x.k);
        var start = module.Functions.FirstOrDefault(f => f.ExportName == StartSymbol);
        var counters = new Global(CountersGlobal, IrType.I64, start?.Layer ?? "libos.platform") { InitialData = new byte[8 * pairs.Count] };
        module.Globals.Add(counters);

        foreach (var block in module.Functions.SelectMany(f => f.Blocks))
        {
            if (!block.Instructions.Any(sites.ContainsKey)) continue;
            var original = block.Instructions.ToList();
            block.Instructions.Clear();
            foreach (var i in original)
            {
                if (sites.TryGetValue(i, out var pair))
                    foreach (var increment in Increment(counters, index[pair], i.ILOffset)) block.Append(increment);
                block.Append(i);
            }
        }

        bool reported = start is not null && module.EntryPoint is { IsDeclaration: false } && CheckStartSignature(start);
        if (reported) CallStart(module.EntryPoint!, start!, counters, pairs);
        var callSites = sites.Values.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        return new Result(pairs.Select(p => (p, callSites[p])).ToList(), reported);
    }

    /// <summary>
    /// The layer a call reaches; <see cref="Indirect"/> when that is known only when it runs; null for an
    /// instruction that is not a call, or a virtual call no instantiated class can receive (it never runs).
    /// </summary>
    public static string? CalleeLayer(Instruction call, IReadOnlyList<ClassInfo> instantiated)
    {
        switch (call.Opcode)
        {
            case Opcode.Call:
                return call.Callee!.Layer;
            case Opcode.CallIndirect:
                return Indirect;
            case Opcode.CallVirtual or Opcode.CallInterface:
                var layers = Devirtualize.PossibleTargets(call, instantiated).Select(f => f?.Layer).Distinct().ToList();
                if (layers.Count == 0) return null;
                return layers is [{ } layer] ? layer : Indirect;
            default:
                return null;
        }
    }

    public static string PairName(string caller, string callee) => $"{caller} -> {callee}";

    /// <summary>counters[index] += 1, as plain IR in front of the call.</summary>
    private static IEnumerable<Instruction> Increment(Global counters, int index, int ilOffset)
    {
        var address = new Instruction(Opcode.GlobalAddr, IrType.Ptr) { Global = counters, ILOffset = ilOffset };
        var offset = new Instruction(Opcode.ConstInt, IrType.I64) { IntValue = 8L * index, ILOffset = ilOffset };
        var slot = new Instruction(Opcode.PtrAdd, IrType.Ptr, address, offset) { ILOffset = ilOffset };
        var count = new Instruction(Opcode.Load, IrType.I64, slot) { ILOffset = ilOffset };
        var one = new Instruction(Opcode.ConstInt, IrType.I64) { IntValue = 1, ILOffset = ilOffset };
        var sum = new Instruction(Opcode.Add, IrType.I64, count, one) { ILOffset = ilOffset };
        var store = new Instruction(Opcode.Store, IrType.Void, sum, slot) { ILOffset = ilOffset };
        return new[] { address, offset, slot, count, one, sum, store };
    }

    /// <exception cref="InvalidOperationException">The library OS and this pass disagree on the contract: a bug in one of them.</exception>
    private static bool CheckStartSignature(Function start)
    {
        if (start.ReturnType == IrType.Void && start.ParameterTypes.SequenceEqual(new IrType[] { IrType.Ptr, IrType.I32, IrType.Obj }))
            return true;
        throw new InvalidOperationException(
            $"{StartSymbol} is ({string.Join(", ", start.ParameterTypes)}) -> {start.ReturnType}; {Name} calls it as (ptr, i32, obj) -> void");
    }

    /// <summary>tb_layer_calls_start(counters, count, "caller -> callee\n..."), first thing in the entry point.</summary>
    private static void CallStart(Function entryPoint, Function start, Global counters, IReadOnlyList<string> pairs)
    {
        var address = new Instruction(Opcode.GlobalAddr, IrType.Ptr) { Global = counters };
        var count = new Instruction(Opcode.ConstInt, IrType.I32) { IntValue = pairs.Count };
        var names = new Instruction(Opcode.StringLiteral, IrType.Obj) { Text = string.Concat(pairs.Select(p => p + "\n")) };
        var call = new Instruction(Opcode.Call, IrType.Void, address, count, names) { Callee = start };
        var block = entryPoint.Entry;
        foreach (var (i, k) in new[] { address, count, names, call }.Select((i, k) => (i, k))) block.Insert(k, i);
    }
}
