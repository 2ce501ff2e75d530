using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Core.h: the instruction builder. Every Build* appends at the builder's position; `name` is only a
// hint for the printed IR ("" lets LLVM number the value).
public static unsafe partial class LLVM
{
    // ---- Builder and position ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateBuilderInContext")]
    public static partial LLVMBuilderRef CreateBuilderInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeBuilder")]
    public static partial void DisposeBuilder(LLVMBuilderRef builder);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPositionBuilderAtEnd")]
    public static partial void PositionBuilderAtEnd(LLVMBuilderRef builder, LLVMBasicBlockRef block);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPositionBuilderBefore")]
    public static partial void PositionBuilderBefore(LLVMBuilderRef builder, LLVMValueRef instruction);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetInsertBlock")]
    public static partial LLVMBasicBlockRef GetInsertBlock(LLVMBuilderRef builder);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMClearInsertionPosition")]
    public static partial void ClearInsertionPosition(LLVMBuilderRef builder);

    // ---- Terminators ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildRet")]
    public static partial LLVMValueRef BuildRet(LLVMBuilderRef builder, LLVMValueRef value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildRetVoid")]
    public static partial LLVMValueRef BuildRetVoid(LLVMBuilderRef builder);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildBr")]
    public static partial LLVMValueRef BuildBr(LLVMBuilderRef builder, LLVMBasicBlockRef destination);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildCondBr")]
    public static partial LLVMValueRef BuildCondBr(LLVMBuilderRef builder, LLVMValueRef condition, LLVMBasicBlockRef then, LLVMBasicBlockRef @else);

    /// <summary>A switch with room for <paramref name="caseCountHint"/> cases, added with <see cref="AddCase"/>.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildSwitch")]
    public static partial LLVMValueRef BuildSwitch(LLVMBuilderRef builder, LLVMValueRef value, LLVMBasicBlockRef @default, uint caseCountHint);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAddCase")]
    public static partial void AddCase(LLVMValueRef @switch, LLVMValueRef onValue, LLVMBasicBlockRef destination);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildUnreachable")]
    public static partial LLVMValueRef BuildUnreachable(LLVMBuilderRef builder);

    // ---- Arithmetic and logic ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildAdd", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNSWAdd", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNSWAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNUWAdd", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNUWAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFAdd", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFAdd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildSub", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNSWSub", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNSWSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNUWSub", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNUWSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFSub", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFSub(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildMul", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNSWMul", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNSWMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNUWMul", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNUWMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFMul", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFMul(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildUDiv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildUDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildExactUDiv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildExactUDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildSDiv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildSDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildExactSDiv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildExactSDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFDiv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFDiv(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildURem", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildURem(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildSRem", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildSRem(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFRem", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFRem(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildShl", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildShl(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildLShr", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildLShr(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildAShr", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildAShr(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildAnd", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildAnd(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildOr", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildOr(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildXor", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildXor(LLVMBuilderRef builder, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildBinOp", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildBinOp(LLVMBuilderRef builder, LLVMOpcode opcode, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNeg", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNeg(LLVMBuilderRef builder, LLVMValueRef value, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNSWNeg", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNSWNeg(LLVMBuilderRef builder, LLVMValueRef value, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFNeg", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFNeg(LLVMBuilderRef builder, LLVMValueRef value, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildNot", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildNot(LLVMBuilderRef builder, LLVMValueRef value, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFreeze", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFreeze(LLVMBuilderRef builder, LLVMValueRef value, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildIsNull", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildIsNull(LLVMBuilderRef builder, LLVMValueRef value, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildIsNotNull", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildIsNotNull(LLVMBuilderRef builder, LLVMValueRef value, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetNUW")]
    public static partial void SetNUW(LLVMValueRef instruction, [MarshalAs(UnmanagedType.Bool)] bool hasNuw);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetNSW")]
    public static partial void SetNSW(LLVMValueRef instruction, [MarshalAs(UnmanagedType.Bool)] bool hasNsw);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetExact")]
    public static partial void SetExact(LLVMValueRef instruction, [MarshalAs(UnmanagedType.Bool)] bool isExact);

    // ---- Comparisons, casts, select ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildICmp", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildICmp(LLVMBuilderRef builder, LLVMIntPredicate predicate, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildFCmp", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildFCmp(LLVMBuilderRef builder, LLVMRealPredicate predicate, LLVMValueRef lhs, LLVMValueRef rhs, string name = "");

    /// <summary>Any cast: <paramref name="opcode"/> is one of Trunc, ZExt, SExt, FPToUI, FPToSI, UIToFP, SIToFP,
    /// FPTrunc, FPExt, PtrToInt, IntToPtr, BitCast, AddrSpaceCast.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildCast", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildCast(LLVMBuilderRef builder, LLVMOpcode opcode, LLVMValueRef value, LLVMTypeRef destinationType, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildSelect", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildSelect(LLVMBuilderRef builder, LLVMValueRef condition, LLVMValueRef then, LLVMValueRef @else, string name = "");

    // ---- Memory ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildAlloca", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildAlloca(LLVMBuilderRef builder, LLVMTypeRef type, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildArrayAlloca", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildArrayAlloca(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef count, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildLoad2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildLoad2(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef pointer, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildStore")]
    public static partial LLVMValueRef BuildStore(LLVMBuilderRef builder, LLVMValueRef value, LLVMValueRef pointer);

    /// <summary>Marks a load or store volatile: memory-mapped device registers need this so that
    /// every access happens, in order.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetVolatile")]
    public static partial void SetVolatile(LLVMValueRef memoryAccess, [MarshalAs(UnmanagedType.Bool)] bool isVolatile);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetOrdering")]
    public static partial void SetOrdering(LLVMValueRef memoryAccess, LLVMAtomicOrdering ordering);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildGEP2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial LLVMValueRef BuildGEP2Raw(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef pointer, LLVMValueRef* indices, uint count, string name);

    public static LLVMValueRef BuildGEP2(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef pointer, ReadOnlySpan<LLVMValueRef> indices, string name = "")
    {
        fixed (LLVMValueRef* p = indices) return BuildGEP2Raw(builder, type, pointer, p, (uint)indices.Length, name);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildInBoundsGEP2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial LLVMValueRef BuildInBoundsGEP2Raw(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef pointer, LLVMValueRef* indices, uint count, string name);

    public static LLVMValueRef BuildInBoundsGEP2(LLVMBuilderRef builder, LLVMTypeRef type, LLVMValueRef pointer, ReadOnlySpan<LLVMValueRef> indices, string name = "")
    {
        fixed (LLVMValueRef* p = indices) return BuildInBoundsGEP2Raw(builder, type, pointer, p, (uint)indices.Length, name);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildStructGEP2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildStructGEP2(LLVMBuilderRef builder, LLVMTypeRef structType, LLVMValueRef pointer, uint fieldIndex, string name = "");

    /// <summary>llvm.memcpy; alignments in bytes (1 when unknown).</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildMemCpy")]
    public static partial LLVMValueRef BuildMemCpy(LLVMBuilderRef builder, LLVMValueRef destination, uint destinationAlign, LLVMValueRef source, uint sourceAlign, LLVMValueRef size);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildMemMove")]
    public static partial LLVMValueRef BuildMemMove(LLVMBuilderRef builder, LLVMValueRef destination, uint destinationAlign, LLVMValueRef source, uint sourceAlign, LLVMValueRef size);

    /// <summary>llvm.memset; <paramref name="value"/> is an i8.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildMemSet")]
    public static partial LLVMValueRef BuildMemSet(LLVMBuilderRef builder, LLVMValueRef pointer, LLVMValueRef value, LLVMValueRef length, uint align);

    // ---- Calls, phis, aggregates ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildCall2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial LLVMValueRef BuildCall2Raw(LLVMBuilderRef builder, LLVMTypeRef functionType, LLVMValueRef callee, LLVMValueRef* args, uint count, string name);

    /// <summary>A call of <paramref name="callee"/> (a function, a pointer, or inline asm) whose type is
    /// <paramref name="functionType"/>. Calls returning void must have an empty name.</summary>
    public static LLVMValueRef BuildCall2(LLVMBuilderRef builder, LLVMTypeRef functionType, LLVMValueRef callee, ReadOnlySpan<LLVMValueRef> args, string name = "")
    {
        fixed (LLVMValueRef* p = args) return BuildCall2Raw(builder, functionType, callee, p, (uint)args.Length, name);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetInstructionCallConv")]
    private static partial void SetInstructionCallConvRaw(LLVMValueRef call, uint callConv);

    public static void SetInstructionCallConv(LLVMValueRef call, LLVMCallConv callConv) =>
        SetInstructionCallConvRaw(call, (uint)callConv);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetTailCallKind")]
    public static partial void SetTailCallKind(LLVMValueRef call, LLVMTailCallKind kind);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildPhi", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildPhi(LLVMBuilderRef builder, LLVMTypeRef type, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAddIncoming")]
    private static partial void AddIncomingRaw(LLVMValueRef phi, LLVMValueRef* values, LLVMBasicBlockRef* blocks, uint count);

    public static void AddIncoming(LLVMValueRef phi, ReadOnlySpan<LLVMValueRef> values, ReadOnlySpan<LLVMBasicBlockRef> blocks)
    {
        if (values.Length != blocks.Length)
            throw new ArgumentException("a phi needs one incoming block per incoming value");
        fixed (LLVMValueRef* v = values)
        fixed (LLVMBasicBlockRef* b = blocks)
            AddIncomingRaw(phi, v, b, (uint)values.Length);
    }

    public static void AddIncoming(LLVMValueRef phi, LLVMValueRef value, LLVMBasicBlockRef block) =>
        AddIncomingRaw(phi, &value, &block, 1);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildExtractValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildExtractValue(LLVMBuilderRef builder, LLVMValueRef aggregate, uint index, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildInsertValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildInsertValue(LLVMBuilderRef builder, LLVMValueRef aggregate, LLVMValueRef element, uint index, string name = "");

    // ---- Vectors ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildInsertElement", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildInsertElement(LLVMBuilderRef builder, LLVMValueRef vector, LLVMValueRef element, LLVMValueRef index, string name = "");

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMBuildShuffleVector", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef BuildShuffleVector(LLVMBuilderRef builder, LLVMValueRef first, LLVMValueRef second, LLVMValueRef mask, string name = "");
}
