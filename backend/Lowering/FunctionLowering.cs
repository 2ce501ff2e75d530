using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// Lowers one function. Blocks are visited in reverse postorder so every operand is lowered before
/// its uses; block parameters become phis whose incoming values are filled in once every branch
/// exists. .NET semantics that the IR keeps explicit (checks, allocation, class initialisation)
/// become plain LLVM control flow and calls into the runtime contract here.
/// </summary>
internal sealed partial class FunctionLowering
{
    private readonly ModuleLowering module;
    private readonly Function function;
    private readonly LLVMValueRef llvmFunction;
    private readonly LlvmContext ctx;
    private readonly LLVMBuilderRef builder;
    private readonly LLVMBuilderRef allocaBuilder;
    private readonly Dictionary<Value, LLVMValueRef> values = new();
    private readonly Dictionary<Block, LLVMBasicBlockRef> blocks = new();
    private readonly List<(BlockTarget Target, LLVMBasicBlockRef From)> edges = new();
    private readonly Dictionary<(string, LLVMBasicBlockRef, int), LLVMBasicBlockRef> throwBlocks = new();
    private LLVMBasicBlockRef allocaBlock;
    // Objects allocated earlier in the block being lowered with nothing since that could collect: still young.
    private readonly HashSet<Value> youngObjects = new();

    public FunctionLowering(ModuleLowering module, Function function)
    {
        this.module = module;
        this.function = function;
        llvmFunction = module.FunctionValue(function).Function;
        ctx = module.Context;
        builder = LLVM.CreateBuilderInContext(ctx);
        allocaBuilder = LLVM.CreateBuilderInContext(ctx);
    }

    public void Lower()
    {
        try
        {
            // Every stack slot lives in a block of its own at the start, so that a slot created
            // inside a loop is still one fixed frame slot, as mem2reg and SROA expect.
            allocaBlock = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "slots");
            LLVM.PositionBuilderAtEnd(allocaBuilder, allocaBlock);
            if (module.Debug is { } debug)
            {
                LLVM.SetSubprogram(llvmFunction, debug.Subprogram(function));
                LLVM.SetCurrentDebugLocation2(allocaBuilder, debug.PrologueLocation(function));
            }
            var order = Dominators.Postorder(function);
            order.Reverse();
            var index = function.Blocks.Select((b, k) => (b, k)).ToDictionary(x => x.b, x => x.k);
            foreach (var block in order)
                blocks[block] = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "bb" + index[block]);
            for (int k = 0; k < function.Entry.Parameters.Count; k++)
                values[function.Entry.Parameters[k]] = LLVM.GetParam(llvmFunction, (uint)k);
            foreach (var block in order)
            {
                LLVM.PositionBuilderAtEnd(builder, blocks[block]);
                if (block != function.Entry)
                    foreach (var p in block.Parameters)
                        values[p] = LLVM.BuildPhi(builder, module.Type(p.Type));
            }
            foreach (var block in order)
            {
                LLVM.PositionBuilderAtEnd(builder, blocks[block]);
                youngObjects.Clear();
                foreach (var instruction in block.Instructions)
                {
                    if (module.Debug is { } lines) LLVM.SetCurrentDebugLocation2(builder, lines.Location(function, instruction));
                    Lower(instruction);
                    if (GcWriteBarrier.MayCollect(instruction)) youngObjects.Clear();
                    if (instruction.Opcode is Opcode.NewObject or Opcode.NewArray or Opcode.NewString) youngObjects.Add(instruction);
                }
            }
            foreach (var (target, from) in edges)
                for (int k = 0; k < target.Arguments.Count; k++)
                    LLVM.AddIncoming(values[target.Block.Parameters[k]], values[target.Arguments[k]], from);
            CompletePropagateLines();
            DeclareVariables();
            LLVM.BuildBr(allocaBuilder, blocks[function.Entry]);
        }
        finally
        {
            LLVM.DisposeBuilder(builder);
            LLVM.DisposeBuilder(allocaBuilder);
        }
    }

    /// <summary>
    /// With debug info, ties each described C# variable to a stack slot: the importer's own slot while a
    /// pass has not promoted it, or, for an argument passed in a register, a slot it is spilled to here
    /// (as clang does at -O0; LLVM's optimiser turns both into value records when it promotes them).
    /// </summary>
    private void DeclareVariables()
    {
        if (module.Debug is not { } debug) return;
        foreach (var variable in function.DebugVariables)
        {
            if (variable.Storage is Instruction { Opcode: Opcode.Alloca } slot && slot.Block?.Function == function
                && values.TryGetValue(slot, out var address))
            {
                debug.Declare(function, variable, slot.TypeOperand!, address, allocaBlock);
            }
            else if (variable.Storage is BlockParameter p && p.Block == function.Entry && values.TryGetValue(p, out var argument))
            {
                var spill = LLVM.BuildAlloca(allocaBuilder, T(p.Type));
                LLVM.SetAlignment(spill, (uint)Math.Max(8, p.Type.Alignment));
                LLVM.BuildStore(allocaBuilder, argument, spill);
                debug.Declare(function, variable, p.Type, spill, allocaBlock);
            }
        }
    }

    private LLVMValueRef V(Value v) => values[v];
    private LLVMTypeRef T(IrType t) => module.Type(t);
    private LLVMValueRef I64(long v) => LLVM.ConstInt(ctx.Int64, (ulong)v, true);
    private LLVMValueRef I32(int v) => LLVM.ConstInt(ctx.Int32, (ulong)(long)v, true);

    private LLVMValueRef BytePointer(LLVMValueRef basePointer, LLVMValueRef offset) =>
        LLVM.BuildGEP2(builder, ctx.Int8, basePointer, new[] { offset });

    private LLVMValueRef Load(LLVMTypeRef type, LLVMValueRef address)
    {
        var load = LLVM.BuildLoad2(builder, type, address);
        // Pointers from C# code may be unaligned (byte* cast to int*); x86 does not care and
        // nothing guarantees more, so claim nothing.
        LLVM.SetAlignment(load, 1);
        return load;
    }

    private LLVMValueRef Store(LLVMValueRef value, LLVMValueRef address)
    {
        var store = LLVM.BuildStore(builder, value, address);
        LLVM.SetAlignment(store, 1);
        return store;
    }

    /// <summary>The generational collector's card mark after a store of <paramref name="type"/> to <paramref name="address"/>.</summary>
    private void WriteBarrier(IrType type, Value address)
    {
        if (!module.EmitsWriteBarriers || !GcWriteBarrier.MayStoreIntoOldObject(address, youngObjects)) return;
        var offsets = GcWriteBarrier.ReferenceOffsets(type);
        if (offsets.Count == 0) return;
        var (table, mask) = module.CardTable;
        var cards = LLVM.BuildLoad2(builder, ctx.Ptr, table);
        var cardMask = LLVM.BuildLoad2(builder, ctx.Int64, mask);
        foreach (var offset in offsets)
        {
            var slot = offset == 0 ? V(address) : BytePointer(V(address), I64(offset));
            var index = LLVM.BuildAnd(builder,
                LLVM.BuildLShr(builder, LLVM.BuildCast(builder, LLVMOpcode.PtrToInt, slot, ctx.Int64), I64(GcWriteBarrier.CardShift)),
                cardMask);
            LLVM.BuildStore(builder, LLVM.ConstInt(ctx.Int8, 1, false), BytePointer(cards, index));
        }
    }

    /// <summary>A raw copy (cpblk) may move references: every card of the destination range is marked.</summary>
    private void WriteBarrierRange(Value destination, Value count)
    {
        if (!module.EmitsWriteBarriers || !GcWriteBarrier.MayStoreIntoOldObject(destination, youngObjects)) return;
        var (range, type) = module.RuntimeFunction(GcWriteBarrier.RangeSymbol, IrType.Void, IrType.Ptr, IrType.I64);
        LLVM.BuildCall2(builder, type, range, new[] { V(destination), V(count) });
    }

    private void Lower(Instruction i)
    {
        current = i;
        var ops = i.Operands;
        LLVMValueRef result = default;
        switch (i.Opcode)
        {
            case Opcode.ConstInt: result = LLVM.ConstInt(T(i.Type), (ulong)i.IntValue, true); break;
            case Opcode.ConstFloat: result = LLVM.ConstReal(T(i.Type), i.FloatValue); break;
            case Opcode.ConstNull: result = LLVM.ConstPointerNull(ctx.Ptr); break;
            case Opcode.StringLiteral: result = module.StringLiteral(i.Text!); break;

            case Opcode.Add: result = LLVM.BuildAdd(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.Sub: result = LLVM.BuildSub(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.Mul: result = LLVM.BuildMul(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.And: result = LLVM.BuildAnd(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.Or: result = LLVM.BuildOr(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.Xor: result = LLVM.BuildXor(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.Shl: result = LLVM.BuildShl(builder, V(ops[0]), MaskedShiftCount(i)); break;
            case Opcode.AShr: result = LLVM.BuildAShr(builder, V(ops[0]), MaskedShiftCount(i)); break;
            case Opcode.LShr: result = LLVM.BuildLShr(builder, V(ops[0]), MaskedShiftCount(i)); break;
            case Opcode.SDiv or Opcode.SRem or Opcode.UDiv or Opcode.URem: result = Division(i); break;
            case Opcode.AddOvf: result = CheckedArithmetic("llvm.sadd.with.overflow", i); break;
            case Opcode.AddOvfUn: result = CheckedArithmetic("llvm.uadd.with.overflow", i); break;
            case Opcode.SubOvf: result = CheckedArithmetic("llvm.ssub.with.overflow", i); break;
            case Opcode.SubOvfUn: result = CheckedArithmetic("llvm.usub.with.overflow", i); break;
            case Opcode.MulOvf: result = CheckedArithmetic("llvm.smul.with.overflow", i); break;
            case Opcode.MulOvfUn: result = CheckedArithmetic("llvm.umul.with.overflow", i); break;
            case Opcode.OverflowCheck: ThrowIf(V(ops[0]), "tb_raise_overflow"); break;
            case Opcode.Neg: result = LLVM.BuildNeg(builder, V(ops[0])); break;
            case Opcode.Not: result = LLVM.BuildNot(builder, V(ops[0])); break;
            case Opcode.FAdd: result = LLVM.BuildFAdd(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.FSub: result = LLVM.BuildFSub(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.FMul: result = LLVM.BuildFMul(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.FDiv: result = LLVM.BuildFDiv(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.FRem: result = LLVM.BuildFRem(builder, V(ops[0]), V(ops[1])); break;
            case Opcode.FNeg: result = LLVM.BuildFNeg(builder, V(ops[0])); break;
            case Opcode.ICmp: result = LLVM.BuildICmp(builder, IntPredicate(i.Predicate), V(ops[0]), V(ops[1])); break;
            case Opcode.FCmp: result = LLVM.BuildFCmp(builder, RealPredicate(i.Predicate), V(ops[0]), V(ops[1])); break;
            case Opcode.Select: result = LLVM.BuildSelect(builder, V(ops[0]), V(ops[1]), V(ops[2])); break;

            case Opcode.Trunc: result = LLVM.BuildCast(builder, LLVMOpcode.Trunc, V(ops[0]), T(i.Type)); break;
            case Opcode.SExt: result = LLVM.BuildCast(builder, LLVMOpcode.SExt, V(ops[0]), T(i.Type)); break;
            case Opcode.ZExt: result = LLVM.BuildCast(builder, LLVMOpcode.ZExt, V(ops[0]), T(i.Type)); break;
            case Opcode.SIToFP: result = LLVM.BuildCast(builder, LLVMOpcode.SIToFP, V(ops[0]), T(i.Type)); break;
            case Opcode.UIToFP: result = LLVM.BuildCast(builder, LLVMOpcode.UIToFP, V(ops[0]), T(i.Type)); break;
            case Opcode.FPExt: result = LLVM.BuildCast(builder, LLVMOpcode.FPExt, V(ops[0]), T(i.Type)); break;
            case Opcode.FPTrunc: result = LLVM.BuildCast(builder, LLVMOpcode.FPTrunc, V(ops[0]), T(i.Type)); break;
            case Opcode.PtrToInt: result = LLVM.BuildCast(builder, LLVMOpcode.PtrToInt, V(ops[0]), T(i.Type)); break;
            case Opcode.IntToPtr: result = LLVM.BuildCast(builder, LLVMOpcode.IntToPtr, V(ops[0]), T(i.Type)); break;
            case Opcode.Reinterpret: result = V(ops[0]); break;
            case Opcode.FPToSI: result = SaturatingConversion("llvm.fptosi.sat", i); break;
            case Opcode.FPToUI: result = SaturatingConversion("llvm.fptoui.sat", i); break;

            case Opcode.Alloca:
            {
                result = LLVM.BuildAlloca(allocaBuilder, T(i.TypeOperand!));
                LLVM.SetAlignment(result, (uint)Math.Max(8, i.TypeOperand!.Alignment));
                break;
            }
            case Opcode.StackAlloc:
                result = LLVM.BuildArrayAlloca(builder, ctx.Int8, V(ops[0]));
                LLVM.SetAlignment(result, 16);
                break;
            case Opcode.Load:
                result = Load(T(i.Type), V(ops[0]));
                if (i.Volatile) LLVM.SetVolatile(result, true);
                break;
            case Opcode.Store:
                var store = Store(V(ops[0]), V(ops[1]));
                if (i.Volatile) LLVM.SetVolatile(store, true);
                WriteBarrier(ops[0].Type, ops[1]);
                break;
            case Opcode.FieldAddr: result = BytePointer(V(ops[0]), I64(i.Field!.Offset)); break;
            case Opcode.GlobalAddr: result = module.GlobalValue(i.Global!); break;
            case Opcode.PtrAdd: result = BytePointer(V(ops[0]), V(ops[1])); break;
            case Opcode.Copy:
                LLVM.BuildMemMove(builder, V(ops[0]), 1, V(ops[1]), 1, V(ops[2]));
                WriteBarrierRange(ops[0], ops[2]);
                break;
            case Opcode.Fill: LLVM.BuildMemSet(builder, V(ops[0]), V(ops[1]), V(ops[2]), 1); break;

            case Opcode.NewObject: result = NewObject(i.Class!); break;
            case Opcode.NewArray: result = NewArray(i.Class!, V(ops[0]), ops[0].Type); break;
            case Opcode.NewString: result = NewString(i.Class!, V(ops[0])); break;
            case Opcode.ArrayLength: result = ArrayLength(V(ops[0])); break;
            case Opcode.ElementAddr: result = ElementAddress(V(ops[0]), V(ops[1]), ops[1].Type, i.TypeOperand!); break;
            case Opcode.BoundsCheck: BoundsCheck(V(ops[0]), V(ops[1]), ops[1].Type); break;
            case Opcode.NullCheck: NullCheck(V(ops[0])); break;
            case Opcode.InitClass: InitClass(i.Class!); break;

            case Opcode.Call when !module.Options.HandlerRecords && i.Callee!.ExportName is "tb_enter_try" or "tb_leave_try":
                break;
            case Opcode.Call:
            {
                var (callee, type) = module.FunctionValue(i.Callee!);
                result = LLVM.BuildCall2(builder, type, callee, ops.Select(V).ToArray());
                AfterCall(i);
                break;
            }
            case Opcode.LandingPad: result = LandingPad(); break;
            case Opcode.Throw: Throw(i); break;
            case Opcode.CallVirtual or Opcode.CallInterface: result = DispatchCall(i); AfterCall(i); break;
            case Opcode.CallIndirect: result = IndirectCall(i); AfterCall(i); break;
            case Opcode.FunctionAddress: result = module.FunctionValue(i.Callee!).Function; break;
            case Opcode.VirtualFunctionAddress: result = DispatchTarget(i, V(ops[0])); break;
            case Opcode.IsInstance: result = TypeCheck("tb_is_instance", i); break;
            case Opcode.TypeDescriptor: result = module.TypeDescriptor(i.Class!); break;
            case Opcode.CastClass: result = TypeCheck("tb_cast_class", i); BranchIfPending(); break;
            case Opcode.Unbox: result = TypeCheck("tb_unbox", i); BranchIfPending(); break;
            case Opcode.Intrinsic: result = Intrinsic(i); break;

            case Opcode.Ret:
                if (ops.Count == 0) LLVM.BuildRetVoid(builder); else LLVM.BuildRet(builder, V(ops[0]));
                break;
            case Opcode.Br:
                Branch(i.Targets[0]);
                LLVM.BuildBr(builder, blocks[i.Targets[0].Block]);
                break;
            case Opcode.CondBr:
                Branch(i.Targets[0]);
                Branch(i.Targets[1]);
                LLVM.BuildCondBr(builder, V(ops[0]), blocks[i.Targets[0].Block], blocks[i.Targets[1].Block]);
                break;
            case Opcode.Switch:
            {
                foreach (var t in i.Targets) Branch(t);
                var sw = LLVM.BuildSwitch(builder, V(ops[0]), blocks[i.Targets[0].Block], (uint)i.CaseValues.Count);
                for (int k = 0; k < i.CaseValues.Count; k++)
                    LLVM.AddCase(sw, LLVM.ConstInt(T(ops[0].Type), (ulong)i.CaseValues[k], true), blocks[i.Targets[k + 1].Block]);
                break;
            }
            case Opcode.Unreachable: LLVM.BuildUnreachable(builder); break;
            default: throw new InvalidOperationException($"the backend cannot lower '{Printer.Print(i)}' in @{function.Name}");
        }
        if (i.HasResult) values[i] = result;
    }

    /// <summary>Records the edge for the target's phis; the source is wherever lowering has got to, since checks split blocks.</summary>
    private void Branch(BlockTarget target) => edges.Add((target, LLVM.GetInsertBlock(builder)));

    private static LLVMIntPredicate IntPredicate(Predicate p) => p switch
    {
        Predicate.Eq => LLVMIntPredicate.EQ, Predicate.Ne => LLVMIntPredicate.NE,
        Predicate.SLt => LLVMIntPredicate.SLT, Predicate.SLe => LLVMIntPredicate.SLE,
        Predicate.SGt => LLVMIntPredicate.SGT, Predicate.SGe => LLVMIntPredicate.SGE,
        Predicate.ULt => LLVMIntPredicate.ULT, Predicate.ULe => LLVMIntPredicate.ULE,
        Predicate.UGt => LLVMIntPredicate.UGT, Predicate.UGe => LLVMIntPredicate.UGE,
        _ => throw new InvalidOperationException($"{p} is not an integer predicate"),
    };

    private static LLVMRealPredicate RealPredicate(Predicate p) => p switch
    {
        Predicate.OEq => LLVMRealPredicate.OEQ, Predicate.ONe => LLVMRealPredicate.ONE,
        Predicate.OLt => LLVMRealPredicate.OLT, Predicate.OLe => LLVMRealPredicate.OLE,
        Predicate.OGt => LLVMRealPredicate.OGT, Predicate.OGe => LLVMRealPredicate.OGE,
        Predicate.UEq => LLVMRealPredicate.UEQ, Predicate.UNe => LLVMRealPredicate.UNE,
        Predicate.ULtF => LLVMRealPredicate.ULT, Predicate.ULeF => LLVMRealPredicate.ULE,
        Predicate.UGtF => LLVMRealPredicate.UGT, Predicate.UGeF => LLVMRealPredicate.UGE,
        _ => throw new InvalidOperationException($"{p} is not a float predicate"),
    };

    private LLVMValueRef MaskedShiftCount(Instruction i)
    {
        var bits = ((PrimitiveType)i.Type).Bits;
        return LLVM.BuildAnd(builder, V(i.Operands[1]), LLVM.ConstInt(T(i.Type), (ulong)(bits - 1), false));
    }

    private LLVMValueRef SaturatingConversion(string name, Instruction i)
    {
        var fn = module.Intrinsic(name, new[] { T(i.Type), T(i.Operands[0].Type) }, out var type);
        return LLVM.BuildCall2(builder, type, fn, new[] { V(i.Operands[0]) });
    }
}
