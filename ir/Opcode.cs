namespace Testbed.IR;

/// <summary>
/// Every IR operation. .NET semantics stay explicit until a pass lowers them: allocation, field
/// access, bounds and null checks, class initialisation and copies are operations of their own,
/// so that passes can find and remove them without recognising patterns of loads and stores.
/// </summary>
public enum Opcode
{
    // Constants: the value is in Instruction.Constant / Text.
    ConstInt, ConstFloat, ConstNull, StringLiteral,

    // Integer arithmetic. Division and remainder have .NET semantics: a zero divisor throws
    // DivideByZeroException, MinValue / -1 throws OverflowException. Shift counts are masked
    // to the operand width, as on x86 and CoreCLR.
    Add, Sub, Mul, SDiv, UDiv, SRem, URem, And, Or, Xor, Shl, AShr, LShr, Neg, Not,
    // Checked arithmetic (C# `checked`, and the size computation of `stackalloc T[n]`): like the
    // plain operation, but a result that does not fit throws OverflowException.
    AddOvf, AddOvfUn, SubOvf, SubOvfUn, MulOvf, MulOvfUn,
    /// <summary>Throws OverflowException if the bool operand is true (the range checks of conv.ovf.*).</summary>
    OverflowCheck,
    // Floating point arithmetic (IEEE; FRem is C's fmod).
    FAdd, FSub, FMul, FDiv, FRem, FNeg,
    // Comparisons produce bool. The predicate is in Instruction.Predicate.
    ICmp, FCmp,
    // Conversions. Float to integer saturates (NaN becomes 0), as CoreCLR has done since .NET 9.
    Trunc, SExt, ZExt, FPToSI, FPToUI, SIToFP, UIToFP, FPExt, FPTrunc, PtrToInt, IntToPtr,
    /// <summary>Reinterprets obj as ptr or ptr as obj (no runtime effect).</summary>
    Reinterpret,
    Select,

    // Memory.
    /// <summary>A stack slot of Instruction.TypeOperand, live for the whole function; result is ptr.</summary>
    Alloca,
    /// <summary>A stack buffer of a dynamic number of bytes (IL localloc).</summary>
    StackAlloc,
    Load, Store,
    /// <summary>Address of Instruction.Field within the object or struct the operand points to.</summary>
    FieldAddr,
    /// <summary>Address of Instruction.Global.</summary>
    GlobalAddr,
    /// <summary>ptr + byte offset (i64).</summary>
    PtrAdd,
    /// <summary>A copy of operand 2 bytes from operand 1 to operand 0: a memcpy with both buffers named.</summary>
    Copy,
    /// <summary>Fill operand 2 bytes at operand 0 with the byte operand 1.</summary>
    Fill,

    // Objects.
    /// <summary>A fresh zeroed instance of Instruction.Class.</summary>
    NewObject,
    /// <summary>A fresh zeroed array of Instruction.Class (an array class) with operand 0 elements.</summary>
    NewArray,
    /// <summary>A fresh string of operand 0 characters.</summary>
    NewString,
    ArrayLength,
    /// <summary>Address of element operand 1 (of type TypeOperand) of array operand 0; no check (see BoundsCheck).</summary>
    ElementAddr,
    /// <summary>Throws IndexOutOfRangeException unless 0 &lt;= operand 1 &lt; length of array operand 0.</summary>
    BoundsCheck,
    /// <summary>Throws NullReferenceException if the operand is null.</summary>
    NullCheck,
    /// <summary>Runs the static constructor of Instruction.Class unless it has started already.</summary>
    InitClass,

    // Calls.
    Call,
    /// <summary>Virtual call through slot IntValue of Class's vtable; operand 0 is the receiver (not null-checked here).</summary>
    CallVirtual,
    /// <summary>Interface call of slot IntValue of interface Class; operand 0 is the receiver.</summary>
    CallInterface,
    /// <summary>Call of the function whose address is operand 0 with the remaining operands (IL calli).</summary>
    CallIndirect,
    /// <summary>Address of Instruction.Callee (IL ldftn).</summary>
    FunctionAddress,
    /// <summary>Address of the function in slot IntValue of Class (a class or interface) for the object operand 0 (IL ldvirtftn).</summary>
    VirtualFunctionAddress,

    // Type tests.
    /// <summary>Operand 0 if it is an instance of Class (derived, implementing, or array-compatible), else null.</summary>
    IsInstance,
    /// <summary>Operand 0 if it is null or an instance of Class; otherwise throws InvalidCastException.</summary>
    CastClass,
    /// <summary>Address of Class's type descriptor (runtime contract): what <c>typeof</c> starts from.</summary>
    TypeDescriptor,
    /// <summary>Address of the value inside boxed operand 0, which must be a boxed Class (InvalidCastException, NullReferenceException).</summary>
    Unbox,
    /// <summary>A machine operation the library OS needs that C# cannot say (Instruction.Intrinsic).</summary>
    Intrinsic,

    // Exceptions (docs/exceptions.md). An instruction that may throw names its handler block in
    // Instruction.Unwind; without one the exception propagates to the caller.
    /// <summary>The exception in flight, taken over by the handler: the first instruction of every unwind target.</summary>
    LandingPad,

    // Terminators.
    Br, CondBr, Switch, Ret, Unreachable,
    /// <summary>Throws operand 0 to Unwind or the caller; IntValue is a <see cref="ThrowKind"/>.</summary>
    Throw,
}

public enum Predicate
{
    None,
    // Integer (and pointer) comparisons.
    Eq, Ne, SLt, SLe, SGt, SGe, ULt, ULe, UGt, UGe,
    // Float comparisons: ordered (false if either is NaN) and unordered (true if either is NaN).
    OEq, ONe, OLt, OLe, OGt, OGe, UEq, UNe, ULtF, ULeF, UGtF, UGeF,
}

public enum IntrinsicKind
{
    None,
    OutByte, OutWord, OutDword, InByte, InWord, InDword,
    ReadTimeStampCounter, Halt, Pause, DisableInterrupts, EnableInterrupts, LoadIdt, ReadCr2,
    ReadCr3, WriteCr3, ReadMsr, WriteMsr, Cpuid, MemoryFence, WaitForInterrupt,
    ReadMmio8, ReadMmio16, ReadMmio32, WriteMmio8, WriteMmio16, WriteMmio32,
    // The exception in flight (docs/exceptions.md), for the core library's throw and catch helpers.
    GetPendingException, SetPendingException,
    Syscall,
    Sqrt, Floor, Ceiling, Round, Truncate, FAbs,
    // SSE2-width comparisons for the core library's searches (docs/corlib.md): each reads 16 bytes
    // at its pointer operands, unaligned, and returns a bit per lane (bit k: lane k matched).
    // matchbytes16(ptr, i8), matchchars8(ptr, i16), equalbytes16(ptr, ptr) -> i32.
    MatchBytes16, MatchChars8, EqualBytes16,
    // A hint that the cache line at the pointer operand is read soon (prefetcht0): the collector's
    // scan of scattered dirty cards issues several before it reads the first.
    Prefetch,
    // Bit counts of one i32 or i64 operand, with .NET's BitOperations meaning (a zero operand counts
    // the width), result i32: tzcnt/bsf, lzcnt/bsr, and popcnt or its SSE2-baseline expansion.
    // counttrailingzeros i32 %x, countleadingzeros i32 %x, popcount i32 %x.
    CountTrailingZeros, CountLeadingZeros, PopCount,
}

public static class OpcodeFacts
{
    public static bool IsTerminator(this Opcode op) =>
        op is Opcode.Br or Opcode.CondBr or Opcode.Switch or Opcode.Ret or Opcode.Unreachable or Opcode.Throw;

    /// <summary>Operations that can throw an exception, and so may carry an unwind target.</summary>
    public static bool MayThrow(this Opcode op) =>
        op.IsCall() || op is Opcode.Throw or Opcode.NullCheck or Opcode.BoundsCheck or Opcode.OverflowCheck
            or Opcode.AddOvf or Opcode.AddOvfUn or Opcode.SubOvf or Opcode.SubOvfUn or Opcode.MulOvf or Opcode.MulOvfUn
            or Opcode.SDiv or Opcode.SRem or Opcode.UDiv or Opcode.URem
            or Opcode.NewObject or Opcode.NewArray or Opcode.NewString or Opcode.InitClass or Opcode.CastClass or Opcode.Unbox;

    public static bool IsIntegerBinary(this Opcode op) =>
        op is Opcode.AddOvf or Opcode.AddOvfUn or Opcode.SubOvf or Opcode.SubOvfUn or Opcode.MulOvf or Opcode.MulOvfUn or Opcode.Add or Opcode.Sub or Opcode.Mul or Opcode.SDiv or Opcode.UDiv or Opcode.SRem
            or Opcode.URem or Opcode.And or Opcode.Or or Opcode.Xor or Opcode.Shl or Opcode.AShr or Opcode.LShr;

    public static bool IsFloatBinary(this Opcode op) =>
        op is Opcode.FAdd or Opcode.FSub or Opcode.FMul or Opcode.FDiv or Opcode.FRem;

    public static bool IsConversion(this Opcode op) =>
        op is Opcode.Trunc or Opcode.SExt or Opcode.ZExt or Opcode.FPToSI or Opcode.FPToUI or Opcode.SIToFP
            or Opcode.UIToFP or Opcode.FPExt or Opcode.FPTrunc or Opcode.PtrToInt or Opcode.IntToPtr or Opcode.Reinterpret;

    /// <summary>Operations that may not be removed even when their result is unused.</summary>
    public static bool HasSideEffects(this Opcode op) =>
        op is Opcode.Store or Opcode.Copy or Opcode.Fill or Opcode.Call or Opcode.Intrinsic or Opcode.BoundsCheck
            or Opcode.NullCheck or Opcode.InitClass or Opcode.OverflowCheck
            or Opcode.AddOvf or Opcode.AddOvfUn or Opcode.SubOvf or Opcode.SubOvfUn or Opcode.MulOvf or Opcode.MulOvfUn or Opcode.SDiv or Opcode.SRem or Opcode.UDiv or Opcode.URem
            or Opcode.NewObject or Opcode.NewArray or Opcode.NewString or Opcode.StackAlloc
            or Opcode.CallVirtual or Opcode.CallInterface or Opcode.CallIndirect or Opcode.CastClass or Opcode.Unbox
            or Opcode.LandingPad
        || op.IsTerminator();

    public static bool IsCall(this Opcode op) =>
        op is Opcode.Call or Opcode.CallVirtual or Opcode.CallInterface or Opcode.CallIndirect;

    /// <summary>Operations that name a class and a slot of its vtable or interface (payload "Class", slot).</summary>
    public static bool HasSlot(this Opcode op) =>
        op is Opcode.CallVirtual or Opcode.CallInterface or Opcode.VirtualFunctionAddress;

    public static string Mnemonic(this Opcode op) => op switch
    {
        Opcode.ConstInt => "const",
        Opcode.ConstFloat => "fconst",
        Opcode.ConstNull => "null",
        Opcode.StringLiteral => "string",
        _ => op.ToString().ToLowerInvariant(),
    };

    public static string Mnemonic(this Predicate p) => p switch
    {
        Predicate.ULtF => "ult",
        Predicate.ULeF => "ule",
        Predicate.UGtF => "ugt",
        Predicate.UGeF => "uge",
        _ => p.ToString().ToLowerInvariant(),
    };
}

/// <summary>The kinds of <see cref="Opcode.Throw"/>, in its IntValue.</summary>
public static class ThrowKind
{
    /// <summary>A new throw: the stack trace starts here and the first pass looks for a handler.</summary>
    public const long Throw = 0;
    /// <summary>IL rethrow: the stack trace is kept, the first pass looks for a handler afresh.</summary>
    public const long Rethrow = 1;
    /// <summary>
    /// Carries on with an exception already being propagated (a try block's clauses did not take it,
    /// a finally block ended): the first pass has decided its handler already.
    /// </summary>
    public const long Resume = 2;
}
