using Mono.Cecil;
using Mono.Cecil.Cil;
using Testbed.IR;
using Cil = Mono.Cecil.Cil;

namespace Testbed.Frontend;

/// <summary>
/// Protected regions (ECMA-335 §II.19; docs/exceptions.md). Every instruction inside a try block gets
/// the region's dispatch block as its unwind target. A try block with catch or filter clauses has a
/// handler record in the frame, linked into the core library's chain while control is inside the
/// block, with a select function that tests the clauses and runs the filters: the first pass calls
/// it when an exception is raised. The dispatch takes the exception (landingpad), asks which clause
/// the first pass chose for this record, and enters that handler or resumes propagation to the
/// enclosing region. A finally handler's code is imported once: whoever enters it sets the region's
/// selector (-1 for an exception in flight, else the number of the continuation that <c>leave</c>
/// asked for), and <c>endfinally</c> switches on it.
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
        /// <summary>Catch or filter clauses: the first pass must see the block, so it has a handler record.</summary>
        public bool HasRecord => !IsFinally;
        public Value? Record { get; set; }
        /// <summary>The locals and arguments the filters use, whose addresses follow the record's header.</summary>
        public List<(bool IsArgument, int Index)> Environment { get; } = new();
    }

    private readonly List<Region> regions = new();
    /// <summary>In a select function: what to do when a filter says no (the next clause's test), and the clause it is.</summary>
    private readonly Dictionary<ExceptionHandler, (Block Next, int Clause)> filterOutcomes = new();

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
        foreach (var region in regions)
            foreach (var filter in region.Handlers.Where(h => h.HandlerType == ExceptionHandlerType.Filter))
                AddFilterEnvironment(region, filter);
    }

    /// <summary>The locals and arguments a filter reads or writes; it runs in its own function, through their addresses.</summary>
    private void AddFilterEnvironment(Region region, ExceptionHandler filter)
    {
        int start = filter.FilterStart.Offset, end = filter.HandlerStart.Offset;
        if (body.ExceptionHandlers.FirstOrDefault(h => start <= h.TryStart.Offset && h.TryStart.Offset < end) is { } nested)
            throw Unsupported(nested.TryStart.Offset, "a try block inside an exception filter");
        foreach (var i in body.Instructions.Where(i => start <= i.Offset && i.Offset < end))
        {
            (bool, int)? use = i.OpCode.Code switch
            {
                Code.Ldloc or Code.Ldloca or Code.Stloc => (false, ((VariableDefinition)i.Operand).Index),
                Code.Ldarg or Code.Ldarga or Code.Starg => (true, ArgumentIndex((ParameterDefinition)i.Operand)),
                _ => null,
            };
            if (use is { } u && !region.Environment.Contains(u)) region.Environment.Add(u);
        }
    }

    /// <summary>Arguments some filter uses: they live in slots, whose addresses the filter gets.</summary>
    private IEnumerable<int> ArgumentsUsedByFilters() =>
        regions.SelectMany(r => r.Environment).Where(u => u.IsArgument).Select(u => u.Index);

    /// <summary>Handler and filter starts, and try starts: the edge into a try block links its handler record in.</summary>
    private IEnumerable<int> HandlerBlockStarts() =>
        body.ExceptionHandlers.SelectMany(h => h.FilterStart is null
            ? new[] { h.HandlerStart.Offset, h.TryStart.Offset }
            : new[] { h.HandlerStart.Offset, h.FilterStart.Offset, h.TryStart.Offset });

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
            // The first pass has chosen the clause (or none) already; filters do not run again.
            var clause = b.Call(compilation.Handlers.Runtime("Catching"), new[] { Record(region), exception });
            var resume = function.AddBlock();
            var sw = b.Emit(Opcode.Switch, IrType.Void, clause);
            sw.Targets.Add(new BlockTarget(resume));
            for (int k = 0; k < region.Handlers.Count; k++)
            {
                var h = region.Handlers[k];
                if (h.HandlerType is not (ExceptionHandlerType.Catch or ExceptionHandlerType.Filter))
                    throw Unsupported(h.TryStart.Offset, $"a {h.HandlerType} handler sharing its try block with other handlers");
                sw.CaseValues.Add(k);
                sw.Targets.Add(Enter(blocks[h.HandlerStart.Offset], new List<Value> { exception }));
            }
            // No clause takes it: on to the enclosing region, or the caller.
            b = new Builder(resume) { Unwind = outer, ILOffset = region.TryStart };
            var carryOn = b.Emit(Opcode.Throw, IrType.Void, b.Load(IrType.Obj, region.ExceptionSlot));
            carryOn.IntValue = ThrowKind.Resume;
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
        rethrow.IntValue = ThrowKind.Rethrow;
    }

    /// <summary>endfilter, in a select function: the filter's clause if it says yes, else the next clause's test.</summary>
    private void ImportEndFilter()
    {
        var verdict = PopNumeric();
        var handler = body.ExceptionHandlers.FirstOrDefault(h => h.FilterStart is not null && h.FilterStart.Offset <= current.Offset && current.Offset < h.HandlerStart.Offset)
            ?? throw Unsupported("endfilter outside a filter");
        var (next, clause) = filterOutcomes[handler];
        var accepted = function.AddBlock();
        var take = new Builder(accepted) { ILOffset = current.Offset };
        take.Ret(take.ConstInt(IrType.I32, clause));
        b.CondBr(b.Compare(Predicate.Ne, verdict, b.ConstInt(verdict.Type, 0)), new BlockTarget(accepted), new BlockTarget(next));
    }

    /// <summary>
    /// leave: empty the stack and leave every try block between here and the target, innermost
    /// first: unlink its handler record, or run its finally handler.
    /// </summary>
    private void ImportLeave(Cil.Instruction target)
    {
        stack.Clear();
        int from = current.Offset, to = target.Offset;
        var left = regions.Where(r => r.Contains(from) && !r.Contains(to)
            && (r.HasRecord || r.Finally.HandlerType == ExceptionHandlerType.Finally)).ToList();
        Jump(LeaveThrough(left, 0, target));
    }

    private BlockTarget LeaveThrough(List<Region> left, int index, Cil.Instruction target)
    {
        if (index == left.Count) return Enter(blocks[target.Offset], new List<Value>());
        var region = left[index];
        var saved = b;
        if (region.HasRecord)
        {
            var unlink = function.AddBlock();
            b = new Builder(unlink) { ILOffset = current.Offset };
            b.Call(compilation.Handlers.Runtime("LeaveTry"), new[] { Record(region) });
            Jump(LeaveThrough(left, index + 1, target));
            b = saved;
            return new BlockTarget(unlink);
        }
        region.Selector ??= Slot(IrType.I32);
        int continuation = region.Continuations.Count;
        var after = function.AddBlock();
        region.Continuations.Add(after);
        b = new Builder(after) { ILOffset = current.Offset };
        Jump(LeaveThrough(left, index + 1, target));
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
            var carryOn = b.Emit(Opcode.Throw, IrType.Void, b.Load(IrType.Obj, region.ExceptionSlot));
            carryOn.IntValue = ThrowKind.Resume;
        }
    }
}
