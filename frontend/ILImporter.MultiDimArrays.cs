using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// Multi-dimensional arrays (<c>T[,]</c>): the runtime implements their constructor and their Get,
/// Set and Address methods (ECMA-335 §II.14.2), so the importer expands them. Layout: the header,
/// the total element count at offset 8 (as for every array, so that the collector and
/// <c>Length</c> need not care), each dimension's length from offset 16, then the elements, row-major,
/// from the class's instance size. Lower bounds are always zero (C# cannot create others).
/// </summary>
internal sealed partial class ILImporter
{
    private const int DimensionLengthsOffset = 16;

    private static bool IsMultiDimensional(TypeReference type) => type is ArrayType { IsVector: false };

    private void ImportMultiDimensionalNew(ArrayType type, MethodReference constructor)
    {
        if (constructor.Parameters.Count != type.Rank)
            throw Unsupported($"a {type.FullName} constructor with lower bounds (C# does not create such arrays)");
        var lengths = PopArguments(type.Rank).Select(v => Coerce(v, IrType.I32)).ToList();
        var info = compilation.Instantiate(type);
        Value total = b.ConstInt(IrType.I32, 1);
        foreach (var length in lengths)
        {
            // A negative length is an OverflowException, as CoreCLR throws it.
            b.Emit(Opcode.OverflowCheck, IrType.Void, b.Compare(Predicate.SLt, length, b.ConstInt(IrType.I32, 0)));
            total = b.Binary(Opcode.MulOvf, total, length);
        }
        var array = b.WithClass(Opcode.NewArray, IrType.Obj, info, total);
        var raw = b.Emit(Opcode.Reinterpret, IrType.Ptr, array);
        for (int k = 0; k < lengths.Count; k++)
            b.Store(lengths[k], b.Emit(Opcode.PtrAdd, IrType.Ptr, raw, b.ConstInt(IrType.I64, DimensionLengthsOffset + 4 * k)));
        Push(array);
    }

    private void ImportMultiDimensionalAccess(ArrayType type, MethodReference method)
    {
        var elementType = type.ElementType;
        var elementIrType = layouts.Map(elementType);
        switch (method.Name)
        {
            case "Get":
            {
                var address = ElementAddress(type, PopArguments(type.Rank), Pop());
                Push(Widen(b.Load(elementIrType, address), elementType));
                return;
            }
            case "Set":
            {
                var value = Pop();
                var address = ElementAddress(type, PopArguments(type.Rank), Pop());
                b.Store(Coerce(value, elementIrType), address);
                return;
            }
            case "Address":
                Push(ElementAddress(type, PopArguments(type.Rank), Pop()));
                return;
        }
        throw Unsupported($"the array method {method.Name} of {type.FullName}");
    }

    /// <summary>
    /// Row-major address of an element. Every index is checked against its own dimension; one
    /// out of range turns the flat index into -1, which the array's bounds check then rejects
    /// (IndexOutOfRangeException), so the check stays one instruction that passes can reason about.
    /// </summary>
    private Value ElementAddress(ArrayType type, List<Value> indices, Value array)
    {
        var info = layouts.ArrayClass(type);
        array = Coerce(array, IrType.Obj);
        b.Emit(Opcode.NullCheck, IrType.Void, array);
        var raw = b.Emit(Opcode.Reinterpret, IrType.Ptr, array);
        Value flat = b.ConstInt(IrType.I32, 0);
        Value inRange = b.ConstInt(IrType.Bool, 1);
        for (int k = 0; k < indices.Count; k++)
        {
            var index = Coerce(indices[k], IrType.I32);
            var length = b.Load(IrType.I32, b.Emit(Opcode.PtrAdd, IrType.Ptr, raw, b.ConstInt(IrType.I64, DimensionLengthsOffset + 4 * k)));
            inRange = b.Binary(Opcode.And, inRange, b.Compare(Predicate.ULt, index, length));
            flat = b.Binary(Opcode.Add, b.Binary(Opcode.Mul, flat, length), index);
        }
        var checkedIndex = b.Emit(Opcode.Select, IrType.I32, inRange, flat, b.ConstInt(IrType.I32, -1));
        b.Emit(Opcode.BoundsCheck, IrType.Void, array, checkedIndex);
        var offset = b.Binary(Opcode.Add, b.ConstInt(IrType.I64, info.InstanceSize),
            b.Binary(Opcode.Mul, b.Convert(Opcode.SExt, checkedIndex, IrType.I64), b.ConstInt(IrType.I64, info.ComponentSize)));
        return b.Emit(Opcode.PtrAdd, IrType.Ptr, raw, offset);
    }
}
