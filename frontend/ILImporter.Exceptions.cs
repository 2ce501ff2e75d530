using Mono.Cecil;
using Mono.Cecil.Cil;
using Testbed.IR;
using Cil = Mono.Cecil.Cil;

namespace Testbed.Frontend;

/// <summary>
/// Protected regions (ECMA-335 §II.19). Every instruction inside a try block gets the region's
/// dispatch block as its unwind target: the dispatch takes the exception (landingpad) and tests the
/// catch clauses in order, runs filters, or enters the finally/fault handler; what no clause takes
/// is rethrown to the enclosing region. A finally handler's code is imported once: whoever enters
/// it sets the region's selector (-1 for an exception in flight, else the number of the
/// continuation that <c>leave</c> asked for), and <c>endfinally</c> switches on it.
/// </summary>
internal sealed partial class ILImporter
{
    private sealed class Region
    {
        public Region(int tryStart, int tryEnd) { TryStart = tryStart; TryEnd = tryEnd; }
        public int TryStart { get; }
        public int TryEnd { get; }
        public List<ExceptionHandler> Handlers { get; } = new();
        public Block? Dispatch { get; set; }
        /// <summary>The exception being handled, for rethrow, filters and finally's rethrow.</summary>
        public Value? ExceptionSlot { get; set; }
        public Value? Selector { get; set; }
        public Block? FinallyExit { get; set; }
        public List<Block> Continuations { get; } = new();

        public bool Contains(int offset) => TryStart <= offset && offset < TryEnd;
        public bool IsFinally => Handlers.Count == 1 && Handlers[0].HandlerType is ExceptionHandlerType.Finally or ExceptionHandlerType.Fault;
        public ExceptionHandler Finally => Handlers[0];
    }

    private readonly List<Region> regions = new();
    /// <summary>Filter blocks: what to do when a filter says no (the next clause's test) and the handler to run when it says yes.</summary>
    private readonly Dictionary<ExceptionHandler, (Block Next, Region Region)> filterOutcomes = new();

    private void SetUpRegions()
    {
        foreach (var h in body.ExceptionHandlers)
        {
            int start = h.TryStart.Offset, end = h.TryEnd?.Offset ?? int.MaxValue;
            var region = regions.FirstOrDefault(r => r.TryStart == start && r.TryEnd == end);
            if (region is null) regions.Add(region = new Region(start, end));
            region.Handlers.Add(h);
        }
        // Innermost first: the first region containing an offset is the one that handles it.
        regions.Sort((x, y) => (x.TryEnd - x.TryStart).CompareTo(y.TryEnd - y.TryStart));
    }

    private IEnumerable<int> HandlerBlockStarts() =>
        body.ExceptionHandlers.SelectMany(h => h.FilterStart is null
            ? new[] { h.HandlerStart.Offset }
            : new[] { h.HandlerStart.Offset, h.FilterStart.Offset });

    private Region? InnermostRegion(int offset) => regions.FirstOrDefault(r => r.Contains(offset));

    /// <summary>
    /// The unwind target for code at <paramref name="offset"/>: the dispatch of the innermost try
    /// around it, or, inside a filter (and not in a try within it), the filter's failure block: an
    /// exception escaping a filter is swallowed and the filter counts as false (§II.19.4).
    /// </summary>
    private Block? UnwindFor(int offset)
    {
        var region = InnermostRegion(offset);
        var filter = body.ExceptionHandlers.FirstOrDefault(h => h.FilterStart is not null && h.FilterStart.Offset <= offset && offset < h.HandlerStart.Offset);
        if (filter is not null && (region is null || region.TryStart < filter.FilterStart.Offset))
            return FilterFailure(filter);
        return region is null ? null : Dispatch(region);
    }

    private readonly Dictionary<ExceptionHandler, Block> filterFailures = new();

    private Block FilterFailure(ExceptionHandler filter)
    {
        if (filterFailures.TryGetValue(filter, out var known)) return known;
        var block = function.AddBlock();
        filterFailures[filter] = block;
        var failure = new Builder(block) { ILOffset = filter.FilterStart.Offset };
        failure.Emit(Opcode.LandingPad, IrType.Obj);
        failure.Br(filterOutcomes[filter].Next);
        return block;
    }

    private Value Slot(IrType type)
    {
        var slot = new Testbed.IR.Instruction(Opcode.Alloca, IrType.Ptr) { TypeOperand = type };
        function.Entry.Insert(0, slot);
        return slot;
    }

    private Block Dispatch(Region region)
    {
        if (region.Dispatch is not null) return region.Dispatch;
        var saved = b;
        var savedStack = stack;
        region.Dispatch = function.AddBlock();
        region.ExceptionSlot = Slot(IrType.Obj);
        var enclosing = Enclosing(region);
        var outer = enclosing is null ? null : Dispatch(enclosing);
        b = new Builder(region.Dispatch) { Unwind = outer, ILOffset = region.TryStart };
        var exception = b.Emit(Opcode.LandingPad, IrType.Obj);
        b.Store(exception, region.ExceptionSlot);
        if (region.IsFinally)
        {
            region.Selector ??= Slot(IrType.I32);
            b.Store(b.ConstInt(IrType.I32, -1), region.Selector);
            Jump(Enter(blocks[region.Finally.HandlerStart.Offset], new List<Value>()));
        }
        else
        {
            foreach (var h in region.Handlers)
            {
                var next = function.AddBlock();
                switch (h.HandlerType)
                {
                    case ExceptionHandlerType.Catch when h.CatchType.FullName is "System.Object" or "System.Exception":
                        Jump(Enter(blocks[h.HandlerStart.Offset], new List<Value> { exception }));
                        break;
                    case ExceptionHandlerType.Catch:
                    {
                        var match = b.WithClass(Opcode.IsInstance, IrType.Obj, layouts.Class(context.Substitute(h.CatchType)), exception);
                        var isMatch = b.Compare(Predicate.Ne, match, b.Null(IrType.Obj));
                        b.CondBr(isMatch, Enter(blocks[h.HandlerStart.Offset], new List<Value> { exception }), new BlockTarget(next));
                        break;
                    }
                    case ExceptionHandlerType.Filter:
                        filterOutcomes[h] = (next, region);
                        Jump(Enter(blocks[h.FilterStart.Offset], new List<Value> { exception }));
                        break;
                    default:
                        throw Unsupported(h.TryStart.Offset, $"a {h.HandlerType} handler sharing its try block with other handlers");
                }
                b = new Builder(next) { Unwind = outer, ILOffset = region.TryStart };
                exception = b.Load(IrType.Obj, region.ExceptionSlot);
            }
            // No clause took it: on to the enclosing region, or the caller.
            var rethrow = b.Emit(Opcode.Throw, IrType.Void, exception);
            rethrow.IntValue = 1;
        }
        b = saved;
        stack = savedStack;
        return region.Dispatch;
    }

    /// <summary>The innermost try block around this one, where what this one's handlers let through goes.</summary>
    private Region? Enclosing(Region region) =>
        regions.FirstOrDefault(r => r != region && r.TryStart <= region.TryStart && region.TryEnd <= r.TryEnd);

    private void ImportThrow()
    {
        var exception = Coerce(Pop(), IrType.Obj);
        b.Emit(Opcode.Throw, IrType.Void, exception);
    }

    /// <summary>rethrow: the exception of the innermost catch handler around this instruction, stack trace kept.</summary>
    private void ImportRethrow()
    {
        int offset = current.Offset;
        var region = regions.FirstOrDefault(r => r.Handlers.Any(h => h.HandlerStart.Offset <= offset && offset < (h.HandlerEnd?.Offset ?? int.MaxValue)))
            ?? throw Unsupported("rethrow outside a catch handler");
        Dispatch(region);
        var rethrow = b.Emit(Opcode.Throw, IrType.Void, b.Load(IrType.Obj, region.ExceptionSlot!));
        rethrow.IntValue = 1;
    }

    private void ImportEndFilter()
    {
        var verdict = PopNumeric();
        var handler = body.ExceptionHandlers.FirstOrDefault(h => h.FilterStart is not null && h.FilterStart.Offset <= current.Offset && current.Offset < h.HandlerStart.Offset)
            ?? throw Unsupported("endfilter outside a filter");
        var (next, region) = filterOutcomes[handler];
        var exception = b.Load(IrType.Obj, region.ExceptionSlot!);
        var accepted = b.Compare(Predicate.Ne, verdict, b.ConstInt(verdict.Type, 0));
        b.CondBr(accepted, Enter(blocks[handler.HandlerStart.Offset], new List<Value> { exception }), new BlockTarget(next));
    }

    /// <summary>
    /// leave: empty the stack, run the finally handlers of every try block being left (innermost
    /// first), then go on at the target.
    /// </summary>
    private void ImportLeave(Cil.Instruction target)
    {
        stack.Clear();
        int from = current.Offset, to = target.Offset;
        var finallies = regions.Where(r => r.Contains(from) && !r.Contains(to) && r.IsFinally
            && r.Finally.HandlerType == ExceptionHandlerType.Finally).ToList();
        Jump(LeaveThrough(finallies, 0, target));
    }

    private BlockTarget LeaveThrough(List<Region> finallies, int index, Cil.Instruction target)
    {
        if (index == finallies.Count) return Enter(blocks[target.Offset], new List<Value>());
        var region = finallies[index];
        region.Selector ??= Slot(IrType.I32);
        int continuation = region.Continuations.Count;
        var after = function.AddBlock();
        region.Continuations.Add(after);
        var saved = b;
        b = new Builder(after) { ILOffset = current.Offset };
        Jump(LeaveThrough(finallies, index + 1, target));
        b = saved;
        b.Store(b.ConstInt(IrType.I32, continuation), region.Selector);
        return Enter(blocks[region.Finally.HandlerStart.Offset], new List<Value>());
    }

    private void ImportEndFinally()
    {
        int offset = current.Offset;
        var region = regions.FirstOrDefault(r => r.IsFinally && r.Finally.HandlerStart.Offset <= offset && offset < (r.Finally.HandlerEnd?.Offset ?? int.MaxValue))
            ?? throw Unsupported("endfinally outside a finally or fault handler");
        region.FinallyExit ??= function.AddBlock();
        stack.Clear();
        Jump(new BlockTarget(region.FinallyExit));
    }

    /// <summary>After every block is imported: each finally's exit switches on how it was entered.</summary>
    private void CompleteFinallyExits()
    {
        foreach (var region in regions.Where(r => r.FinallyExit is not null))
        {
            var handlerStart = region.Finally.HandlerStart.Offset;
            b = new Builder(region.FinallyExit!) { ILOffset = handlerStart };
            var rethrowBlock = function.AddBlock();
            var selector = region.Selector ?? Slot(IrType.I32);
            region.Selector = selector;
            var sw = b.Emit(Opcode.Switch, IrType.Void, b.Load(IrType.I32, selector));
            sw.Targets.Add(new BlockTarget(rethrowBlock));
            for (int k = 0; k < region.Continuations.Count; k++)
            {
                sw.CaseValues.Add(k);
                sw.Targets.Add(new BlockTarget(region.Continuations[k]));
            }
            b = new Builder(rethrowBlock) { ILOffset = handlerStart, Unwind = UnwindFor(handlerStart) };
            region.ExceptionSlot ??= Slot(IrType.Obj);
            var rethrow = b.Emit(Opcode.Throw, IrType.Void, b.Load(IrType.Obj, region.ExceptionSlot));
            rethrow.IntValue = 1;
        }
    }
}
