using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>Virtual and interface dispatch, boxing, type tests and casts, and function pointers.</summary>
internal sealed partial class ILImporter
{
    /// <summary>
    /// A call through the receiver's vtable (class methods) or interface map (interface methods). The
    /// arguments are coerced to the slot's declared signature, which every implementation shares.
    /// </summary>
    private void EmitVirtualCall(TypeReference declaringType, MethodDefinition def, TypeReference[] methodArguments, List<Value> args)
    {
        if (def.HasGenericParameters)
        {
            var dispatcher = compilation.GenericVirtuals.DispatcherFor(declaringType, def, methodArguments);
            var dispatched = b.Call(dispatcher, args.Select((a, k) => Coerce(a, dispatcher.ParameterTypes[k])));
            if (dispatched.HasResult) Push(Widen(dispatched, new MethodInstance(def, declaringType, methodArguments).ReturnType));
            return;
        }
        var slotMethod = new MethodInstance(def, declaringType, methodArguments);
        var parameterTypes = slotMethod.ParameterTypes.Select(layouts.Map).Prepend(IrType.Obj).ToList();
        var operands = args.Select((a, k) => Coerce(a, parameterTypes[k])).ToArray();
        var returnType = layouts.Map(slotMethod.ReturnType);
        Instruction call;
        if (def.DeclaringType.IsInterface)
        {
            int slot = VirtualTables.InterfaceSlots(declaringType).IndexOf(def);
            call = b.WithClass(Opcode.CallInterface, returnType, layouts.Class(declaringType), operands);
            call.IntValue = slot;
        }
        else
        {
            int slot = compilation.Tables.SlotIndex(declaringType, def);
            if (slot < 0) throw Unsupported($"no virtual slot for {def.FullName} in {declaringType.FullName}");
            call = b.WithClass(Opcode.CallVirtual, returnType, layouts.Class(declaringType), operands);
            call.IntValue = slot;
        }
        if (call.HasResult) Push(Widen(call, slotMethod.ReturnType));
    }

    /// <summary>A fresh box holding <paramref name="value"/>; <c>Nullable&lt;T&gt;</c> boxes its value or null, as .NET does.</summary>
    private Value Box(TypeReference type, Value value)
    {
        var def = TypeLayouts.Resolve(type);
        if (!def.IsValueType) return value;
        if (def.FullName == "System.Nullable`1")
            return BoxNullable((GenericInstanceType)type, value);
        var info = compilation.Instantiate(type);
        var box = b.WithClass(Opcode.NewObject, IrType.Obj, info);
        b.Store(Coerce(value, info.Fields[0].Type), b.FieldAddr(box, info.Fields[0]));
        return box;
    }

    private void ImportBox(TypeReference type) => Push(Box(type, Pop()));

    /// <summary>A Nullable&lt;T&gt; boxes to its value as a boxed T, or to null when it has none.</summary>
    private Value BoxNullable(GenericInstanceType nullableType, Value nullable)
    {
        var (hasValueField, valueField) = NullableFields(nullableType);
        var slot = b.Alloca(layouts.Map(nullableType));
        b.Store(Coerce(nullable, layouts.Map(nullableType)), slot);
        var hasValue = b.Load(IrType.I8, b.FieldAddr(slot, hasValueField));
        var boxBlock = function.AddBlock();
        var join = function.AddBlock();
        var result = join.AddParameter(IrType.Obj);
        b.CondBr(b.Compare(Predicate.Ne, hasValue, b.ConstInt(IrType.I8, 0)), new BlockTarget(boxBlock), new BlockTarget(join, new Value[] { b.Null(IrType.Obj) }));
        b.Block = boxBlock;
        var boxed = Box(nullableType.GenericArguments[0], b.Load(valueField.Type, b.FieldAddr(slot, valueField)));
        b.Br(join, new[] { boxed });
        b.Block = join;
        return result;
    }

    /// <summary>unbox.any to Nullable&lt;T&gt;: null gives one without a value, a boxed T one with it.</summary>
    private Value UnboxNullable(GenericInstanceType nullableType, Value obj)
    {
        var (hasValueField, valueField) = NullableFields(nullableType);
        var slot = b.Alloca(layouts.Map(nullableType));
        b.StoreZero(layouts.Map(nullableType), slot);
        var unboxBlock = function.AddBlock();
        var join = function.AddBlock();
        b.CondBr(b.Compare(Predicate.Eq, obj, b.Null(IrType.Obj)), new BlockTarget(join), new BlockTarget(unboxBlock));
        b.Block = unboxBlock;
        var inner = nullableType.GenericArguments[0];
        b.Store(b.Load(valueField.Type, UnboxAddress(inner, obj)), b.FieldAddr(slot, valueField));
        b.Store(b.ConstInt(IrType.I8, 1), b.FieldAddr(slot, hasValueField));
        b.Br(join);
        b.Block = join;
        return b.Load(layouts.Map(nullableType), slot);
    }

    private (FieldInfo HasValue, FieldInfo Value) NullableFields(GenericInstanceType nullableType)
    {
        var def = TypeLayouts.Resolve(nullableType);
        return (layouts.InstanceField(nullableType, def.Fields.Single(f => f.Name == "hasValue")),
                layouts.InstanceField(nullableType, def.Fields.Single(f => f.Name == "value")));
    }

    /// <summary>IL unbox: the address of the value in a box of exactly this value type.</summary>
    private Value UnboxAddress(TypeReference type, Value obj)
    {
        var info = layouts.Class(type);
        return b.WithClass(Opcode.Unbox, IrType.Ptr, info, Coerce(obj, IrType.Obj));
    }

    private void ImportUnbox(TypeReference type) => Push(UnboxAddress(type, Pop()));

    /// <summary>unbox.any: a copy of the boxed value, or a cast for reference types.</summary>
    private void ImportUnboxAny(TypeReference type)
    {
        var obj = Pop();
        if (!TypeLayouts.Resolve(type).IsValueType)
        {
            Push(TypeTest(Opcode.CastClass, type, obj));
            return;
        }
        if (type is GenericInstanceType { ElementType.FullName: "System.Nullable`1" } nullable)
        {
            Push(UnboxNullable(nullable, Coerce(obj, IrType.Obj)));
            return;
        }
        Push(Widen(b.Load(layouts.Map(type), UnboxAddress(type, obj)), type));
    }

    private Value TypeTest(Opcode op, TypeReference type, Value obj)
    {
        // isinst Nullable<T> tests for a boxed T (a Nullable never exists boxed).
        if (type is GenericInstanceType { ElementType.FullName: "System.Nullable`1" } nullable) type = nullable.GenericArguments[0];
        var info = type is ArrayType array ? layouts.ArrayClass(array) : layouts.Class(type);
        return b.WithClass(op, IrType.Obj, info, Coerce(obj, IrType.Obj));
    }

    private void ImportLoadFunction(MethodReference reference)
    {
        var (declaringType, def, methodArguments) = ResolveMethod(reference);
        var address = b.Emit(Opcode.FunctionAddress, IrType.Ptr);
        var method = new MethodInstance(def, declaringType, methodArguments);
        var function = compilation.GetFunction(method);
        // An instance method of a struct reached through ldftn is bound to a delegate whose target is the
        // boxed value: the code must take the box and find the value inside it.
        address.Callee = method.HasValueTypeThis ? compilation.UnboxingStub(function) : function;
        Push(address);
    }

    /// <summary>ldvirtftn: the function a virtual call of the method on this object would reach.</summary>
    private void ImportLoadVirtualFunction(MethodReference reference)
    {
        var (declaringType, def, methodArguments) = ResolveMethod(reference);
        var obj = Coerce(Pop(), IrType.Obj);
        b.Emit(Opcode.NullCheck, IrType.Void, obj);
        if (!NeedsDispatch(declaringType, def))
        {
            var direct = b.Emit(Opcode.FunctionAddress, IrType.Ptr);
            direct.Callee = compilation.GetFunction(new MethodInstance(def, declaringType, methodArguments));
            Push(direct);
            return;
        }
        if (def.HasGenericParameters)
        {
            var dispatch = b.Emit(Opcode.FunctionAddress, IrType.Ptr);
            dispatch.Callee = compilation.GenericVirtuals.DispatcherFor(declaringType, def, methodArguments);
            Push(dispatch);
            return;
        }
        int slot = def.DeclaringType.IsInterface
            ? VirtualTables.InterfaceSlots(declaringType).IndexOf(def)
            : compilation.Tables.SlotIndex(declaringType, def);
        var address = b.WithClass(Opcode.VirtualFunctionAddress, IrType.Ptr, layouts.Class(declaringType), obj);
        address.IntValue = slot;
        Push(address);
    }

    private void ImportCalli(CallSite site)
    {
        if (site.CallingConvention is not (MethodCallingConvention.Default or MethodCallingConvention.C or MethodCallingConvention.StdCall))
            throw Unsupported($"calli with calling convention {site.CallingConvention}");
        var target = Coerce(Pop(), IrType.Ptr);
        var parameterTypes = site.Parameters.Select(p => context.Substitute(p.ParameterType)).ToList();
        var args = PopArguments(parameterTypes.Count + (site.HasThis ? 1 : 0));
        var irTypes = parameterTypes.Select(layouts.Map).ToList();
        if (site.HasThis) irTypes.Insert(0, IrType.Obj);
        var operands = args.Select((a, k) => Coerce(a, irTypes[k])).Prepend(target).ToArray();
        var returnType = context.Substitute(site.ReturnType);
        var call = b.Emit(Opcode.CallIndirect, layouts.Map(returnType), operands);
        if (call.HasResult) Push(Widen(call, returnType));
    }
}
