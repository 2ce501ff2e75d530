using Mono.Cecil;

namespace Testbed.Frontend;

/// <summary>
/// The type arguments in force while a method body is imported. The whole program is monomorphised:
/// every generic parameter is replaced by a concrete type before the IR sees it.
/// </summary>
public sealed class GenericContext
{
    public static readonly GenericContext Empty = new(Array.Empty<TypeReference>(), Array.Empty<TypeReference>());

    public GenericContext(IList<TypeReference> typeArguments, IList<TypeReference> methodArguments)
    {
        TypeArguments = typeArguments;
        MethodArguments = methodArguments;
    }

    public IList<TypeReference> TypeArguments { get; }
    public IList<TypeReference> MethodArguments { get; }

    public static GenericContext For(TypeReference declaringType, IList<TypeReference>? methodArguments = null) =>
        new(declaringType is GenericInstanceType git ? git.GenericArguments : Array.Empty<TypeReference>(),
            methodArguments ?? Array.Empty<TypeReference>());

    /// <summary>Replaces generic parameters and strips custom modifiers and pinning.</summary>
    public TypeReference Substitute(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter gp:
                var args = gp.Type == GenericParameterType.Type ? TypeArguments : MethodArguments;
                if (gp.Position >= args.Count)
                    throw new InvalidOperationException($"generic parameter {gp.Name} has no argument in this context");
                return args[gp.Position];
            case GenericInstanceType git:
            {
                var result = new GenericInstanceType(git.ElementType);
                foreach (var a in git.GenericArguments) result.GenericArguments.Add(Substitute(a));
                return result;
            }
            case ByReferenceType br: return new ByReferenceType(Substitute(br.ElementType));
            case PointerType pt: return new PointerType(Substitute(pt.ElementType));
            case ArrayType at: return at.IsVector ? new ArrayType(Substitute(at.ElementType)) : new ArrayType(Substitute(at.ElementType), at.Rank);
            case PinnedType pin: return Substitute(pin.ElementType);
            case RequiredModifierType rm: return Substitute(rm.ElementType);
            case OptionalModifierType om: return Substitute(om.ElementType);
            default: return type;
        }
    }
}
