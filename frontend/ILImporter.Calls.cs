using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>Calls, object creation, returns and the intrinsics the core library and library OS rely on.</summary>
internal sealed partial class ILImporter
{
    /// <summary>The type named by a <c>constrained.</c> prefix, for the call that follows it.</summary>
    private TypeReference? constraint;

    private (TypeReference DeclaringType, MethodDefinition Definition, TypeReference[] MethodArguments) ResolveMethod(MethodReference reference)
    {
        var declaringType = context.Substitute(reference.DeclaringType);
        var def = reference.Resolve() ?? throw Unsupported(reference.DeclaringType.Resolve() is null
            ? TypeLayouts.Unresolvable(reference.DeclaringType) : $"cannot resolve method {reference.FullName}");
        var methodArguments = reference is GenericInstanceMethod gim
            ? gim.GenericArguments.Select(context.Substitute).ToArray()
            : Array.Empty<TypeReference>();
        return (declaringType, def, methodArguments);
    }

    private List<Value> PopArguments(int count)
    {
        var args = new List<Value>(count);
        for (int k = 0; k < count; k++) args.Add(Pop());
        args.Reverse();
        return args;
    }

    private void ImportConstrainedCall(TypeReference type, Mono.Cecil.Cil.Instruction prefix)
    {
        if (prefix.Next?.OpCode.Code != Mono.Cecil.Cil.Code.Callvirt)
            throw Unsupported("a constrained. prefix not followed by callvirt");
        constraint = type;
    }

    private void ImportCall(MethodReference reference, bool isVirtual)
    {
        if (IsMultiDimensional(context.Substitute(reference.DeclaringType)))
        {
            ImportMultiDimensionalAccess((ArrayType)context.Substitute(reference.DeclaringType), reference);
            return;
        }
        var (declaringType, def, methodArguments) = ResolveMethod(reference);
        var constrainedTo = constraint;
        constraint = null;

        if (TryImportIntrinsic(declaringType, def, methodArguments)) return;

        var args = PopArguments(def.Parameters.Count + (def.HasThis ? 1 : 0));
        if (constrainedTo is not null)
        {
            var resolved = ResolveConstrainedTarget(constrainedTo, def, args[0], declaringType);
            if (resolved is null)
            {
                // The value type does not implement the method itself: box it and dispatch (ToString, GetHashCode, ...).
                args[0] = Box(constrainedTo, b.Load(layouts.Map(constrainedTo), Coerce(args[0], IrType.Ptr)));
            }
            else
            {
                (declaringType, def, args[0]) = resolved.Value;
                isVirtual = !TypeLayouts.Resolve(declaringType).IsValueType;
            }
        }

        if (isVirtual && def.HasThis && args[0].Type == IrType.Obj)
            b.Emit(Opcode.NullCheck, IrType.Void, args[0]);
        if (isVirtual && NeedsDispatch(declaringType, def))
        {
            EmitVirtualCall(declaringType, def, methodArguments, args);
            return;
        }
        EmitCall(new MethodInstance(def, declaringType, methodArguments), args);
    }

    /// <summary>A callvirt needs the vtable unless the method cannot be overridden any further.</summary>
    private static bool NeedsDispatch(TypeReference declaringType, MethodDefinition def) =>
        def.IsVirtual && !def.IsFinal && !TypeLayouts.Resolve(declaringType).IsSealed && !def.DeclaringType.IsValueType;

    /// <summary>
    /// <c>constrained. T callvirt M</c> on a value type that implements M itself is a direct call with
    /// the managed pointer as <c>this</c>; on a reference type it is a call on the loaded reference.
    /// </summary>
    private (TypeReference, MethodDefinition, Value)? ResolveConstrainedTarget(TypeReference type, MethodDefinition method, Value thisPointer, TypeReference declaredOn)
    {
        var typeDef = TypeLayouts.Resolve(type);
        if (!typeDef.IsValueType)
        {
            var receiver = b.Load(IrType.Obj, Coerce(thisPointer, IrType.Ptr));
            // A sealed T is exactly T at run time: the call goes straight to T's implementation, as
            // the JIT's devirtualisation of constrained calls does (string keys' GetHashCode and Equals).
            if (typeDef.IsSealed && SealedImplementation(type, method, declaredOn) is { } direct)
                return (direct.Type, direct.Method, receiver);
            return (declaredOn, method, receiver);
        }
        // An interface method on a value type: the method that implements it, explicit or implicit.
        if (method.DeclaringType.IsInterface
            && compilation.Tables.InterfaceImplementation(type, declaredOn, method) is { } found
            && TypeLayouts.Resolve(found.Type).IsValueType)
            return (found.Type, found.Method, thisPointer);
        var implementation = typeDef.Methods.FirstOrDefault(m => m.Name == method.Name && m.HasThis
            && m.Parameters.Count == method.Parameters.Count
            && m.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(method.Parameters.Select(p => p.ParameterType.FullName)));
        return implementation is null ? null : (type, implementation, thisPointer);
    }

    /// <summary>The method a call of <paramref name="method"/> reaches on an object of the sealed class <paramref name="type"/>; null when unsure.</summary>
    private (TypeReference Type, MethodDefinition Method)? SealedImplementation(TypeReference type, MethodDefinition method, TypeReference declaredOn)
    {
        if (method.HasGenericParameters) return null;
        if (method.DeclaringType.IsInterface)
            return compilation.Tables.InterfaceImplementation(type, declaredOn, method) is { } found ? (found.Type, found.Method) : null;
        if (!method.IsVirtual) return null;
        int slot = compilation.Tables.SlotIndex(type, method);
        if (slot < 0) return null;
        var implementation = compilation.Tables.SlotsOf(type)[slot];
        return implementation.Implementation.IsAbstract ? null : (implementation.ImplementationType, implementation.Implementation);
    }

    /// <summary>
    /// EqualityComparer&lt;T&gt;.Default, chosen while compiling T as .NET chooses it by reflection at run
    /// time: a T that implements IEquatable&lt;T&gt; gets GenericEqualityComparer&lt;T&gt;, whose constrained
    /// calls go straight to T's Equals and GetHashCode (no box, no type test per call); any other T
    /// gets ObjectEqualityComparer&lt;T&gt;, which calls Equals(object).
    /// </summary>
    private TypeReference DefaultEqualityComparerFor(TypeReference type)
    {
        bool equatable = compilation.Tables.InterfacesOf(type).Any(i =>
            i is GenericInstanceType { ElementType.FullName: "System.IEquatable`1" } g && g.GenericArguments[0].FullName == type.FullName);
        var comparer = layouts.CoreType(equatable ? "System.Collections.Generic.GenericEqualityComparer`1" : "System.Collections.Generic.ObjectEqualityComparer`1");
        var instance = new GenericInstanceType(comparer);
        instance.GenericArguments.Add(type);
        return instance;
    }

    private void EmitCall(MethodInstance callee, List<Value> args)
    {
        var function = compilation.GetFunction(callee);
        var coerced = args.Select((a, k) => Coerce(a, function.ParameterTypes[k])).ToList();
        var result = b.Call(function, coerced);
        if (result.HasResult) Push(Widen(result, callee.ReturnType));
    }

    private void ImportNewObject(MethodReference constructor)
    {
        if (IsMultiDimensional(context.Substitute(constructor.DeclaringType)))
        {
            ImportMultiDimensionalNew((ArrayType)context.Substitute(constructor.DeclaringType), constructor);
            return;
        }
        var (declaringType, def, _) = ResolveMethod(constructor);
        var args = PopArguments(def.Parameters.Count);
        var typeDef = TypeLayouts.Resolve(declaringType);
        var ctor = new MethodInstance(def, declaringType);
        if (typeDef.IsValueType)
        {
            var type = layouts.Map(declaringType);
            var slot = b.Alloca(type);
            b.StoreZero(type, slot);
            args.Insert(0, slot);
            EmitCall(ctor, args);
            Push(Widen(b.Load(type, slot), declaringType));
            return;
        }
        if (typeDef.FullName == "System.String")
        {
            // The core library's static Ctor with the constructor's parameters builds the string (see String.Constructors.cs).
            var parameterTypes = def.Parameters.Select(p => p.ParameterType.FullName).ToList();
            var factory = typeDef.Methods.FirstOrDefault(m => m.IsStatic && m.Name == "Ctor"
                && m.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(parameterTypes))
                ?? throw Unsupported($"the string constructor {def.FullName} (the core library has no matching String.Ctor)");
            EmitCall(new MethodInstance(factory, declaringType), args);
            return;
        }
        var instance = b.WithClass(Opcode.NewObject, IrType.Obj, compilation.Instantiate(declaringType));
        args.Insert(0, instance);
        EmitCall(ctor, args);
        Push(instance);
    }

    /// <summary>Activator.CreateInstance&lt;T&gt;(), for <c>new T()</c>: T is known here.</summary>
    private void ImportCreateInstance(TypeReference type)
    {
        var typeDef = TypeLayouts.Resolve(type);
        if (typeDef.IsValueType)
        {
            var irType = layouts.Map(type);
            var slot = b.Alloca(irType);
            b.StoreZero(irType, slot);
            var parameterless = typeDef.Methods.FirstOrDefault(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 0);
            if (parameterless is not null) EmitCall(new MethodInstance(parameterless, type), new List<Value> { slot });
            Push(Widen(b.Load(irType, slot), type));
            return;
        }
        var ctor = typeDef.Methods.FirstOrDefault(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 0)
            ?? throw Unsupported($"new T() with T = {type.FullName}, which has no parameterless constructor");
        if (typeDef.IsAbstract) throw Unsupported($"new T() with the abstract type {type.FullName}");
        var instance = b.WithClass(Opcode.NewObject, IrType.Obj, compilation.Instantiate(type));
        EmitCall(new MethodInstance(ctor, type), new List<Value> { instance });
        Push(instance);
    }

    private void ImportReturn()
    {
        if (function.ReturnType == IrType.Void)
            b.Ret(null);
        else
            b.Ret(Coerce(Pop(), function.ReturnType));
    }

    // ---- intrinsics: recognised by declaring type and name (docs/runtime-contract.md) ----

    private static readonly Dictionary<string, IntrinsicKind> CpuIntrinsics = new()
    {
        ["OutByte"] = IntrinsicKind.OutByte, ["OutWord"] = IntrinsicKind.OutWord, ["OutDword"] = IntrinsicKind.OutDword,
        ["InByte"] = IntrinsicKind.InByte, ["InWord"] = IntrinsicKind.InWord, ["InDword"] = IntrinsicKind.InDword,
        ["ReadTimeStampCounter"] = IntrinsicKind.ReadTimeStampCounter, ["Halt"] = IntrinsicKind.Halt, ["Pause"] = IntrinsicKind.Pause,
        ["DisableInterrupts"] = IntrinsicKind.DisableInterrupts, ["EnableInterrupts"] = IntrinsicKind.EnableInterrupts,
        ["LoadIdt"] = IntrinsicKind.LoadIdt, ["ReadCr2"] = IntrinsicKind.ReadCr2,
        ["ReadCr3"] = IntrinsicKind.ReadCr3, ["WriteCr3"] = IntrinsicKind.WriteCr3, ["ReadMsr"] = IntrinsicKind.ReadMsr,
        ["WriteMsr"] = IntrinsicKind.WriteMsr, ["Cpuid"] = IntrinsicKind.Cpuid, ["MemoryFence"] = IntrinsicKind.MemoryFence, ["Prefetch"] = IntrinsicKind.Prefetch,
        ["WaitForInterrupt"] = IntrinsicKind.WaitForInterrupt,
        ["ReadMmio8"] = IntrinsicKind.ReadMmio8, ["ReadMmio16"] = IntrinsicKind.ReadMmio16, ["ReadMmio32"] = IntrinsicKind.ReadMmio32,
        ["WriteMmio8"] = IntrinsicKind.WriteMmio8, ["WriteMmio16"] = IntrinsicKind.WriteMmio16, ["WriteMmio32"] = IntrinsicKind.WriteMmio32,
        ["Syscall"] = IntrinsicKind.Syscall,
    };

    private static readonly Dictionary<string, IntrinsicKind> MathIntrinsics = new()
    {
        ["Sqrt"] = IntrinsicKind.Sqrt, ["Floor"] = IntrinsicKind.Floor, ["Ceiling"] = IntrinsicKind.Ceiling,
        ["Round"] = IntrinsicKind.Round, ["Truncate"] = IntrinsicKind.Truncate, ["Abs"] = IntrinsicKind.FAbs,
    };

    private static readonly Dictionary<string, IntrinsicKind> SimdIntrinsics = new()
    {
        ["MatchBytes16"] = IntrinsicKind.MatchBytes16, ["MatchChars8"] = IntrinsicKind.MatchChars8,
        ["EqualBytes16"] = IntrinsicKind.EqualBytes16,
    };

    private static readonly Dictionary<string, IntrinsicKind> BitIntrinsics = new()
    {
        ["TrailingZeroCount"] = IntrinsicKind.CountTrailingZeros, ["LeadingZeroCount"] = IntrinsicKind.CountLeadingZeros,
        ["PopCount"] = IntrinsicKind.PopCount,
    };

    private bool TryImportIntrinsic(TypeReference declaringType, MethodDefinition def, TypeReference[] methodArguments)
    {
        var owner = def.DeclaringType.FullName;
        switch (owner)
        {
            case "System.Runtime.Cpu" when CpuIntrinsics.TryGetValue(def.Name, out var cpu):
                PushIntrinsic(cpu, def, declaringType);
                return true;
            case "System.Runtime.Simd" when SimdIntrinsics.TryGetValue(def.Name, out var simd):
                PushIntrinsic(simd, def, declaringType);
                return true;
            case "System.Runtime.BitCounts" when !def.HasBody && BitIntrinsics.TryGetValue(def.Name, out var bits):
                PushIntrinsic(bits, def, declaringType);
                return true;
            case "System.Math" or "System.MathF" when !def.HasBody && MathIntrinsics.TryGetValue(def.Name, out var math):
                PushIntrinsic(math, def, declaringType);
                return true;
            case "System.Runtime.ExceptionHandling" when def.Name == "GetPendingException":
                Push(b.Intrinsic(IntrinsicKind.GetPendingException, IrType.Obj));
                return true;
            case "System.Runtime.ExceptionHandling" when def.Name == "SetPendingException":
                b.Intrinsic(IntrinsicKind.SetPendingException, IrType.Void, Coerce(Pop(), IrType.Obj));
                return true;
            case "System.Activator" when def.Name == "CreateInstance" && methodArguments.Length == 1:
                ImportCreateInstance(methodArguments[0]);
                return true;
            case "System.Runtime.RuntimeIntrinsics" when def.Name == "CreateDefaultEqualityComparer" && methodArguments.Length == 1:
                ImportCreateInstance(DefaultEqualityComparerFor(methodArguments[0]));
                return true;
            case "System.Runtime.RuntimeIntrinsics" when def.Name == "AllocateString":
                Push(b.WithClass(Opcode.NewString, IrType.Obj, compilation.Instantiate(layouts.CoreType("System.String")), Coerce(Pop(), IrType.I32)));
                return true;
            case "System.Runtime.CompilerServices.Unsafe":
                ImportUnsafe(def, methodArguments);
                return true;
            case "System.Runtime.CompilerServices.RuntimeHelpers" when def.Name == "IsBitwiseEquatable":
                Push(b.ConstInt(IrType.I32, IsBitwiseEquatable(methodArguments[0]) ? 1 : 0));
                return true;
            case "System.Runtime.CompilerServices.RuntimeHelpers" when def.Name == "IsReferenceOrContainsReferences":
                Push(b.ConstInt(IrType.I32, HoldsReferences(layouts.Map(methodArguments[0])) ? 1 : 0));
                return true;
            case "System.Runtime.CompilerServices.RuntimeHelpers" when def.Name == "CreateSpan":
            {
                var data = Pop();
                var dataGlobal = (data as Instruction)?.Global ?? throw Unsupported("CreateSpan with a field handle not from ldtoken");
                var element = methodArguments[0];
                var spanType = new GenericInstanceType(layouts.CoreType("System.ReadOnlySpan`1"));
                spanType.GenericArguments.Add(element);
                var spanDef = TypeLayouts.Resolve(spanType);
                var span = Slot(layouts.Map(spanType));
                b.Store(data, b.FieldAddr(span, layouts.InstanceField(spanType, spanDef.Fields.Single(f => f.Name == "_reference"))));
                b.Store(b.ConstInt(IrType.I32, dataGlobal.InitialData!.Length / layouts.Map(element).Size),
                    b.FieldAddr(span, layouts.InstanceField(spanType, spanDef.Fields.Single(f => f.Name == "_length"))));
                Push(b.Load(layouts.Map(spanType), span));
                return true;
            }
            case "System.Runtime.CompilerServices.RuntimeHelpers" when def.Name == "InitializeArray":
            {
                var data = Pop();
                var array = Pop();
                var dataGlobal = (data as Instruction)?.Global ?? throw Unsupported("InitializeArray with a field handle not from ldtoken");
                b.Emit(Opcode.NullCheck, IrType.Void, array);
                Value first;
                if (array is Instruction { Opcode: Opcode.NewArray, Class.Rank: > 0 } multi)
                {
                    // A multi-dimensional array's elements start after its lengths.
                    first = b.Emit(Opcode.PtrAdd, IrType.Ptr, b.Emit(Opcode.Reinterpret, IrType.Ptr, array), b.ConstInt(IrType.I64, multi.Class!.InstanceSize));
                }
                else
                {
                    var element = b.Emit(Opcode.ElementAddr, IrType.Ptr, array, b.ConstInt(IrType.I32, 0));
                    element.TypeOperand = IrType.I8;
                    first = element;
                }
                b.Emit(Opcode.Copy, IrType.Void, first, data, b.ConstInt(IrType.I64, dataGlobal.InitialData!.Length));
                return true;
            }
        }
        return false;
    }

    /// <summary>Types whose Equals compares their bytes and nothing else (floats do not: NaN, -0.0).</summary>
    private static bool IsBitwiseEquatable(TypeReference type)
    {
        if (type is GenericParameter or TypeSpecification) return false;
        var def = TypeLayouts.Resolve(type);
        if (def.IsEnum) return true;
        return def.FullName is "System.Boolean" or "System.Char" or "System.SByte" or "System.Byte" or "System.Int16" or "System.UInt16"
            or "System.Int32" or "System.UInt32" or "System.Int64" or "System.UInt64" or "System.IntPtr" or "System.UIntPtr";
    }

    private static bool HoldsReferences(IrType type) =>
        type == IrType.Obj || type is StructType st && st.Fields.Any(f => HoldsReferences(f.Type));

    private void PushIntrinsic(IntrinsicKind kind, MethodDefinition def, TypeReference declaringType)
    {
        var parameterTypes = def.Parameters.Select(p => layouts.Map(GenericContext.For(declaringType).Substitute(p.ParameterType))).ToList();
        var args = PopArguments(parameterTypes.Count).Select((a, k) => Coerce(a, parameterTypes[k])).ToArray();
        var result = b.Intrinsic(kind, layouts.Map(def.ReturnType), args);
        if (result.HasResult) Push(Widen(result, def.ReturnType));
    }

    /// <summary>System.Runtime.CompilerServices.Unsafe: pointer arithmetic and reinterpretation, all free at run time.</summary>
    private void ImportUnsafe(MethodDefinition def, TypeReference[] typeArguments)
    {
        int ElementSize() => SizeOf(typeArguments[0]);
        switch (def.Name)
        {
            case "Add" or "Subtract":
            {
                var offset = PopNumeric();
                var address = PopAddress();
                var bytes = b.Binary(Opcode.Mul, Coerce(offset, IrType.I64), b.ConstInt(IrType.I64, ElementSize()));
                if (def.Name == "Subtract") bytes = b.Emit(Opcode.Neg, IrType.I64, bytes);
                Push(b.Emit(Opcode.PtrAdd, IrType.Ptr, address, bytes));
                return;
            }
            case "AddByteOffset":
            {
                var offset = PopNumeric();
                Push(b.Emit(Opcode.PtrAdd, IrType.Ptr, PopAddress(), Coerce(offset, IrType.I64)));
                return;
            }
            case "ByteOffset":
            {
                var target = Coerce(Pop(), IrType.I64);
                var origin = Coerce(Pop(), IrType.I64);
                Push(b.Binary(Opcode.Sub, target, origin));
                return;
            }
            case "AsPointer" or "AsRef" or "As" when def.Parameters.Count == 1:
            {
                var v = Pop();
                Push(v.Type == IrType.Obj ? v : Coerce(v, IrType.Ptr));
                return;
            }
            case "SizeOf":
                Push(b.ConstInt(IrType.I32, ElementSize()));
                return;
            case "AreSame":
            {
                var y = PopAddress();
                var x = PopAddress();
                Push(BoolToInt(b.Compare(Predicate.Eq, x, y)));
                return;
            }
            case "IsNullRef":
                Push(BoolToInt(b.Compare(Predicate.Eq, PopAddress(), b.Null(IrType.Ptr))));
                return;
            case "NullRef":
                Push(b.Null(IrType.Ptr));
                return;
            case "Read" or "ReadUnaligned":
                Push(Widen(b.Load(layouts.Map(typeArguments[0]), PopAddress()), typeArguments[0]));
                return;
            case "Write" or "WriteUnaligned":
            {
                var v = Pop();
                b.Store(Coerce(v, layouts.Map(typeArguments[0])), PopAddress());
                return;
            }
        }
        throw Unsupported($"Unsafe.{def.Name} with {def.Parameters.Count} parameters is not a supported intrinsic");
    }
}
