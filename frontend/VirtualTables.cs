using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// Virtual slots and interface maps, computed from metadata as ECMA-335 §II.10.3 describes: a class
/// inherits its base's slots, a virtual method without <c>newslot</c> takes over the slot of the
/// base method with the same name and parameters, <c>.override</c> takes over the slot it names.
/// Interface slots are the interface's instance methods in declaration order; a class maps each to
/// an explicit <c>.override</c>, else to the public virtual method with that name and parameters,
/// else to the interface's default implementation.
///
/// Only classes the program instantiates get their tables filled (<see cref="Instantiate"/>), and
/// only then are the implementations imported: the whole program is known, so a method that no
/// instantiated class can dispatch to is never compiled.
/// </summary>
internal sealed class VirtualTables
{
    /// <summary>A slot: the method that introduced it and the method that fills it in this class.</summary>
    public sealed record Slot(MethodDefinition Declaration, TypeReference DeclaringType, MethodDefinition Implementation, TypeReference ImplementationType);

    private readonly Compilation compilation;
    private readonly Dictionary<string, List<Slot>> slots = new();
    private readonly Dictionary<string, List<TypeReference>> interfaces = new();

    public VirtualTables(Compilation compilation) { this.compilation = compilation; }

    /// <summary>
    /// Generic virtual methods have no fixed slot (one per instantiation); they are left out of the
    /// tables and a virtual call of one is reported as unsupported.
    /// </summary>
    private static bool HasSlot(MethodDefinition m) => m.IsVirtual && !m.IsStatic && !m.HasGenericParameters;

    public IReadOnlyList<Slot> SlotsOf(TypeReference type)
    {
        var key = TypeLayouts.NameOf(type);
        if (slots.TryGetValue(key, out var known)) return known;
        var def = TypeLayouts.Resolve(type);
        var list = TypeLayouts.BaseOf(type) is { } baseType ? new List<Slot>(SlotsOf(baseType)) : new List<Slot>();
        foreach (var m in def.Methods.Where(HasSlot))
        {
            int index = -1;
            foreach (var overridden in m.Overrides)
            {
                var target = overridden.Resolve();
                if (target is null || target.DeclaringType.IsInterface) continue;
                index = list.FindIndex(s => s.Declaration == target);
            }
            if (index < 0 && !m.IsNewSlot)
            {
                var signature = Parameters(m, type);
                index = list.FindLastIndex(s => s.Declaration.Name == m.Name && Parameters(s.Declaration, s.DeclaringType) == signature);
            }
            if (index >= 0) list[index] = list[index] with { Implementation = m, ImplementationType = type };
            else list.Add(new Slot(m, type, m, type));
        }
        return slots[key] = list;
    }

    /// <summary>The slot a <c>callvirt</c> of <paramref name="method"/> declared on <paramref name="type"/> dispatches through.</summary>
    public int SlotIndex(TypeReference type, MethodDefinition method)
    {
        var list = SlotsOf(type);
        for (int k = 0; k < list.Count; k++)
            if (list[k].Declaration == method) return k;
        for (int k = 0; k < list.Count; k++)
            if (list[k].Implementation == method) return k;
        return -1;
    }

    /// <summary>An interface's slots: its instance methods, in declaration order.</summary>
    public static List<MethodDefinition> InterfaceSlots(TypeReference iface) =>
        TypeLayouts.Resolve(iface).Methods.Where(HasSlot).ToList();

    /// <summary>Every interface a type implements: declared, inherited from its bases and extended by other interfaces.</summary>
    public IReadOnlyList<TypeReference> InterfacesOf(TypeReference type)
    {
        var key = TypeLayouts.NameOf(type);
        if (interfaces.TryGetValue(key, out var known)) return known;
        var result = new List<TypeReference>();
        var seen = new HashSet<string>();
        // The type itself is not one of its interfaces; an interface met again adds nothing new.
        void Add(TypeReference t, bool isRoot)
        {
            var def = TypeLayouts.Resolve(t);
            if (!isRoot && def.IsInterface)
            {
                if (!seen.Add(TypeLayouts.NameOf(t))) return;
                result.Add(t);
            }
            var context = GenericContext.For(t);
            foreach (var i in def.Interfaces) Add(context.Substitute(i.InterfaceType), isRoot: false);
            if (TypeLayouts.BaseOf(t) is { } baseType) Add(baseType, isRoot: false);
        }
        Add(type, isRoot: true);
        return interfaces[key] = result;
    }

    /// <summary>The method of class <paramref name="type"/> behind slot <paramref name="method"/> of <paramref name="iface"/>, or null.</summary>
    public (MethodDefinition Method, TypeReference Type)? InterfaceImplementation(TypeReference type, TypeReference iface, MethodDefinition method)
    {
        for (TypeReference? t = type; t is not null; t = TypeLayouts.BaseOf(t))
            if (ExplicitOverride(t, iface, method) is { } m)
                return (m, t);
        var signature = Parameters(method, iface);
        var slot = SlotsOf(type).LastOrDefault(s => s.Implementation.Name == method.Name && s.Implementation.IsPublic
            && Parameters(s.Implementation, s.ImplementationType) == signature);
        if (slot is not null) return (slot.Implementation, slot.ImplementationType);
        // A derived interface may override the default body (`string IBase.Prefix => ...`).
        foreach (var derived in InterfacesOf(type))
            if (ExplicitOverride(derived, iface, method) is { HasBody: true } m)
                return (m, derived);
        if (method.HasBody) return (method, iface);
        return null;
    }

    /// <summary>The method of <paramref name="owner"/> that names <paramref name="method"/> of <paramref name="declaringType"/> in an <c>.override</c>, if any.</summary>
    public static MethodDefinition? ExplicitOverride(TypeReference owner, TypeReference declaringType, MethodDefinition method)
    {
        var declaringName = TypeLayouts.NameOf(declaringType);
        var context = GenericContext.For(owner);
        return TypeLayouts.Resolve(owner).Methods.FirstOrDefault(m =>
            m.Overrides.Any(o => o.Resolve() == method && TypeLayouts.NameOf(context.Substitute(o.DeclaringType)) == declaringName));
    }

    /// <summary>
    /// The parameter types of a method as seen from a (substituted) declaring type, for matching
    /// overrides. The method's own type parameters become <paramref name="methodArguments"/> or, by
    /// default, positional placeholders (!!0, !!1...), so that generic methods match whatever their
    /// type parameters are named.
    /// </summary>
    public static string Parameters(MethodDefinition m, TypeReference declaringType, IList<TypeReference>? methodArguments = null)
    {
        methodArguments ??= m.GenericParameters.Select((g, k) => (TypeReference)new GenericParameter("!!" + k, m)).ToArray();
        var context = GenericContext.For(declaringType, methodArguments);
        return string.Join(",", m.Parameters.Select(p => context.Substitute(p.ParameterType).FullName));
    }

    /// <summary>
    /// Marks a class as instantiated and fills its vtable and interface maps, importing every method
    /// an object of the class can dispatch to. Value types get their boxed class's tables, whose
    /// entries are unboxing stubs around the value type's methods.
    /// </summary>
    public void Instantiate(ClassInfo info, TypeReference type)
    {
        if (info.Flags.HasFlag(ClassFlags.Instantiated)) return;
        info.Flags |= ClassFlags.Instantiated;
        bool boxed = info.Flags.HasFlag(ClassFlags.ValueType);
        Function? Implementation(MethodDefinition m, TypeReference owner)
        {
            if (m.IsAbstract || !m.HasBody && Compilation.RuntimeSymbol(m, "RuntimeImportAttribute") is null) return null;
            var function = compilation.GetFunction(new MethodInstance(m, owner));
            return boxed && TypeLayouts.Resolve(owner).IsValueType ? compilation.UnboxingStub(function) : function;
        }
        bool isEnum = boxed && TypeLayouts.Resolve(type).IsEnum;
        foreach (var slot in SlotsOf(type))
        {
            bool inherited = slot.Implementation.DeclaringType.FullName is "System.Object" or "System.ValueType";
            if (isEnum && slot.Declaration.Name == "ToString" && slot.Declaration.Parameters.Count == 0 && inherited)
                info.VTable.Add(EnumFormatting.ToStringOf(compilation, type, info));
            else if (boxed && !isEnum && inherited && slot.Declaration.Name == "Equals" && slot.Declaration.Parameters.Count == 1)
                info.VTable.Add(ValueTypeEquality.EqualsOf(compilation, type, info));
            else if (boxed && !isEnum && inherited && slot.Declaration.Name == "GetHashCode" && slot.Declaration.Parameters.Count == 0)
                info.VTable.Add(ValueTypeEquality.GetHashCodeOf(compilation, type, info));
            else
                info.VTable.Add(Implementation(slot.Implementation, slot.ImplementationType));
        }
        foreach (var iface in InterfacesOf(type))
        {
            var implementation = new Testbed.IR.InterfaceImplementation(compilation.Layouts.Class(iface));
            foreach (var method in InterfaceSlots(iface))
                implementation.Methods.Add(InterfaceImplementation(type, iface, method) is { } found ? Implementation(found.Method, found.Type) : null);
            info.Interfaces.Add(implementation);
        }
    }
}
