namespace Testbed.Backend.Llvm;

// The LLVM-C enums the binding uses, with the numeric values of LLVM 19's headers. The values are
// ABI: they are passed to libLLVM as plain integers, so a wrong number silently means another thing.

public enum LLVMOpcode
{
    Ret = 1, Br = 2, Switch = 3, IndirectBr = 4, Invoke = 5, Unreachable = 7, CallBr = 67,
    FNeg = 66,
    Add = 8, FAdd = 9, Sub = 10, FSub = 11, Mul = 12, FMul = 13,
    UDiv = 14, SDiv = 15, FDiv = 16, URem = 17, SRem = 18, FRem = 19,
    Shl = 20, LShr = 21, AShr = 22, And = 23, Or = 24, Xor = 25,
    Alloca = 26, Load = 27, Store = 28, GetElementPtr = 29,
    Trunc = 30, ZExt = 31, SExt = 32, FPToUI = 33, FPToSI = 34, UIToFP = 35, SIToFP = 36,
    FPTrunc = 37, FPExt = 38, PtrToInt = 39, IntToPtr = 40, BitCast = 41, AddrSpaceCast = 60,
    ICmp = 42, FCmp = 43, PHI = 44, Call = 45, Select = 46, UserOp1 = 47, UserOp2 = 48, VAArg = 49,
    ExtractElement = 50, InsertElement = 51, ShuffleVector = 52, ExtractValue = 53, InsertValue = 54,
    Freeze = 68, Fence = 55, AtomicCmpXchg = 56, AtomicRMW = 57,
    Resume = 58, LandingPad = 59, CleanupRet = 61, CatchRet = 62, CatchPad = 63, CleanupPad = 64, CatchSwitch = 65,
}

public enum LLVMTypeKind
{
    Void, Half, Float, Double, X86_FP80, FP128, PPC_FP128, Label, Integer, Function, Struct, Array,
    Pointer, Vector, Metadata, X86_MMX, Token, ScalableVector, BFloat, X86_AMX, TargetExt,
}

public enum LLVMLinkage
{
    External, AvailableExternally, LinkOnceAny, LinkOnceODR, LinkOnceODRAutoHide, WeakAny, WeakODR,
    Appending, Internal, Private, DLLImport, DLLExport, ExternalWeak, Ghost, Common, LinkerPrivate,
    LinkerPrivateWeak,
}

public enum LLVMVisibility { Default, Hidden, Protected }

public enum LLVMUnnamedAddr { None, Local, Global }

public enum LLVMCallConv
{
    C = 0, Fast = 8, Cold = 9, GHC = 10, HiPE = 11, AnyReg = 13, PreserveMost = 14, PreserveAll = 15,
    Swift = 16, CxxFastTls = 17, X86Stdcall = 64, X86Fastcall = 65, X86ThisCall = 70,
    X86_64SysV = 78, Win64 = 79, X86VectorCall = 80, X86Intr = 83, X86RegCall = 92,
}

public enum LLVMIntPredicate { EQ = 32, NE, UGT, UGE, ULT, ULE, SGT, SGE, SLT, SLE }

public enum LLVMRealPredicate
{
    False, OEQ, OGT, OGE, OLT, OLE, ONE, ORD, UNO, UEQ, UGT, UGE, ULT, ULE, UNE, True,
}

public enum LLVMInlineAsmDialect { ATT, Intel }

public enum LLVMDiagnosticSeverity { Error, Warning, Remark, Note }

public enum LLVMTailCallKind { None = 0, Tail = 1, MustTail = 2, NoTail = 3 }

public enum LLVMAtomicOrdering
{
    NotAtomic = 0, Unordered = 1, Monotonic = 2, Acquire = 4, Release = 5, AcquireRelease = 6,
    SequentiallyConsistent = 7,
}

/// <summary>LLVMVerifierFailureAction. Only <see cref="ReturnStatus"/> is ever passed: the other two print
/// to the process's stderr, and Abort kills the compiler.</summary>
public enum LLVMVerifierFailureAction { AbortProcess, PrintMessage, ReturnStatus }

public enum LLVMCodeGenOptLevel { None, Less, Default, Aggressive }

public enum LLVMRelocMode { Default, Static, PIC, DynamicNoPic, ROPI, RWPI, ROPI_RWPI }

public enum LLVMCodeModel { Default, JITDefault, Tiny, Small, Kernel, Medium, Large }

public enum LLVMCodeGenFileType { Assembly, Object }

/// <summary>Where an attribute goes: the return value, the function itself, or parameter N (1-based,
/// written <c>LLVMAttributeIndex.Param(n)</c>).</summary>
public readonly record struct LLVMAttributeIndex(uint Value)
{
    public static readonly LLVMAttributeIndex Return = new(0);
    public static readonly LLVMAttributeIndex Function = new(uint.MaxValue);
    /// <summary>Parameter <paramref name="zeroBasedIndex"/> (0 = first parameter).</summary>
    public static LLVMAttributeIndex Param(int zeroBasedIndex) => new((uint)zeroBasedIndex + 1);
}
