using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// The generic interfaces every one-dimensional array T[] implements in .NET (IEnumerable&lt;T&gt;,
/// ICollection&lt;T&gt;, IList&lt;T&gt;, IReadOnlyCollection&lt;T&gt;, IReadOnlyList&lt;T&gt;, and
/// IEnumerable), implemented by the core library's <c>System.SZArrayHelper&lt;T&gt;</c>, whose static
/// methods take the array first and so fit an interface map as they are.
///
/// An array type gets an interface only if the program uses that interface at all (some
/// instruction names it): compiling the helpers for every array type would bloat every image. Both
/// sets grow while the program is imported, so this runs in the completion rounds, like generic
/// virtual methods.
/// </summary>
internal sealed class ArrayInterfaces
{
    private static readonly string[] GenericInterfaces =
    {
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IReadOnlyList`1",
    };

    private readonly Compilation compilation;
    private readonly HashSet<(ClassInfo, ClassInfo)> done = new();

    public ArrayInterfaces(Compilation compilation) { this.compilation = compilation; }

    /// <summary>Adds the used interfaces to every instantiated array type that lacks them; true if anything was added.</summary>
    public bool CompleteRound(IReadOnlyDictionary<ClassInfo, ArrayType> arrays)
    {
        bool added = false;
        var layouts = compilation.Layouts;
        var helperDef = layouts.CoreType("System.SZArrayHelper`1");
        foreach (var (info, arrayType) in arrays.ToList())
        {
            if (!arrayType.IsVector) continue;
            var element = arrayType.ElementType;
            var helper = new GenericInstanceType(helperDef);
            helper.GenericArguments.Add(element);
            var candidates = GenericInterfaces.Select(name =>
            {
                var g = new GenericInstanceType(layouts.CoreType(name));
                g.GenericArguments.Add(element);
                return (TypeReference)g;
            }).Append(layouts.CoreType("System.Collections.IEnumerable"));
            foreach (var iface in candidates)
            {
                var ifaceInfo = layouts.TryGetClass(iface);
                if (ifaceInfo is null || !done.Add((info, ifaceInfo))) continue;
                var implementation = new Testbed.IR.InterfaceImplementation(ifaceInfo);
                bool nonGeneric = iface is not GenericInstanceType;
                foreach (var method in VirtualTables.InterfaceSlots(iface))
                {
                    var name = nonGeneric && method.Name == "GetEnumerator" ? "NonGenericGetEnumerator" : method.Name;
                    var target = helperDef.Methods.FirstOrDefault(m => m.IsStatic && m.Name == name && m.Parameters.Count == method.Parameters.Count + 1);
                    implementation.Methods.Add(target is null ? null : compilation.GetFunction(new MethodInstance(target, helper)));
                }
                // System.Array's own IEnumerable (which cannot box elements of an unknown type) gives way to the element-typed one.
                int existing = info.Interfaces.FindIndex(i => i.Interface == ifaceInfo);
                if (existing >= 0) info.Interfaces[existing] = implementation;
                else info.Interfaces.Add(implementation);
                added = true;
            }
        }
        return added;
    }
}
