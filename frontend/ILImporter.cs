using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using Testbed.IR;
using Cil = Mono.Cecil.Cil;

namespace Testbed.Frontend;

/// <summary>
/// Imports one method body from IL into IR. The evaluation stack becomes SSA values: within a block
/// the stack is a list of values; at a block boundary the values still on the stack become the
/// target block's parameters (IL guarantees the same stack shape on every edge). Locals, and
/// arguments whose address is taken or that are stored to, live in stack slots (<c>alloca</c>) that
/// LLVM's mem2reg (or ours, later) promotes.
///
/// The dispatch below reads like the ECMA-335 opcode table; the work for each family of opcodes is
/// in the partial files next to this one.
/// </summary>
internal sealed partial class ILImporter
{
    private readonly Compilation compilation;
    private readonly MethodInstance method;
    private readonly Function function;
    private readonly Cil.MethodBody body;
    private readonly TypeLayouts layouts;
    private readonly GenericContext context;

    private readonly Dictionary<int, ILBlock> blocks = new();
    private readonly Dictionary<int, Cil.Instruction> instructionAt = new();
    private readonly Queue<ILBlock> worklist = new();
    private List<Value> stack = new();
    private Builder b = null!;
    private Cil.Instruction current = null!;

    private TypeReference[] argTypes = Array.Empty<TypeReference>();
    private Value[] argValues = Array.Empty<Value>();
    private Value?[] argSlots = Array.Empty<Value?>();
    private TypeReference[] localTypes = Array.Empty<TypeReference>();
    private Value[] localSlots = Array.Empty<Value>();

    private sealed class ILBlock
    {
        public ILBlock(int offset) { Offset = offset; }
        public int Offset { get; }
        public Block? Block { get; set; }
        public bool Imported { get; set; }
    }

    public ILImporter(Compilation compilation, MethodInstance method, Function function)
    {
        this.compilation = compilation;
        this.method = method;
        this.function = function;
        body = method.Definition.Body;
        layouts = compilation.Layouts;
        context = method.Context;
    }

    public void Import()
    {
        body.SimplifyMacros();
        SetUpRegions();

        var entry = function.AddBlock();
        foreach (var t in function.ParameterTypes) entry.AddParameter(t);
        b = new Builder(entry);
        SetUpArgumentsAndLocals(entry);
        DescribeVariables();
        EmitClassInitialisationOnEntry();

        foreach (var i in body.Instructions) instructionAt[i.Offset] = i;
        foreach (var offset in FindBlockStarts()) blocks[offset] = new ILBlock(offset);
        Jump(Enter(blocks[0], new List<Value>()));

        while (worklist.Count > 0)
        {
            var block = worklist.Dequeue();
            if (block.Imported) continue;
            block.Imported = true;
            ImportBlock(block);
        }
        CompleteFinallyExits();
    }

    private void SetUpArgumentAndLocalTypes()
    {
        var types = new List<TypeReference>();
        if (method.Definition.HasThis)
            types.Add(method.HasValueTypeThis ? new ByReferenceType(method.DeclaringType) : method.DeclaringType);
        types.AddRange(method.ParameterTypes);
        argTypes = types.ToArray();
        localTypes = body.Variables.Select(v => context.Substitute(v.VariableType)).ToArray();
    }

    private void SetUpArgumentsAndLocals(Block entry)
    {
        SetUpArgumentAndLocalTypes();
        argValues = entry.Parameters.Cast<Value>().ToArray();
        argSlots = new Value?[argTypes.Length];

        // Filters run in functions of their own and reach the arguments they use by address.
        var inSlots = new HashSet<int>(ArgumentsUsedByFilters());
        foreach (var i in body.Instructions)
            if (i.OpCode.Code is Code.Starg or Code.Ldarga)
                inSlots.Add(ArgumentIndex((ParameterDefinition)i.Operand));
        foreach (var k in inSlots)
        {
            argSlots[k] = b.Alloca(layouts.Map(argTypes[k]));
            b.Store(argValues[k], argSlots[k]!);
        }

        localSlots = new Value[localTypes.Length];
        for (int k = 0; k < localTypes.Length; k++)
        {
            var type = layouts.Map(localTypes[k]);
            localSlots[k] = b.Alloca(type);
            // C# always asks for zeroed locals (localsinit); a method with [SkipLocalsInit] gets them anyway.
            b.StoreZero(type, localSlots[k]);
        }
    }


    /// <summary>
    /// Types without beforefieldinit run their static constructor before any static method or
    /// constructor; checking on entry to those methods gives exactly that.
    /// </summary>
    private void EmitClassInitialisationOnEntry()
    {
        var def = method.Definition;
        var type = def.DeclaringType;
        if (type.IsBeforeFieldInit || !Compilation.HasStaticConstructor(type)) return;
        if (def.IsConstructor && def.IsStatic) return;
        if (!def.IsStatic && !def.IsConstructor) return;
        b.WithClass(Opcode.InitClass, IrType.Void, compilation.ClassWithInitializer(method.DeclaringType));
    }

    private IEnumerable<int> FindBlockStarts()
    {
        var starts = new SortedSet<int>(HandlerBlockStarts()) { 0 };
        foreach (var i in body.Instructions)
        {
            switch (i.Operand)
            {
                case Cil.Instruction target: if (IsBranch(i)) starts.Add(target.Offset); break;
                case Cil.Instruction[] targets: foreach (var t in targets) starts.Add(t.Offset); break;
            }
            if (i.Next is not null && EndsBlock(i)) starts.Add(i.Next.Offset);
        }
        return starts;
    }

    private static bool IsBranch(Cil.Instruction i) => i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch;

    private static bool EndsBlock(Cil.Instruction i) =>
        i.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw;

    /// <summary>The edge into an IL block: creates its IR block with one parameter per stack value on first use.</summary>
    private BlockTarget Enter(ILBlock target, List<Value> stackValues)
    {
        var into = EnterBlock(target, stackValues);
        // IL enters a try block with an empty stack (§II.19), so the edge can pass through a block without parameters.
        return RegionsEnteredAt(target.Offset) is { Count: > 0 } entered ? ThroughTryEntry(entered, into) : into;
    }

    private BlockTarget EnterBlock(ILBlock target, List<Value> stackValues)
    {
        if (target.Block is null)
        {
            target.Block = function.AddBlock();
            foreach (var v in stackValues) target.Block.AddParameter(v.Type);
            worklist.Enqueue(target);
        }
        if (target.Block.Parameters.Count != stackValues.Count)
            throw Unsupported(current?.Offset ?? 0, $"the evaluation stack has {stackValues.Count} values on one edge into IL_{target.Offset:x4} and {target.Block.Parameters.Count} on another");
        var args = stackValues.Select((v, k) => Coerce(v, target.Block.Parameters[k].Type)).ToList();
        return new BlockTarget(target.Block, args);
    }

    private BlockTarget Enter(Cil.Instruction target) => Enter(blocks[target.Offset], new List<Value>(stack));

    private void ImportBlock(ILBlock block)
    {
        b = new Builder(block.Block!);
        stack = block.Block!.Parameters.Cast<Value>().ToList();
        var instruction = instructionAt[block.Offset];
        bool afterVolatilePrefix = false;
        while (true)
        {
            current = instruction;
            b.ILOffset = instruction.Offset;
            b.Unwind = UnwindFor(instruction.Offset);
            // volatile. makes the one access after it volatile (ECMA-335 §III.2.6): C# emits it for
            // every read and write of a volatile field.
            b.Volatile = afterVolatilePrefix;
            afterVolatilePrefix = instruction.OpCode.Code == Code.Volatile;
            try
            {
                ImportInstruction(instruction);
            }
            catch (UnsupportedException e) when (e.ILOffset < 0)
            {
                // Type layout does not know which instruction asked for the type.
                throw Unsupported(instruction.Offset, e.Message);
            }
            if (EndsBlock(instruction)) return;
            instruction = instruction.Next
                ?? throw Unsupported(instruction.Offset, "control falls off the end of the method body");
            if (blocks.ContainsKey(instruction.Offset))
            {
                Jump(Enter(instruction));
                return;
            }
        }
    }

    private void ImportInstruction(Cil.Instruction i)
    {
        switch (i.OpCode.Code)
        {
            case Code.Nop or Code.Volatile or Code.Readonly or Code.Tail or Code.Unaligned or Code.Break: break;

            case Code.Ldarg: Push(LoadArgument(ArgumentIndex((ParameterDefinition)i.Operand))); break;
            case Code.Ldarga: Push(argSlots[ArgumentIndex((ParameterDefinition)i.Operand)]!); break;
            case Code.Starg: StoreArgument(ArgumentIndex((ParameterDefinition)i.Operand), Pop()); break;
            case Code.Ldloc: Push(LoadLocal(((VariableDefinition)i.Operand).Index)); break;
            case Code.Ldloca: Push(localSlots[((VariableDefinition)i.Operand).Index]); break;
            case Code.Stloc: StoreLocal(((VariableDefinition)i.Operand).Index, Pop()); break;

            case Code.Ldnull: Push(b.Null(IrType.Obj)); break;
            case Code.Ldc_I4: Push(b.ConstInt(IrType.I32, (int)i.Operand)); break;
            case Code.Ldc_I8: Push(b.ConstInt(IrType.I64, (long)i.Operand)); break;
            case Code.Ldc_R4: Push(b.ConstFloat(IrType.F32, (float)i.Operand)); break;
            case Code.Ldc_R8: Push(b.ConstFloat(IrType.F64, (double)i.Operand)); break;
            case Code.Ldstr: compilation.Instantiate(layouts.CoreType("System.String")); Push(b.StringLiteral((string)i.Operand)); break;
            case Code.Dup: Push(Peek()); break;
            case Code.Pop: Pop(); break;

            case Code.Call: ImportCall((MethodReference)i.Operand, isVirtual: false); break;
            case Code.Callvirt: ImportCall((MethodReference)i.Operand, isVirtual: true); break;
            case Code.Newobj: ImportNewObject((MethodReference)i.Operand); break;
            case Code.Ret: ImportReturn(); break;

            case Code.Br: Jump(Enter((Cil.Instruction)i.Operand)); break;
            case Code.Brfalse: ImportConditionalBranch(IsZero(Pop()), i); break;
            case Code.Brtrue: ImportConditionalBranch(IsNonZero(Pop()), i); break;
            case Code.Beq: ImportCompareAndBranch(Predicate.Eq, i); break;
            case Code.Bne_Un: ImportCompareAndBranch(Predicate.Ne, i); break;
            case Code.Blt: ImportCompareAndBranch(Predicate.SLt, i); break;
            case Code.Ble: ImportCompareAndBranch(Predicate.SLe, i); break;
            case Code.Bgt: ImportCompareAndBranch(Predicate.SGt, i); break;
            case Code.Bge: ImportCompareAndBranch(Predicate.SGe, i); break;
            case Code.Blt_Un: ImportCompareAndBranch(Predicate.ULt, i); break;
            case Code.Ble_Un: ImportCompareAndBranch(Predicate.ULe, i); break;
            case Code.Bgt_Un: ImportCompareAndBranch(Predicate.UGt, i); break;
            case Code.Bge_Un: ImportCompareAndBranch(Predicate.UGe, i); break;
            case Code.Switch: ImportSwitch(i); break;

            case Code.Ceq: Push(BoolToInt(Compare(Predicate.Eq))); break;
            case Code.Cgt: Push(BoolToInt(Compare(Predicate.SGt))); break;
            case Code.Cgt_Un: Push(BoolToInt(Compare(Predicate.UGt))); break;
            case Code.Clt: Push(BoolToInt(Compare(Predicate.SLt))); break;
            case Code.Clt_Un: Push(BoolToInt(Compare(Predicate.ULt))); break;

            case Code.Add: ImportAdd(); break;
            case Code.Sub: ImportSub(); break;
            case Code.Mul: ImportBinary(Opcode.Mul, Opcode.FMul); break;
            case Code.Div: ImportBinary(Opcode.SDiv, Opcode.FDiv); break;
            case Code.Div_Un: ImportBinary(Opcode.UDiv, null); break;
            case Code.Rem: ImportBinary(Opcode.SRem, Opcode.FRem); break;
            case Code.Rem_Un: ImportBinary(Opcode.URem, null); break;
            case Code.And: ImportBinary(Opcode.And, null); break;
            case Code.Or: ImportBinary(Opcode.Or, null); break;
            case Code.Xor: ImportBinary(Opcode.Xor, null); break;
            case Code.Shl: ImportShift(Opcode.Shl); break;
            case Code.Shr: ImportShift(Opcode.AShr); break;
            case Code.Shr_Un: ImportShift(Opcode.LShr); break;
            case Code.Add_Ovf: ImportBinary(Opcode.AddOvf, null); break;
            case Code.Add_Ovf_Un: ImportBinary(Opcode.AddOvfUn, null); break;
            case Code.Sub_Ovf: ImportBinary(Opcode.SubOvf, null); break;
            case Code.Sub_Ovf_Un: ImportBinary(Opcode.SubOvfUn, null); break;
            case Code.Mul_Ovf: ImportBinary(Opcode.MulOvf, null); break;
            case Code.Mul_Ovf_Un: ImportBinary(Opcode.MulOvfUn, null); break;
            case Code.Neg: ImportNegate(); break;
            case Code.Not: { var v = PopNumeric(); Push(b.Emit(Opcode.Not, v.Type, v)); break; }

            case Code.Conv_I1: Push(ConvertInteger(IrType.I8, signed: true)); break;
            case Code.Conv_I2: Push(ConvertInteger(IrType.I16, signed: true)); break;
            case Code.Conv_I4: Push(ConvertInteger(IrType.I32, signed: true)); break;
            case Code.Conv_I8 or Code.Conv_I: Push(ConvertInteger(IrType.I64, signed: true)); break;
            case Code.Conv_U1: Push(ConvertInteger(IrType.I8, signed: false)); break;
            case Code.Conv_U2: Push(ConvertInteger(IrType.I16, signed: false)); break;
            case Code.Conv_U4: Push(ConvertInteger(IrType.I32, signed: false)); break;
            case Code.Conv_U8 or Code.Conv_U: Push(ConvertInteger(IrType.I64, signed: false)); break;
            case Code.Conv_Ovf_I1 or Code.Conv_Ovf_I1_Un: Push(ConvertChecked(IrType.I8, targetSigned: true, i.OpCode.Code == Code.Conv_Ovf_I1_Un)); break;
            case Code.Conv_Ovf_I2 or Code.Conv_Ovf_I2_Un: Push(ConvertChecked(IrType.I16, targetSigned: true, i.OpCode.Code == Code.Conv_Ovf_I2_Un)); break;
            case Code.Conv_Ovf_I4 or Code.Conv_Ovf_I4_Un: Push(ConvertChecked(IrType.I32, targetSigned: true, i.OpCode.Code == Code.Conv_Ovf_I4_Un)); break;
            case Code.Conv_Ovf_I8 or Code.Conv_Ovf_I8_Un or Code.Conv_Ovf_I or Code.Conv_Ovf_I_Un:
                Push(ConvertChecked(IrType.I64, targetSigned: true, i.OpCode.Code is Code.Conv_Ovf_I8_Un or Code.Conv_Ovf_I_Un)); break;
            case Code.Conv_Ovf_U1 or Code.Conv_Ovf_U1_Un: Push(ConvertChecked(IrType.I8, targetSigned: false, i.OpCode.Code == Code.Conv_Ovf_U1_Un)); break;
            case Code.Conv_Ovf_U2 or Code.Conv_Ovf_U2_Un: Push(ConvertChecked(IrType.I16, targetSigned: false, i.OpCode.Code == Code.Conv_Ovf_U2_Un)); break;
            case Code.Conv_Ovf_U4 or Code.Conv_Ovf_U4_Un: Push(ConvertChecked(IrType.I32, targetSigned: false, i.OpCode.Code == Code.Conv_Ovf_U4_Un)); break;
            case Code.Conv_Ovf_U8 or Code.Conv_Ovf_U8_Un or Code.Conv_Ovf_U or Code.Conv_Ovf_U_Un:
                Push(ConvertChecked(IrType.I64, targetSigned: false, i.OpCode.Code is Code.Conv_Ovf_U8_Un or Code.Conv_Ovf_U_Un)); break;
            case Code.Conv_R4: Push(ConvertToFloat(IrType.F32, unsignedSource: false)); break;
            case Code.Conv_R8: Push(ConvertToFloat(IrType.F64, unsignedSource: false)); break;
            case Code.Conv_R_Un: Push(ConvertToFloat(IrType.F64, unsignedSource: true)); break;

            case Code.Ldind_I1: Push(LoadIndirect(IrType.I8, signed: true)); break;
            case Code.Ldind_U1: Push(LoadIndirect(IrType.I8, signed: false)); break;
            case Code.Ldind_I2: Push(LoadIndirect(IrType.I16, signed: true)); break;
            case Code.Ldind_U2: Push(LoadIndirect(IrType.I16, signed: false)); break;
            case Code.Ldind_I4 or Code.Ldind_U4: Push(LoadIndirect(IrType.I32, signed: true)); break;
            case Code.Ldind_I8 or Code.Ldind_I: Push(LoadIndirect(IrType.I64, signed: true)); break;
            case Code.Ldind_R4: Push(LoadIndirect(IrType.F32, signed: true)); break;
            case Code.Ldind_R8: Push(LoadIndirect(IrType.F64, signed: true)); break;
            case Code.Ldind_Ref: Push(LoadIndirect(IrType.Obj, signed: true)); break;
            case Code.Stind_I1: StoreIndirect(IrType.I8); break;
            case Code.Stind_I2: StoreIndirect(IrType.I16); break;
            case Code.Stind_I4: StoreIndirect(IrType.I32); break;
            case Code.Stind_I8 or Code.Stind_I: StoreIndirect(IrType.I64); break;
            case Code.Stind_R4: StoreIndirect(IrType.F32); break;
            case Code.Stind_R8: StoreIndirect(IrType.F64); break;
            case Code.Stind_Ref: StoreIndirect(IrType.Obj); break;
            case Code.Ldobj: ImportLoadObject(Substitute(i.Operand)); break;
            case Code.Stobj: ImportStoreObject(Substitute(i.Operand)); break;
            case Code.Cpobj: ImportCopyObject(Substitute(i.Operand)); break;
            case Code.Initobj: ImportInitObject(Substitute(i.Operand)); break;
            case Code.Sizeof: Push(b.ConstInt(IrType.I32, SizeOf(Substitute(i.Operand)))); break;
            case Code.Localloc: ImportLocalloc(); break;
            case Code.Cpblk: { var size = Pop(); var src = Pop(); var dst = Pop(); b.Emit(Opcode.Copy, IrType.Void, Coerce(dst, IrType.Ptr), Coerce(src, IrType.Ptr), ZeroExtendToI64(size)); break; }
            case Code.Initblk: { var size = Pop(); var value = Pop(); var dst = Pop(); b.Emit(Opcode.Fill, IrType.Void, Coerce(dst, IrType.Ptr), Coerce(value, IrType.I8), ZeroExtendToI64(size)); break; }

            case Code.Ldfld: ImportLoadField((FieldReference)i.Operand); break;
            case Code.Ldflda: ImportFieldAddress((FieldReference)i.Operand); break;
            case Code.Stfld: ImportStoreField((FieldReference)i.Operand); break;
            case Code.Ldsfld: { var (addr, type) = StaticFieldAddress((FieldReference)i.Operand); Push(Widen(b.Load(layouts.Map(type), addr), type)); break; }
            case Code.Ldsflda: Push(StaticFieldAddress((FieldReference)i.Operand).Address); break;
            case Code.Stsfld: { var v = Pop(); var (addr, type) = StaticFieldAddress((FieldReference)i.Operand); b.Store(Coerce(v, layouts.Map(type)), addr); break; }

            case Code.Newarr: ImportNewArray(Substitute(i.Operand)); break;
            case Code.Ldlen: ImportArrayLength(); break;
            case Code.Ldelema: ImportElementAddress(Substitute(i.Operand)); break;
            case Code.Ldelem_Any: ImportLoadElement(Substitute(i.Operand)); break;
            case Code.Stelem_Any: ImportStoreElement(Substitute(i.Operand)); break;
            case Code.Ldelem_I1: ImportLoadElement(TypeSystem.SByte); break;
            case Code.Ldelem_U1: ImportLoadElement(TypeSystem.Byte); break;
            case Code.Ldelem_I2: ImportLoadElement(TypeSystem.Int16); break;
            case Code.Ldelem_U2: ImportLoadElement(TypeSystem.UInt16); break;
            case Code.Ldelem_I4: ImportLoadElement(TypeSystem.Int32); break;
            case Code.Ldelem_U4: ImportLoadElement(TypeSystem.UInt32); break;
            case Code.Ldelem_I8: ImportLoadElement(TypeSystem.Int64); break;
            case Code.Ldelem_I: ImportLoadElement(TypeSystem.IntPtr); break;
            case Code.Ldelem_R4: ImportLoadElement(TypeSystem.Single); break;
            case Code.Ldelem_R8: ImportLoadElement(TypeSystem.Double); break;
            case Code.Ldelem_Ref: ImportLoadElement(TypeSystem.Object); break;
            case Code.Stelem_I1: ImportStoreElement(TypeSystem.SByte); break;
            case Code.Stelem_I2: ImportStoreElement(TypeSystem.Int16); break;
            case Code.Stelem_I4: ImportStoreElement(TypeSystem.Int32); break;
            case Code.Stelem_I8: ImportStoreElement(TypeSystem.Int64); break;
            case Code.Stelem_I: ImportStoreElement(TypeSystem.IntPtr); break;
            case Code.Stelem_R4: ImportStoreElement(TypeSystem.Single); break;
            case Code.Stelem_R8: ImportStoreElement(TypeSystem.Double); break;
            case Code.Stelem_Ref: ImportStoreElement(TypeSystem.Object); break;
            case Code.Ldtoken: ImportLoadToken(i.Operand); break;

            case Code.Constrained: ImportConstrainedCall(Substitute(i.Operand), i); break;

            case Code.Throw: ImportThrow(); break;
            case Code.Rethrow: ImportRethrow(); break;
            case Code.Leave: ImportLeave((Cil.Instruction)i.Operand); break;
            case Code.Endfinally: ImportEndFinally(); break;
            case Code.Endfilter: ImportEndFilter(); break;

            case Code.Box: ImportBox(Substitute(i.Operand)); break;
            case Code.Unbox: ImportUnbox(Substitute(i.Operand)); break;
            case Code.Unbox_Any: ImportUnboxAny(Substitute(i.Operand)); break;
            case Code.Isinst: Push(TypeTest(Opcode.IsInstance, Substitute(i.Operand), Pop())); break;
            case Code.Castclass: Push(TypeTest(Opcode.CastClass, Substitute(i.Operand), Pop())); break;
            case Code.Ldftn: ImportLoadFunction((MethodReference)i.Operand); break;
            case Code.Ldvirtftn: ImportLoadVirtualFunction((MethodReference)i.Operand); break;
            case Code.Calli: ImportCalli((CallSite)i.Operand); break;

            default:
                throw Unsupported(i.Offset, $"the IL instruction '{i.OpCode.Name}' (see docs/language-support.md)");
        }
    }


    private TypeSystem TypeSystem => method.Definition.Module.TypeSystem;

    private TypeReference Substitute(object operand) => context.Substitute((TypeReference)operand);

    public UnsupportedException Unsupported(int offset, string message) => new(offset, message);
    private UnsupportedException Unsupported(string message) => new(current?.Offset ?? 0, message);

    // ---- the evaluation stack ----

    private void Push(Value v) => stack.Add(v);

    private Value Pop()
    {
        if (stack.Count == 0) throw Unsupported("evaluation stack underflow (invalid IL)");
        var v = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return v;
    }

    private Value Peek() => stack.Count > 0 ? stack[^1] : throw Unsupported("evaluation stack underflow (invalid IL)");

    // ---- arguments and locals ----

    private int ArgumentIndex(ParameterDefinition p) =>
        p == body.ThisParameter ? 0 : p.Index + (method.Definition.HasThis ? 1 : 0);

    private Value LoadArgument(int k)
    {
        var irType = layouts.Map(argTypes[k]);
        var v = argSlots[k] is { } slot ? b.Load(irType, slot) : argValues[k];
        return Widen(v, argTypes[k]);
    }

    private void StoreArgument(int k, Value v) => b.Store(Coerce(v, layouts.Map(argTypes[k])), argSlots[k]!);

    private Value LoadLocal(int k) => Widen(b.Load(layouts.Map(localTypes[k]), localSlots[k]), localTypes[k]);

    private void StoreLocal(int k, Value v) => b.Store(Coerce(v, layouts.Map(localTypes[k])), localSlots[k]);

    /// <summary>Small integers widen to int32 on the evaluation stack, by the sign of their .NET type.</summary>
    private Value Widen(Value v, TypeReference type)
    {
        if (v.Type != IrType.I8 && v.Type != IrType.I16) return v;
        return b.Convert(TypeLayouts.IsSignedSmall(type) ? Opcode.SExt : Opcode.ZExt, v, IrType.I32);
    }
}
