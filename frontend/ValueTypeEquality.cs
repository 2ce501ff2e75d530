using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// <c>Equals(object)</c> and <c>GetHashCode()</c> for structs that do not override them. .NET's
/// ValueType implements them with reflection over the fields; the compiler knows every field, so it
/// writes each boxed struct's pair: same type, then every field equal (integers and pointers by value,
/// floating point as Double.Equals does, references with object.Equals, nested structs field by
/// field); the hash combines the fields' hashes. (.NET's own hash differs, and is not promised.)
/// </summary>
internal static class ValueTypeEquality
{
    private static IEnumerable<(int Offset, IrType Type)> Leaves(IrType type, int offset)
    {
        if (type is StructType st)
        {
            foreach (var f in st.Fields)
                foreach (var leaf in Leaves(f.Type, offset + f.Offset)) yield return leaf;
        }
        else
        {
            yield return (offset, type);
        }
    }

    private static Function Helper(Compilation compilation, string name)
    {
        var helpers = compilation.Layouts.CoreType("System.Runtime.ValueTypeEquality");
        return compilation.GetFunction(new MethodInstance(helpers.Methods.Single(m => m.Name == name), helpers));
    }

    public static Function EqualsOf(Compilation compilation, TypeReference valueType, ClassInfo boxed)
    {
        var function = new Function(TypeLayouts.NameOf(valueType) + "::Equals(System.Object)$fields", IrType.I8, new[] { IrType.Obj, IrType.Obj }, boxed.Layer)
        {
            Source = $"{valueType.FullName}::Equals (synthesised)",
        };
        compilation.Module.Functions.Add(function);
        var entry = function.AddBlock();
        var self = entry.AddParameter(IrType.Obj);
        var other = entry.AddParameter(IrType.Obj);
        var no = function.AddBlock();
        new Builder(no).Ret(new Builder(no).ConstInt(IrType.I8, 0));

        var b = new Builder(entry);
        var sameType = function.AddBlock();
        b.CondBr(b.Compare(Predicate.Eq, other, b.Null(IrType.Obj)), new BlockTarget(no), new BlockTarget(sameType));
        b = new Builder(sameType);
        var selfRaw = b.Emit(Opcode.Reinterpret, IrType.Ptr, self);
        var otherRaw = b.Emit(Opcode.Reinterpret, IrType.Ptr, other);
        var fields = function.AddBlock();
        b.CondBr(b.Compare(Predicate.Eq, b.Load(IrType.Ptr, selfRaw), b.Load(IrType.Ptr, otherRaw)), new BlockTarget(fields), new BlockTarget(no));
        b = new Builder(fields);
        foreach (var (offset, type) in Leaves(boxed.Fields[0].Type, TypeLayouts.BoxedValueOffset))
        {
            var at = b.ConstInt(IrType.I64, offset);
            var x = b.Load(type, b.Emit(Opcode.PtrAdd, IrType.Ptr, selfRaw, at));
            var y = b.Load(type, b.Emit(Opcode.PtrAdd, IrType.Ptr, otherRaw, at));
            Value equal;
            if (type == IrType.Obj)
                equal = b.Compare(Predicate.Ne, b.Call(Helper(compilation, "ReferenceFieldsEqual"), new Value[] { x, y }), b.ConstInt(IrType.I8, 0));
            else if (type.IsFloat)
                equal = b.Compare(Predicate.Ne, b.Call(Helper(compilation, type == IrType.F64 ? "DoubleFieldsEqual" : "SingleFieldsEqual"), new Value[] { x, y }), b.ConstInt(IrType.I8, 0));
            else
                equal = b.Compare(Predicate.Eq, x, y);
            var next = function.AddBlock();
            b.CondBr(equal, new BlockTarget(next), new BlockTarget(no));
            b = new Builder(next);
        }
        b.Ret(b.ConstInt(IrType.I8, 1));
        return function;
    }

    public static Function GetHashCodeOf(Compilation compilation, TypeReference valueType, ClassInfo boxed)
    {
        var function = new Function(TypeLayouts.NameOf(valueType) + "::GetHashCode()$fields", IrType.I32, new[] { IrType.Obj }, boxed.Layer)
        {
            Source = $"{valueType.FullName}::GetHashCode (synthesised)",
        };
        compilation.Module.Functions.Add(function);
        var entry = function.AddBlock();
        var self = entry.AddParameter(IrType.Obj);
        var b = new Builder(entry);
        var raw = b.Emit(Opcode.Reinterpret, IrType.Ptr, self);
        Value hash = b.ConstInt(IrType.I32, 17);
        foreach (var (offset, type) in Leaves(boxed.Fields[0].Type, TypeLayouts.BoxedValueOffset))
        {
            var value = b.Load(type, b.Emit(Opcode.PtrAdd, IrType.Ptr, raw, b.ConstInt(IrType.I64, offset)));
            Value field = type == IrType.Obj ? b.Call(Helper(compilation, "ReferenceFieldHash"), new[] { value })
                : type == IrType.F64 ? b.Call(Helper(compilation, "DoubleFieldHash"), new[] { value })
                : type == IrType.F32 ? b.Call(Helper(compilation, "DoubleFieldHash"), new[] { b.Convert(Opcode.FPExt, value, IrType.F64) })
                : type == IrType.I64 || type == IrType.Ptr ? Fold64(b, type == IrType.Ptr ? b.Convert(Opcode.PtrToInt, value, IrType.I64) : value)
                : type == IrType.I32 ? value
                : b.Convert(Opcode.ZExt, value, IrType.I32);
            hash = b.Binary(Opcode.Add, b.Binary(Opcode.Mul, hash, b.ConstInt(IrType.I32, 31)), field);
        }
        b.Ret(hash);
        return function;
    }

    private static Value Fold64(Builder b, Value v) =>
        b.Binary(Opcode.Xor, b.Convert(Opcode.Trunc, v, IrType.I32), b.Convert(Opcode.Trunc, b.Binary(Opcode.LShr, v, b.ConstInt(IrType.I64, 32)), IrType.I32));
}
