using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// Generic virtual methods, monomorphised over the whole program. A generic virtual method has no
/// fixed vtable slot (each instantiation is a different function), so a virtual call of
/// <c>M&lt;int&gt;</c> becomes a direct call of a synthesised dispatcher for <c>M&lt;int&gt;</c>. Once
/// the program is imported, the set of instantiated classes is known: each dispatcher tests the
/// receiver against every instantiated class that can receive the call, most derived first, and
/// calls that class's override instantiated with the same type arguments.
///
/// Importing those overrides can instantiate more classes, so dispatchers are completed in rounds
/// with the import worklist until nothing new appears (<see cref="CompleteRound"/>), and their bodies
/// are written at the very end (<see cref="WriteBodies"/>).
/// </summary>
internal sealed class GenericVirtualMethods
{
    private sealed class Dispatcher
    {
        public Dispatcher(TypeReference declaringType, MethodDefinition method, TypeReference[] typeArguments, Function function)
        {
            DeclaringType = declaringType;
            Method = method;
            TypeArguments = typeArguments;
            Function = function;
        }

        public TypeReference DeclaringType { get; }
        public MethodDefinition Method { get; }
        public TypeReference[] TypeArguments { get; }
        public Function Function { get; }
        /// <summary>For each receiving class: the function its override compiles to.</summary>
        public Dictionary<ClassInfo, Function> Targets { get; } = new();
    }

    private readonly Compilation compilation;
    private readonly Dictionary<string, Dispatcher> dispatchers = new();

    public GenericVirtualMethods(Compilation compilation) { this.compilation = compilation; }

    /// <summary>The dispatcher for a virtual call of <paramref name="method"/> (declared on <paramref name="declaringType"/>) with these type arguments.</summary>
    public Function DispatcherFor(TypeReference declaringType, MethodDefinition method, TypeReference[] typeArguments)
    {
        var slot = new MethodInstance(method, declaringType, typeArguments);
        if (dispatchers.TryGetValue(slot.Name, out var known)) return known.Function;
        var parameters = slot.ParameterTypes.Select(compilation.Layouts.Map).Prepend(IrType.Obj).ToList();
        var function = new Function(slot.Name + "$dispatch", compilation.Layouts.Map(slot.ReturnType), parameters, Layers.Of(method.DeclaringType))
        {
            Source = slot.Location,
        };
        compilation.Module.Functions.Add(function);
        dispatchers[slot.Name] = new Dispatcher(declaringType, method, typeArguments, function);
        return function;
    }

    /// <summary>Imports the override of every dispatcher for every instantiated class that can receive it; true if anything was new.</summary>
    public bool CompleteRound(IReadOnlyDictionary<ClassInfo, TypeReference> instantiated)
    {
        bool added = false;
        foreach (var d in dispatchers.Values.ToList())
            foreach (var (info, type) in instantiated.ToList())
            {
                if (d.Targets.ContainsKey(info) || !Receives(info, d)) continue;
                var implementation = FindImplementation(type, d);
                if (implementation is null) continue;
                var (method, owner) = implementation.Value;
                var function = compilation.GetFunction(new MethodInstance(method, owner, d.TypeArguments));
                if (info.Flags.HasFlag(ClassFlags.ValueType) && TypeLayouts.Resolve(owner).IsValueType)
                    function = compilation.UnboxingStub(function);
                d.Targets[info] = function;
                added = true;
            }
        return added;
    }

    private bool Receives(ClassInfo info, Dispatcher d)
    {
        var declaring = compilation.Layouts.Class(d.DeclaringType);
        return declaring.IsInterface ? info.Interfaces.Any(i => i.Interface == declaring) : info.DerivesFrom(declaring);
    }

    /// <summary>The override a receiver of class <paramref name="type"/> runs: explicit or implicit, most derived first.</summary>
    private static (MethodDefinition, TypeReference)? FindImplementation(TypeReference type, Dispatcher d)
    {
        var wanted = VirtualTables.Parameters(d.Method, d.DeclaringType, d.TypeArguments);
        bool throughInterface = TypeLayouts.Resolve(d.DeclaringType).IsInterface;
        for (TypeReference? t = type; t is not null; t = TypeLayouts.BaseOf(t))
        {
            var found = VirtualTables.ExplicitOverride(t, d.DeclaringType, d.Method)
                ?? TypeLayouts.Resolve(t).Methods.FirstOrDefault(m => m.IsVirtual && m.Name == d.Method.Name
                    && m.GenericParameters.Count == d.Method.GenericParameters.Count
                    && VirtualTables.Parameters(m, t, d.TypeArguments) == wanted
                    && (throughInterface ? m.IsPublic : !m.IsNewSlot || m == d.Method));
            if (found is not null) return found.IsAbstract ? null : (found, t);
        }
        return d.Method.HasBody ? (d.Method, d.DeclaringType) : null;
    }

    /// <summary>
    /// Each dispatcher: the receiver's class decides, tested most derived first (so that a subclass
    /// with its own override is never taken for its base); a receiver no instantiated class can be
    /// is impossible, since the receiver is not null and every object's class is instantiated.
    /// </summary>
    public void WriteBodies()
    {
        foreach (var d in dispatchers.Values)
        {
            var f = d.Function;
            var entry = f.AddBlock();
            foreach (var t in f.ParameterTypes) entry.AddParameter(t);
            var b = new Builder(entry);
            var receiver = entry.Parameters[0];
            foreach (var (info, target) in d.Targets.OrderByDescending(x => Depth(x.Key)))
            {
                var call = f.AddBlock();
                var next = f.AddBlock();
                var match = b.WithClass(Opcode.IsInstance, IrType.Obj, info, receiver);
                b.CondBr(b.Compare(Predicate.Ne, match, b.Null(IrType.Obj)), new BlockTarget(call), new BlockTarget(next));
                var c = new Builder(call);
                var result = c.Call(target, entry.Parameters);
                c.Ret(result.HasResult ? result : null);
                b = new Builder(next);
            }
            b.Unreachable();
        }
    }

    private static int Depth(ClassInfo info)
    {
        int depth = 0;
        for (var c = info.BaseClass; c is not null; c = c.BaseClass) depth++;
        return depth;
    }
}
