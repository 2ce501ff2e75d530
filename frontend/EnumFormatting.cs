using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// <c>ToString</c> for enums, which .NET answers from metadata: the compiler knows each enum's
/// constants, so it writes the function instead. A plain enum compares the value with each constant
/// and returns its name (the first declared one when names share a value), else the number; a
/// [Flags] enum hands the sorted constants to <c>System.Enum.FormatFlags</c>.
/// </summary>
internal static class EnumFormatting
{
    public static Function ToStringOf(Compilation compilation, TypeReference enumType, ClassInfo boxed)
    {
        var def = TypeLayouts.Resolve(enumType);
        var underlying = def.Fields.First(f => !f.IsStatic).FieldType;
        bool unsigned = underlying.MetadataType is MetadataType.Byte or MetadataType.UInt16 or MetadataType.UInt32 or MetadataType.UInt64 or MetadataType.Char;
        var constants = def.Fields.Where(f => f.IsStatic && f.HasConstant)
            .Select(f => (f.Name, Value: ToInt64(f.Constant)))
            .GroupBy(c => c.Value).Select(g => g.First())
            .OrderBy(c => unsigned ? (decimal)(ulong)c.Value : c.Value).ToList();
        bool flags = def.CustomAttributes.Any(a => a.AttributeType.FullName == "System.FlagsAttribute");

        var function = new Function(TypeLayouts.NameOf(enumType) + "::ToString()$enum", IrType.Obj, new[] { IrType.Obj }, Layers.Of(def))
        {
            Source = $"{def.Module.Assembly.Name.Name}: {enumType.FullName}::ToString (synthesised)",
        };
        compilation.Module.Functions.Add(function);
        var entry = function.AddBlock();
        var self = entry.AddParameter(IrType.Obj);
        var b = new Builder(entry);
        var raw = b.Load(boxed.Fields[0].Type, b.FieldAddr(self, boxed.Fields[0]));
        Value value = raw.Type == IrType.I64 ? raw : b.Convert(unsigned ? Opcode.ZExt : Opcode.SExt, raw, IrType.I64);
        var isUnsigned = b.ConstInt(IrType.I8, unsigned ? 1 : 0);
        var enumHelpers = compilation.Layouts.CoreType("System.Enum");
        Function Helper(string name) => compilation.GetFunction(new MethodInstance(enumHelpers.Methods.Single(m => m.Name == name), enumHelpers));

        if (flags)
        {
            var longs = compilation.Instantiate(new ArrayType(compilation.Layouts.CoreType("System.Int64")));
            var strings = compilation.Instantiate(new ArrayType(compilation.Layouts.CoreType("System.String")));
            var values = b.WithClass(Opcode.NewArray, IrType.Obj, longs, b.ConstInt(IrType.I32, constants.Count));
            var names = b.WithClass(Opcode.NewArray, IrType.Obj, strings, b.ConstInt(IrType.I32, constants.Count));
            for (int k = 0; k < constants.Count; k++)
            {
                var index = b.ConstInt(IrType.I32, k);
                var slot = b.Emit(Opcode.ElementAddr, IrType.Ptr, values, index);
                slot.TypeOperand = IrType.I64;
                b.Store(b.ConstInt(IrType.I64, constants[k].Value), slot);
                var nameSlot = b.Emit(Opcode.ElementAddr, IrType.Ptr, names, index);
                nameSlot.TypeOperand = IrType.Obj;
                b.Store(b.StringLiteral(constants[k].Name), nameSlot);
            }
            b.Ret(b.Call(Helper("FormatFlags"), new Value[] { value, isUnsigned, values, names }));
            return function;
        }

        foreach (var (name, constant) in constants)
        {
            var found = function.AddBlock();
            var next = function.AddBlock();
            b.CondBr(b.Compare(Predicate.Eq, value, b.ConstInt(IrType.I64, constant)), new BlockTarget(found), new BlockTarget(next));
            new Builder(found).Ret(new Builder(found).StringLiteral(name));
            b = new Builder(next);
        }
        b.Ret(b.Call(Helper("FormatNumber"), new Value[] { value, isUnsigned }));
        return function;
    }

    private static long ToInt64(object constant) => constant switch
    {
        ulong u => unchecked((long)u),
        char c => c,
        _ => Convert.ToInt64(constant),
    };
}
