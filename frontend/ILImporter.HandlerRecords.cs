using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// The first pass of exception handling (docs/exceptions.md). Each try block with catch or filter
/// clauses has a handler record in the frame, linked into the core library's chain on every edge
/// into the block and unlinked on every way out (<c>leave</c>, or the dispatch). The record names a
/// select function, <c>i32 (ptr record, obj exception)</c>, that tests the clauses in order: a
/// shared one for catch types only, or one imported from this method's filters, which reach the
/// method's locals and arguments through addresses stored after the record's header.
/// </summary>
internal sealed partial class ILImporter
{
    private Value Record(Region region) =>
        region.Record ??= Slot(compilation.Handlers.RecordType(region.Environment.Count));

    /// <summary>Try blocks with records that an edge from the current instruction into <paramref name="offset"/> enters, outermost first.</summary>
    private List<Region> RegionsEnteredAt(int offset) =>
        regions.Where(r => r.HasRecord && r.TryStart == offset && !(current is not null && r.Contains(current.Offset)))
            .Reverse().ToList();

    /// <summary>An edge that enters try blocks goes through a block that links their records in.</summary>
    private BlockTarget ThroughTryEntry(List<Region> entered, BlockTarget into)
    {
        var saved = b;
        var block = function.AddBlock();
        b = new Builder(block) { ILOffset = entered[0].TryStart };
        foreach (var region in entered)
        {
            var record = Record(region);
            for (int k = 0; k < region.Environment.Count; k++)
            {
                var (isArgument, index) = region.Environment[k];
                var address = isArgument ? argSlots[index]! : localSlots[index];
                b.Store(address, EnvironmentEntry(record, k));
            }
            var select = b.Emit(Opcode.FunctionAddress, IrType.Ptr);
            select.Callee = SelectFunction(region);
            b.Call(compilation.Handlers.Runtime("EnterTry"), new[] { record, select });
        }
        b.Br(into.Block, into.Arguments);
        b = saved;
        return new BlockTarget(block);
    }

    private Value EnvironmentEntry(Value record, int k) =>
        b.Emit(Opcode.PtrAdd, IrType.Ptr, record, b.ConstInt(IrType.I64, HandlerRecords.EnvironmentOffset + 8 * k));

    /// <summary>The type a catch clause takes; null when it takes everything (object, Exception).</summary>
    private TypeReference? CaughtType(ExceptionHandler h) =>
        h.CatchType.FullName is "System.Object" or "System.Exception" ? null : context.Substitute(h.CatchType);

    private Function SelectFunction(Region region)
    {
        if (region.Handlers.All(h => h.HandlerType == ExceptionHandlerType.Catch))
            return compilation.Handlers.CatchSelector(region.Handlers.Select(CaughtType).ToList(), function.Layer);
        var selector = new Function($"{function.Name}$filters@IL_{region.TryStart:x4}", IrType.I32, new[] { IrType.Ptr, IrType.Obj }, function.Layer)
        {
            Source = $"{method.Location} (the clauses of the try block at IL_{region.TryStart:x4})",
            // Its code is the method's own filter IL: the method's lines apply.
            SourceMap = function.SourceMap,
        };
        compilation.Module.Functions.Add(selector);
        new ILImporter(compilation, method, selector).ImportSelectFunction(region.TryStart, region.TryEnd);
        return selector;
    }

    /// <summary>
    /// Imports the select function of one try block: the clauses' tests in order, filters imported
    /// from the method's IL with its locals and arguments reached through the record. An exception
    /// a filter lets escape makes it count as false (§II.19.4), through <see cref="FilterFailure"/>.
    /// </summary>
    private void ImportSelectFunction(int tryStart, int tryEnd)
    {
        body.SimplifyMacros();
        SetUpRegions();
        var region = regions.Single(r => r.TryStart == tryStart && r.TryEnd == tryEnd);
        var entry = function.AddBlock();
        var record = entry.AddParameter(IrType.Ptr);
        Value exception = entry.AddParameter(IrType.Obj);
        b = new Builder(entry) { ILOffset = tryStart };
        SetUpArgumentAndLocalTypes();
        argValues = new Value[argTypes.Length];
        argSlots = new Value?[argTypes.Length];
        localSlots = new Value[localTypes.Length];
        for (int k = 0; k < region.Environment.Count; k++)
        {
            var (isArgument, index) = region.Environment[k];
            var address = b.Load(IrType.Ptr, EnvironmentEntry(record, k));
            if (isArgument) argSlots[index] = address; else localSlots[index] = address;
        }

        foreach (var i in body.Instructions) instructionAt[i.Offset] = i;
        foreach (var offset in FindBlockStarts()) blocks[offset] = new ILBlock(offset);
        Builder? test = b;
        for (int k = 0; k < region.Handlers.Count && test is not null; k++)
        {
            var h = region.Handlers[k];
            if (h.HandlerType == ExceptionHandlerType.Catch)
            {
                test = HandlerRecords.TestCatchClause(test, function, CaughtType(h) is { } type ? layouts.Class(type) : null, exception, k);
                continue;
            }
            if (h.HandlerType != ExceptionHandlerType.Filter)
                throw Unsupported(h.TryStart.Offset, $"a {h.HandlerType} handler sharing its try block with other handlers");
            var next = function.AddBlock();
            filterOutcomes[h] = (next, k);
            b = test;
            Jump(Enter(blocks[h.FilterStart.Offset], new List<Value> { exception }));
            test = new Builder(next) { ILOffset = tryStart };
        }
        test?.Ret(test.ConstInt(IrType.I32, -1));

        while (worklist.Count > 0)
        {
            var block = worklist.Dequeue();
            if (block.Imported) continue;
            block.Imported = true;
            ImportBlock(block);
        }
    }
}
