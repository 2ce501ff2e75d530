using System.Text;
using Mono.Cecil;

namespace Testbed.Frontend;

/// <summary>
/// One concrete method of the monomorphised program: a definition, the (substituted) type that
/// declares it and the method's own type arguments.
/// </summary>
public sealed class MethodInstance
{
    public MethodInstance(MethodDefinition definition, TypeReference declaringType, IList<TypeReference>? methodArguments = null)
    {
        Definition = definition;
        DeclaringType = declaringType;
        MethodArguments = methodArguments?.ToArray() ?? Array.Empty<TypeReference>();
        Context = GenericContext.For(declaringType, MethodArguments);
        Name = BuildName();
    }

    public MethodDefinition Definition { get; }
    public TypeReference DeclaringType { get; }
    public TypeReference[] MethodArguments { get; }
    public GenericContext Context { get; }
    /// <summary>Unique and readable: <c>System.Console::WriteLine(System.Int32)</c>.</summary>
    public string Name { get; }

    public TypeReference ReturnType => Context.Substitute(Definition.ReturnType);
    public IEnumerable<TypeReference> ParameterTypes => Definition.Parameters.Select(p => Context.Substitute(p.ParameterType));

    /// <summary>The managed `this` of a value type's method is a pointer to the value.</summary>
    public bool HasValueTypeThis => Definition.HasThis && TypeLayouts.Resolve(DeclaringType).IsValueType;

    /// <summary>"Assembly: Type::Method", as diagnostics name methods.</summary>
    public string Location => $"{Definition.Module.Assembly.Name.Name}: {DeclaringType.FullName}::{Definition.Name}";

    private string BuildName()
    {
        var sb = new StringBuilder();
        sb.Append(DeclaringType.FullName).Append("::").Append(Definition.Name);
        if (MethodArguments.Length > 0)
            sb.Append('<').Append(string.Join(",", MethodArguments.Select(a => a.FullName))).Append('>');
        sb.Append('(').Append(string.Join(",", ParameterTypes.Select(p => p.FullName))).Append(')');
        // Conversion operators differ only by return type.
        if (Definition.Name is "op_Implicit" or "op_Explicit") sb.Append(ReturnType.FullName);
        return sb.ToString();
    }

    public override string ToString() => Name;
}
