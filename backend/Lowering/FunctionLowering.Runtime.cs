using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>Checks, allocation, class initialisation and machine intrinsics (docs/runtime-contract.md).</summary>
internal sealed partial class FunctionLowering
{
    private const int ArrayLengthOffset = 8;
    private const int ArrayDataOffset = 16;

    /// <summary>
    /// Branches, when <paramref name="condition"/> holds, to a block that calls the raise helper (it
    /// creates the exception and makes it pending) and leaves for the handler; one such block per
    /// helper and handler.
    /// </summary>
    private void ThrowIf(LLVMValueRef condition, string helper)
    {
        var exit = ExceptionalExit();
        // One raising block per helper, exit and line: checks on one line share it, and the stack trace keeps its line.
        int line = CurrentLine();
        if (!throwBlocks.TryGetValue((helper, exit, line), out var fail))
        {
            var here = LLVM.GetInsertBlock(builder);
            fail = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, helper);
            LLVM.PositionBuilderAtEnd(builder, fail);
            var (fn, type) = module.RuntimeFunction(helper, IrType.Void);
            LLVM.BuildCall2(builder, type, fn, Array.Empty<LLVMValueRef>());
            LLVM.BuildBr(builder, exit);
            NoteExit(exit, line);
            LLVM.PositionBuilderAtEnd(builder, here);
            throwBlocks[(helper, exit, line)] = fail;
        }
        var next = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "ok");
        LLVM.BuildCondBr(builder, condition, fail, next);
        LLVM.PositionBuilderAtEnd(builder, next);
    }

    private void NullCheck(LLVMValueRef obj) => ThrowIf(LLVM.BuildIsNull(builder, obj), "tb_raise_null_reference");

    /// <summary>.NET division: a zero divisor throws, and so does MinValue / -1 (x86's idiv faults on it).</summary>
    private LLVMValueRef Division(Instruction i)
    {
        var type = T(i.Type);
        var dividend = V(i.Operands[0]);
        var divisor = V(i.Operands[1]);
        ThrowIf(LLVM.BuildICmp(builder, LLVMIntPredicate.EQ, divisor, LLVM.ConstInt(type, 0, false)), "tb_raise_divide_by_zero");
        if (i.Opcode is Opcode.SDiv or Opcode.SRem)
        {
            var bits = ((PrimitiveType)i.Type).Bits;
            var min = LLVM.ConstInt(type, 1UL << (bits - 1), false);
            var minusOne = LLVM.BuildICmp(builder, LLVMIntPredicate.EQ, divisor, LLVM.ConstAllOnes(type));
            var isMin = LLVM.BuildICmp(builder, LLVMIntPredicate.EQ, dividend, min);
            ThrowIf(LLVM.BuildAnd(builder, minusOne, isMin), "tb_raise_overflow");
        }
        return i.Opcode switch
        {
            Opcode.SDiv => LLVM.BuildSDiv(builder, dividend, divisor),
            Opcode.SRem => LLVM.BuildSRem(builder, dividend, divisor),
            Opcode.UDiv => LLVM.BuildUDiv(builder, dividend, divisor),
            _ => LLVM.BuildURem(builder, dividend, divisor),
        };
    }

    private LLVMValueRef CheckedArithmetic(string intrinsic, Instruction i)
    {
        var fn = module.Intrinsic(intrinsic, new[] { T(i.Type) }, out var type);
        var pair = LLVM.BuildCall2(builder, type, fn, new[] { V(i.Operands[0]), V(i.Operands[1]) });
        ThrowIf(LLVM.BuildExtractValue(builder, pair, 1), "tb_raise_overflow");
        return LLVM.BuildExtractValue(builder, pair, 0);
    }

    internal const string NoScanAllocationSymbol = "tb_alloc_noscan";

    private LLVMValueRef Allocate(ClassInfo cls, LLVMValueRef size)
    {
        // Objects without references go where the collector never reads them (docs/gc.md).
        var symbol = module.HasNoScanAllocation && !TypeDescriptors.HasReferences(cls) ? NoScanAllocationSymbol : "tb_alloc";
        var (alloc, type) = module.RuntimeFunction(symbol, IrType.Ptr, IrType.I64);
        var obj = LLVM.BuildCall2(builder, type, alloc, new[] { size });
        // An exhausted heap raises OutOfMemoryException and returns null.
        var next = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "allocated");
        var exit = ExceptionalExit();
        LLVM.BuildCondBr(builder, LLVM.BuildIsNull(builder, obj), exit, next);
        NoteExit(exit, CurrentLine());
        LLVM.PositionBuilderAtEnd(builder, next);
        Store(module.TypeDescriptor(cls), obj);
        return obj;
    }

    private LLVMValueRef RoundUpTo8(LLVMValueRef size) =>
        LLVM.BuildAnd(builder, LLVM.BuildAdd(builder, size, I64(7)), I64(~7L));

    private LLVMValueRef NewObject(ClassInfo cls) => Allocate(cls, I64((cls.InstanceSize + 7) & ~7));

    private LLVMValueRef NewArray(ClassInfo cls, LLVMValueRef count, IrType countType)
    {
        // A negative count throws OverflowException, as CoreCLR does.
        ThrowIf(LLVM.BuildICmp(builder, LLVMIntPredicate.SLT, count, LLVM.ConstInt(T(countType), 0, false)), "tb_raise_overflow");
        var count64 = countType == IrType.I64 ? count : LLVM.BuildCast(builder, LLVMOpcode.SExt, count, ctx.Int64);
        var bytes = LLVM.BuildAdd(builder, LLVM.BuildMul(builder, count64, I64(cls.ComponentSize)), I64(cls.InstanceSize));
        var array = Allocate(cls, RoundUpTo8(bytes));
        Store(LLVM.BuildCast(builder, LLVMOpcode.Trunc, count64, ctx.Int32), BytePointer(array, I64(ArrayLengthOffset)));
        return array;
    }

    /// <summary>Room for the characters and the terminating '\0' that the contract promises.</summary>
    private LLVMValueRef NewString(ClassInfo cls, LLVMValueRef length)
    {
        var length64 = LLVM.BuildCast(builder, LLVMOpcode.SExt, length, ctx.Int64);
        var bytes = LLVM.BuildAdd(builder, LLVM.BuildMul(builder, length64, I64(2)), I64(cls.InstanceSize + 2));
        var s = Allocate(cls, RoundUpTo8(bytes));
        Store(length, BytePointer(s, I64(ArrayLengthOffset)));
        return s;
    }

    private LLVMValueRef ArrayLength(LLVMValueRef array) => Load(ctx.Int32, BytePointer(array, I64(ArrayLengthOffset)));

    private LLVMValueRef ElementAddress(LLVMValueRef array, LLVMValueRef index, IrType indexType, IrType elementType)
    {
        var index64 = indexType == IrType.I64 ? index : LLVM.BuildCast(builder, LLVMOpcode.SExt, index, ctx.Int64);
        var data = BytePointer(array, I64(ArrayDataOffset));
        return LLVM.BuildGEP2(builder, T(elementType), data, new[] { index64 });
    }

    /// <summary>One unsigned comparison covers both a negative index and one past the end.</summary>
    private void BoundsCheck(LLVMValueRef array, LLVMValueRef index, IrType indexType)
    {
        var length = ArrayLength(array);
        if (indexType == IrType.I64) length = LLVM.BuildCast(builder, LLVMOpcode.ZExt, length, ctx.Int64);
        ThrowIf(LLVM.BuildICmp(builder, LLVMIntPredicate.UGE, index, length), "tb_raise_index_out_of_range");
    }

    // The class's flag: 0 before its static constructor starts, Started from then on (so that a
    // constructor reaching its own statics does not recurse), Failed once it has let an exception out.
    private const ulong Started = 1, Failed = 2;

    private void InitClass(ClassInfo cls)
    {
        if (cls.InitializedFlag is null || cls.StaticConstructor is null) return;
        var flag = module.GlobalValue(cls.InitializedFlag);
        var state = Load(ctx.Int8, flag);
        var done = LLVM.BuildICmp(builder, LLVMIntPredicate.EQ, state, LLVM.ConstInt(ctx.Int8, Started, false));
        var notStarted = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "cctor.check");
        var run = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "cctor");
        var next = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "initialized");
        LLVM.BuildCondBr(builder, done, next, notStarted);
        LLVM.PositionBuilderAtEnd(builder, notStarted);
        var failedBefore = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "cctor.failed.before");
        LLVM.BuildCondBr(builder, LLVM.BuildICmp(builder, LLVMIntPredicate.EQ, state, LLVM.ConstInt(ctx.Int8, 0, false)), run, failedBefore);
        // .NET throws the same TypeInitializationException again on every later access.
        LLVM.PositionBuilderAtEnd(builder, failedBefore);
        var (again, againType) = module.RuntimeFunction("tb_type_initialization_failed_before", IrType.Void, IrType.Ptr);
        LLVM.BuildCall2(builder, againType, again, new[] { module.TypeName(cls) });
        var exit = ExceptionalExit();
        LLVM.BuildBr(builder, exit);
        NoteExit(exit, CurrentLine());
        LLVM.PositionBuilderAtEnd(builder, run);
        Store(LLVM.ConstInt(ctx.Int8, Started, false), flag);
        var (cctor, type) = module.FunctionValue(cls.StaticConstructor);
        if (!module.MayThrow(cls.StaticConstructor))
        {
            LLVM.BuildCall2(builder, type, cctor, Array.Empty<LLVMValueRef>());
        }
        else
        {
            // An exception escaping a static constructor reaches the code that triggered it wrapped
            // in a TypeInitializationException, as .NET does. The boundary record tells the first
            // pass that the exception is caught here (docs/exceptions.md).
            var boundary = LLVM.BuildAlloca(allocaBuilder, LLVM.ArrayType2(ctx.Int64, 2));
            var (enter, enterType) = module.RuntimeFunction("tb_enter_try", IrType.Void, IrType.Ptr, IrType.Ptr);
            var (leave, leaveType) = module.RuntimeFunction("tb_leave_try", IrType.Void, IrType.Ptr);
            LLVM.BuildCall2(builder, enterType, enter, new[] { boundary, LLVM.ConstPointerNull(ctx.Ptr) });
            LLVM.BuildCall2(builder, type, cctor, Array.Empty<LLVMValueRef>());
            LLVM.BuildCall2(builder, leaveType, leave, new[] { boundary });
            var failed = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "cctor.failed");
            var succeeded = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "cctor.done");
            LLVM.BuildCondBr(builder, LLVM.BuildIsNotNull(builder, Load(ctx.Ptr, module.PendingException)), failed, succeeded);
            LLVM.PositionBuilderAtEnd(builder, failed);
            Store(LLVM.ConstInt(ctx.Int8, Failed, false), flag);
            var (wrap, wrapType) = module.RuntimeFunction("tb_type_initialization_failed", IrType.Void, IrType.Ptr);
            LLVM.BuildCall2(builder, wrapType, wrap, new[] { module.TypeName(cls) });
            LLVM.BuildBr(builder, exit);
            NoteExit(exit, CurrentLine());
            LLVM.PositionBuilderAtEnd(builder, succeeded);
        }
        LLVM.BuildBr(builder, next);
        LLVM.PositionBuilderAtEnd(builder, next);
    }

    private LLVMValueRef Intrinsic(Instruction i)
    {
        var args = i.Operands.Select(V).ToArray();
        switch (i.Intrinsic)
        {
            case IntrinsicKind.OutByte: return Asm("outb %al, %dx", "{dx},{al},~{memory}", IrType.Void, args);
            case IntrinsicKind.OutWord: return Asm("outw %ax, %dx", "{dx},{ax},~{memory}", IrType.Void, args);
            case IntrinsicKind.OutDword: return Asm("outl %eax, %dx", "{dx},{eax},~{memory}", IrType.Void, args);
            case IntrinsicKind.InByte: return Asm("inb %dx, %al", "={al},{dx},~{memory}", i.Type, args);
            case IntrinsicKind.InWord: return Asm("inw %dx, %ax", "={ax},{dx},~{memory}", i.Type, args);
            case IntrinsicKind.InDword: return Asm("inl %dx, %eax", "={eax},{dx},~{memory}", i.Type, args);
            case IntrinsicKind.ReadTimeStampCounter: return Asm("rdtsc; shlq $$32, %rdx; orq %rdx, %rax", "={rax},~{rdx}", i.Type, args);
            case IntrinsicKind.Halt: return Asm("hlt", "~{memory}", IrType.Void, args);
            case IntrinsicKind.Pause: return Asm("pause", "~{memory}", IrType.Void, args);
            case IntrinsicKind.DisableInterrupts: return Asm("cli", "~{memory}", IrType.Void, args);
            case IntrinsicKind.EnableInterrupts: return Asm("sti", "~{memory}", IrType.Void, args);
            case IntrinsicKind.LoadIdt: return Asm("lidt ($0)", "r,~{memory}", IrType.Void, args);
            case IntrinsicKind.ReadCr2: return Asm("movq %cr2, $0", "=r", i.Type, args);
            case IntrinsicKind.ReadCr3: return Asm("movq %cr3, $0", "=r,~{memory}", i.Type, args);
            case IntrinsicKind.WriteCr3: return Asm("movq $0, %cr3", "r,~{memory}", IrType.Void, args);
            case IntrinsicKind.ReadMsr: return Asm("rdmsr; shlq $$32, %rdx; orq %rdx, %rax", "={rax},{ecx},~{rdx},~{memory}", i.Type, args);
            case IntrinsicKind.WriteMsr: return Asm("movq %rax, %rdx; shrq $$32, %rdx; wrmsr", "{ecx},{rax},~{rdx},~{memory}", IrType.Void, args);
            // Inputs in registers cpuid leaves alone; the four results go to memory at the third operand.
            case IntrinsicKind.Cpuid:
                return Asm("movl %r8d, %eax; movl %r9d, %ecx; cpuid; movl %eax, ($2); movl %ebx, 4($2); movl %ecx, 8($2); movl %edx, 12($2)",
                    "{r8},{r9},{rdi},~{eax},~{ebx},~{ecx},~{edx},~{memory}", IrType.Void, args);
            case IntrinsicKind.MemoryFence: return Asm("mfence", "~{memory}", IrType.Void, args);
            case IntrinsicKind.Prefetch: return Asm("prefetcht0 ($0)", "r", IrType.Void, args);
            // One asm statement: sti's one-instruction shadow makes "sti; hlt" atomic, so an interrupt
            // that became pending before it wakes the hlt instead of being taken just before it.
            // Device registers: exactly one access of exactly this width, never merged, narrowed or
            // moved across other memory accesses (LLVM would narrow a plain load whose upper bytes go unused).
            case IntrinsicKind.ReadMmio8: return Asm("movb ($1), $0", "=q,r,~{memory}", i.Type, args);
            case IntrinsicKind.ReadMmio16: return Asm("movw ($1), $0", "=r,r,~{memory}", i.Type, args);
            case IntrinsicKind.ReadMmio32: return Asm("movl ($1), $0", "=r,r,~{memory}", i.Type, args);
            case IntrinsicKind.WriteMmio8: return Asm("movb $1, ($0)", "r,q,~{memory}", IrType.Void, args);
            case IntrinsicKind.WriteMmio16: return Asm("movw $1, ($0)", "r,r,~{memory}", IrType.Void, args);
            case IntrinsicKind.WriteMmio32: return Asm("movl $1, ($0)", "r,r,~{memory}", IrType.Void, args);
            case IntrinsicKind.WaitForInterrupt: return Asm("sti; hlt; cli", "~{memory}", IrType.Void, args);
            case IntrinsicKind.Syscall:
                return Asm("syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}", i.Type, args);
            case IntrinsicKind.GetPendingException: return Load(ctx.Ptr, module.PendingException);
            case IntrinsicKind.SetPendingException: Store(args[0], module.PendingException); return default;
            case IntrinsicKind.Sqrt: return MathIntrinsic("llvm.sqrt", i, args);
            case IntrinsicKind.Floor: return MathIntrinsic("llvm.floor", i, args);
            case IntrinsicKind.Ceiling: return MathIntrinsic("llvm.ceil", i, args);
            case IntrinsicKind.Truncate: return MathIntrinsic("llvm.trunc", i, args);
            case IntrinsicKind.Round: return MathIntrinsic("llvm.roundeven", i, args);
            case IntrinsicKind.FAbs: return MathIntrinsic("llvm.fabs", i, args);
            case IntrinsicKind.MatchBytes16: return LaneMask(16, Load(LLVM.VectorType(ctx.Int8, 16), args[0]), Splat(args[1], 16));
            case IntrinsicKind.MatchChars8: return LaneMask(8, Load(LLVM.VectorType(ctx.Int16, 8), args[0]), Splat(args[1], 8));
            case IntrinsicKind.EqualBytes16:
                return LaneMask(16, Load(LLVM.VectorType(ctx.Int8, 16), args[0]), Load(LLVM.VectorType(ctx.Int8, 16), args[1]));
            case IntrinsicKind.CountTrailingZeros: return BitCount("llvm.cttz", args[0], hasZeroFlag: true);
            case IntrinsicKind.CountLeadingZeros: return BitCount("llvm.ctlz", args[0], hasZeroFlag: true);
            case IntrinsicKind.PopCount: return BitCount("llvm.ctpop", args[0], hasZeroFlag: false);
        }
        throw new InvalidOperationException($"no lowering for intrinsic {i.Intrinsic}");
    }

    private LLVMValueRef Asm(string text, string constraints, IrType result, LLVMValueRef[] args)
    {
        var type = LLVM.FunctionType(T(result), args.Select(LLVM.TypeOf).ToArray());
        var asm = LLVM.GetInlineAsm(type, text, constraints, hasSideEffects: true);
        return LLVM.BuildCall2(builder, type, asm, args);
    }

    /// <summary>
    /// Bit k of the i32 result is lane k's equality. Plain vector IR rather than x86 intrinsics, so
    /// LLVM's optimiser can still see through it (two searches of one load share it); on SSE2 the
    /// compare and the i1-vector-to-integer bitcast become pcmpeqb/pcmpeqw and pmovmskb.
    /// </summary>
    private LLVMValueRef LaneMask(uint lanes, LLVMValueRef left, LLVMValueRef right)
    {
        var equal = LLVM.BuildICmp(builder, LLVMIntPredicate.EQ, left, right);
        var bits = LLVM.BuildCast(builder, LLVMOpcode.BitCast, equal, LLVM.IntTypeInContext(ctx, lanes));
        return LLVM.BuildCast(builder, LLVMOpcode.ZExt, bits, ctx.Int32);
    }

    /// <summary>The value in every lane: LLVM's canonical splat, insertelement then a zero shuffle mask.</summary>
    private LLVMValueRef Splat(LLVMValueRef value, uint lanes)
    {
        var vector = LLVM.VectorType(LLVM.TypeOf(value), lanes);
        var first = LLVM.BuildInsertElement(builder, LLVM.GetPoison(vector), value, I32(0));
        return LLVM.BuildShuffleVector(builder, first, LLVM.GetPoison(vector), LLVM.ConstNull(LLVM.VectorType(ctx.Int32, lanes)));
    }

    /// <summary>
    /// LLVM's count intrinsics return the operand's width; the IR's result is i32. A zero operand is
    /// defined (the width), as .NET's BitOperations has it: on the SSE2 baseline that costs a cmov
    /// after bsf/bsr, which LLVM drops where it can prove the operand non-zero.
    /// </summary>
    private LLVMValueRef BitCount(string name, LLVMValueRef operand, bool hasZeroFlag)
    {
        var width = LLVM.TypeOf(operand);
        var fn = module.Intrinsic(name, new[] { width }, out var type);
        // cttz/ctlz take "is zero poison": false, so that zero gives the width.
        var args = hasZeroFlag ? new[] { operand, LLVM.ConstInt(ctx.Int1, 0, false) } : new[] { operand };
        var count = LLVM.BuildCall2(builder, type, fn, args);
        return width == ctx.Int32 ? count : LLVM.BuildCast(builder, LLVMOpcode.Trunc, count, ctx.Int32);
    }

    private LLVMValueRef MathIntrinsic(string name, Instruction i, LLVMValueRef[] args)
    {
        var fn = module.Intrinsic(name, new[] { T(i.Type) }, out var type);
        return LLVM.BuildCall2(builder, type, fn, args);
    }
}
