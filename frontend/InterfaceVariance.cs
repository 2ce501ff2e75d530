using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// Variance of generic interfaces (ECMA-335 §II.9.5): a class implementing <c>IEnumerable&lt;Apple&gt;</c>
/// is also an <c>IEnumerable&lt;Fruit&gt;</c> (<c>out T</c>), one implementing
/// <c>IComparer&lt;Fruit&gt;</c> also an <c>IComparer&lt;Apple&gt;</c> (<c>in T</c>), for reference type
/// arguments. The whole program is known, so instead of a variance check at every dispatch, each
/// instantiated class gets an interface-map entry for every variant-compatible interface the program
/// uses, sharing the implementation's code (the two differ only in reference types, which have one
/// representation). Runs in the completion rounds: both sets grow while importing.
/// </summary>
internal sealed class InterfaceVariance
{
    private readonly Compilation compilation;

    public InterfaceVariance(Compilation compilation) { this.compilation = compilation; }

    public bool CompleteRound(IReadOnlyDictionary<ClassInfo, TypeReference> instantiated)
    {
        bool added = false;
        var layouts = compilation.Layouts;
        var variantInterfaces = layouts.KnownInterfaces
            .Where(x => x.Type is GenericInstanceType g && g.ElementType.Resolve()?.GenericParameters.Any(p => p.IsCovariant || p.IsContravariant) == true)
            .ToList();
        if (variantInterfaces.Count == 0) return false;
        foreach (var info in instantiated.Keys.ToList())
        {
            foreach (var (target, targetType) in variantInterfaces)
            {
                if (info.Interfaces.Any(i => i.Interface == target)) continue;
                var source = info.Interfaces.FirstOrDefault(i => layouts.TypeOf(i.Interface) is GenericInstanceType s && Convertible(s, (GenericInstanceType)targetType));
                if (source is null) continue;
                var entry = new Testbed.IR.InterfaceImplementation(target);
                entry.Methods.AddRange(source.Methods);
                info.Interfaces.Add(entry);
                added = true;
            }
        }
        return added;
    }

    /// <summary>Whether an object implementing <paramref name="source"/> may be used as <paramref name="target"/>.</summary>
    private bool Convertible(GenericInstanceType source, GenericInstanceType target)
    {
        if (TypeLayouts.NameOf(source.ElementType) != TypeLayouts.NameOf(target.ElementType)) return false;
        var parameters = TypeLayouts.Resolve(target.ElementType).GenericParameters;
        for (int k = 0; k < parameters.Count; k++)
        {
            var from = source.GenericArguments[k];
            var to = target.GenericArguments[k];
            if (TypeLayouts.NameOf(from) == TypeLayouts.NameOf(to)) continue;
            bool ok = parameters[k].IsCovariant ? Assignable(from, to)
                : parameters[k].IsContravariant && Assignable(to, from);
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>Reference conversion from <paramref name="from"/> to <paramref name="to"/> (both reference types).</summary>
    private bool Assignable(TypeReference from, TypeReference to)
    {
        if (from is ArrayType || to is ArrayType) return false;
        var fromDef = TypeLayouts.Resolve(from);
        var toDef = TypeLayouts.Resolve(to);
        if (fromDef.IsValueType || toDef.IsValueType) return false;
        if (toDef.FullName == "System.Object") return true;
        var toName = TypeLayouts.NameOf(to);
        if (toDef.IsInterface)
            return compilation.Tables.InterfacesOf(from).Any(i => TypeLayouts.NameOf(i) == toName);
        for (TypeReference? t = from; t is not null; t = TypeLayouts.BaseOf(t))
            if (TypeLayouts.NameOf(t) == toName) return true;
        return false;
    }
}
