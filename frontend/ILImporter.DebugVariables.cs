using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

// Debug info: which IR value holds each C# parameter and named local (Function.DebugVariables).
internal sealed partial class ILImporter
{
    private void DescribeVariables()
    {
        if (function.SourceMap is not { } map) return;
        for (int k = 0; k < argTypes.Length; k++)
            if (k < map.ParameterNames.Count && map.ParameterNames[k] is { } name)
                function.DebugVariables.Add(Describe(name, argSlots[k] ?? argValues[k], k + 1, argTypes[k]));
        for (int k = 0; k < localTypes.Length; k++)
            if (map.LocalNames.TryGetValue(k, out var name))
                function.DebugVariables.Add(Describe(name, localSlots[k], 0, localTypes[k]));
    }

    private DebugVariable Describe(string name, Value storage, int argument, TypeReference type)
    {
        var encoding = type.MetadataType switch
        {
            MetadataType.SByte or MetadataType.Int16 or MetadataType.Int32 or MetadataType.Int64 or MetadataType.IntPtr => VariableEncoding.Signed,
            MetadataType.Byte or MetadataType.UInt16 or MetadataType.UInt32 or MetadataType.UInt64 or MetadataType.UIntPtr => VariableEncoding.Unsigned,
            MetadataType.Single or MetadataType.Double => VariableEncoding.Float,
            MetadataType.Boolean => VariableEncoding.Boolean,
            MetadataType.Char => VariableEncoding.Char,
            MetadataType.Pointer or MetadataType.ByReference or MetadataType.FunctionPointer => VariableEncoding.Pointer,
            _ when type.IsValueType || type.IsGenericParameter && layouts.Map(type) is StructType => VariableEncoding.Aggregate,
            _ => layouts.Map(type) == IrType.Obj ? VariableEncoding.Reference : VariableEncoding.Aggregate,
        };
        return new DebugVariable(name, storage, argument, TypeLayouts.NameOf(type), encoding);
    }
}
