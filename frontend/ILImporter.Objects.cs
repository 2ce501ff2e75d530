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
            throw Unsupported($"virtual call of the generic method {def.DeclaringType.FullName}::{def.Name} (generic virtual methods are not supported yet)");
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
            throw Unsupported("boxing a Nullable<T> is not supported yet");
        var info = compilation.Instantiate(type);
        var box = b.WithClass(Opcode.NewObject, IrType.Obj, info);
        b.Store(Coerce(value, info.Fields[0].Type), b.FieldAddr(box, info.Fields[0]));
        return box;
    }

    private void ImportBox(TypeReference type) => Push(Box(type, Pop()));

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
        Push(Widen(b.Load(layouts.Map(type), UnboxAddress(type, obj)), type));
    }

    private Value TypeTest(Opcode op, TypeReference type, Value obj)
    {
        var info = type is ArrayType array ? layouts.ArrayClass(array) : layouts.Class(type);
        if (TypeLayouts.Resolve(type).FullName == "System.Nullable`1")
            throw Unsupported("type tests against Nullable<T> are not supported yet");
        return b.WithClass(op, IrType.Obj, info, Coerce(obj, IrType.Obj));
    }

    private void ImportLoadFunction(MethodReference reference)
    {
        var (declaringType, def, methodArguments) = ResolveMethod(reference);
        var address = b.Emit(Opcode.FunctionAddress, IrType.Ptr);
        address.Callee = compilation.GetFunction(new MethodInstance(def, declaringType, methodArguments));
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
            throw Unsupported($"ldvirtftn of the generic virtual method {def.FullName} is not supported yet");
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
