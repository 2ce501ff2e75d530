using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>Fields, arrays, indirections, value-type copies and stack allocation.</summary>
internal sealed partial class ILImporter
{
    private Value PopAddress() => Coerce(Pop(), IrType.Ptr);

    private Value LoadIndirect(IrType type, bool signed)
    {
        var address = PopAddress();
        var v = b.Load(type, address);
        if (type == IrType.I8 || type == IrType.I16) return b.Convert(signed ? Opcode.SExt : Opcode.ZExt, v, IrType.I32);
        return v;
    }

    private void StoreIndirect(IrType type)
    {
        var v = Pop();
        var address = PopAddress();
        b.Store(Coerce(v, type), address);
    }

    private void ImportLoadObject(TypeReference type)
    {
        var address = PopAddress();
        Push(Widen(b.Load(layouts.Map(type), address), type));
    }

    private void ImportStoreObject(TypeReference type)
    {
        var v = Pop();
        var address = PopAddress();
        b.Store(Coerce(v, layouts.Map(type)), address);
    }

    private void ImportCopyObject(TypeReference type)
    {
        var src = PopAddress();
        var dst = PopAddress();
        b.Store(b.Load(layouts.Map(type), src), dst);
    }

    private void ImportInitObject(TypeReference type) => b.StoreZero(layouts.Map(type), PopAddress());

    private int SizeOf(TypeReference type) => layouts.Map(type).Size;

    private void ImportLocalloc()
    {
        var size = ZeroExtendToI64(PopNumeric());
        var buffer = b.Emit(Opcode.StackAlloc, IrType.Ptr, size);
        if (body.InitLocals) b.Emit(Opcode.Fill, IrType.Void, buffer, b.ConstInt(IrType.I8, 0), size);
        // CoreCLR's localloc of zero bytes gives null (code may test the pointer); LLVM's alloca of
        // zero bytes gives an address like any other.
        var empty = b.Compare(Predicate.Eq, size, b.ConstInt(IrType.I64, 0));
        Push(b.Emit(Opcode.Select, IrType.Ptr, empty, b.Null(IrType.Ptr), buffer));
    }

    // ---- fields ----

    private (TypeReference DeclaringType, FieldDefinition Definition, TypeReference FieldType) ResolveField(FieldReference field)
    {
        var declaringType = context.Substitute(field.DeclaringType);
        var def = field.Resolve() ?? throw Unsupported(field.DeclaringType.Resolve() is null
            ? TypeLayouts.Unresolvable(field.DeclaringType) : $"cannot resolve field {field.FullName}");
        return (declaringType, def, GenericContext.For(declaringType).Substitute(def.FieldType));
    }

    /// <summary>The address of an instance field of the object, pointer or struct value on the stack.</summary>
    private (Value Address, TypeReference FieldType) InstanceFieldAddress(FieldReference field, Value instance)
    {
        var (declaringType, def, fieldType) = ResolveField(field);
        if (def.IsStatic) return StaticFieldAddress(field);
        if (layouts.Map(declaringType) is PrimitiveType primitive && def.DeclaringType.IsValueType)
        {
            // A primitive struct (IntPtr, Int32, ...) is its one field: the field's address is the struct's.
            if (instance.Type == IrType.Ptr) return (instance, fieldType);
            var home = b.Alloca(primitive);
            b.Store(Coerce(instance, primitive), home);
            return (home, fieldType);
        }
        var info = layouts.InstanceField(declaringType, def);
        Value baseAddress;
        if (instance.Type is StructType)
        {
            // ldfld on a value (not its address): give the value a home first; SROA removes it.
            baseAddress = b.Alloca(instance.Type);
            b.Store(instance, baseAddress);
        }
        else if (instance.Type == IrType.Obj)
        {
            b.Emit(Opcode.NullCheck, IrType.Void, instance);
            baseAddress = instance;
        }
        else
        {
            baseAddress = Coerce(instance, IrType.Ptr);
        }
        return (b.FieldAddr(baseAddress, info), fieldType);
    }

    private void ImportLoadField(FieldReference field)
    {
        var (address, type) = InstanceFieldAddress(field, Pop());
        Push(Widen(b.Load(layouts.Map(type), address), type));
    }

    private void ImportFieldAddress(FieldReference field) => Push(InstanceFieldAddress(field, Pop()).Address);

    private void ImportStoreField(FieldReference field)
    {
        var v = Pop();
        var (address, type) = InstanceFieldAddress(field, Pop());
        b.Store(Coerce(v, layouts.Map(type)), address);
    }

    private (Value Address, TypeReference FieldType) StaticFieldAddress(FieldReference field)
    {
        var (declaringType, def, fieldType) = ResolveField(field);
        if (!def.IsStatic) throw Unsupported($"static access to instance field {field.FullName}");
        if (Compilation.HasStaticConstructor(def.DeclaringType) && !IsStaticConstructorOf(def.DeclaringType))
            b.WithClass(Opcode.InitClass, IrType.Void, compilation.ClassWithInitializer(declaringType));
        return (b.GlobalAddr(layouts.StaticField(declaringType, def)), fieldType);
    }

    private bool IsStaticConstructorOf(TypeDefinition type) =>
        method.Definition.IsConstructor && method.Definition.IsStatic && method.Definition.DeclaringType == type;

    // ---- arrays ----

    private ClassInfo ArrayClassOf(TypeReference elementType) => compilation.Instantiate(new ArrayType(elementType));

    private void ImportNewArray(TypeReference elementType)
    {
        var count = PopNumeric();
        if (count.Type != IrType.I32) count = Coerce(count, IrType.I64);
        Push(b.WithClass(Opcode.NewArray, IrType.Obj, ArrayClassOf(elementType), count));
    }

    private void ImportArrayLength()
    {
        var array = Pop();
        b.Emit(Opcode.NullCheck, IrType.Void, array);
        // ldlen yields a native unsigned int.
        Push(b.Convert(Opcode.ZExt, b.Emit(Opcode.ArrayLength, IrType.I32, array), IrType.I64));
    }

    /// <summary>Null check, bounds check, then the element's address: each an instruction of its own so passes can drop them.</summary>
    private Value CheckedElementAddress(TypeReference elementType)
    {
        var index = PopNumeric();
        var array = Pop();
        if (array.Type != IrType.Obj) throw Unsupported($"array access on a {array.Type} value");
        b.Emit(Opcode.NullCheck, IrType.Void, array);
        b.Emit(Opcode.BoundsCheck, IrType.Void, array, index);
        var address = b.Emit(Opcode.ElementAddr, IrType.Ptr, array, index);
        address.TypeOperand = layouts.Map(elementType);
        return address;
    }

    private void ImportElementAddress(TypeReference elementType) => Push(CheckedElementAddress(elementType));

    private void ImportLoadElement(TypeReference elementType)
    {
        var address = CheckedElementAddress(elementType);
        Push(Widen(b.Load(layouts.Map(elementType), address), elementType));
    }

    private void ImportStoreElement(TypeReference elementType)
    {
        var v = Pop();
        var address = CheckedElementAddress(elementType);
        b.Store(Coerce(v, layouts.Map(elementType)), address);
    }

    /// <summary>
    /// Only field tokens are supported: they name the data of an array initialiser, and the
    /// importer represents such a handle by the address of that data.
    /// </summary>
    private void ImportLoadToken(object operand)
    {
        if (operand is TypeReference type)
        {
            // An open generic type (typeof(List<>)) names its own parameters, which no context binds.
            if (type is not GenericInstanceType && (type.HasGenericParameters || type.Resolve()?.HasGenericParameters == true))
                throw Unsupported($"typeof of the open generic type {type.FullName}");
            ImportLoadTypeToken(context.Substitute(type));
            return;
        }
        if (operand is not FieldReference field) throw Unsupported($"ldtoken of {operand} (only type tokens, and field tokens for array initialisers, are supported)");
        var (declaringType, def, _) = ResolveField(field);
        if (!def.HasFieldRVA) throw Unsupported($"ldtoken of field {field.FullName}, which has no initial data");
        Push(b.GlobalAddr(layouts.StaticField(declaringType, def)));
    }

    /// <summary>
    /// ldtoken of a type: a RuntimeTypeHandle holding the type's descriptor, which
    /// <c>Type.GetTypeFromHandle</c> turns into the type's one Type object (what <c>typeof</c> is).
    /// </summary>
    private void ImportLoadTypeToken(TypeReference type)
    {
        if (type.ContainsGenericParameter || (type is not GenericInstanceType && type.HasGenericParameters))
            throw Unsupported($"typeof of the open generic type {type.FullName}");
        if (type is PointerType or ByReferenceType or FunctionPointerType || type.FullName == "System.Void")
            throw Unsupported($"typeof of {type.FullName}, which has no type descriptor");
        var cls = type is ArrayType array ? layouts.ArrayClass(array) : layouts.Class(type);
        var handleType = layouts.CoreType("System.RuntimeTypeHandle");
        var handle = Slot(layouts.Map(handleType));
        var value = layouts.InstanceField(handleType, handleType.Fields.Single(f => !f.IsStatic));
        b.Store(b.WithClass(Opcode.TypeDescriptor, IrType.Ptr, cls), b.FieldAddr(handle, value));
        Push(b.Load(layouts.Map(handleType), handle));
    }
}
