using Mono.Cecil;
using Testbed.IR;
using FieldInfo = Testbed.IR.FieldInfo;

namespace Testbed.Frontend;

/// <summary>
/// Maps .NET types to IR types and lays out structs, classes, arrays and static fields, following
/// the object layout in docs/runtime-contract.md. All types reaching here are fully substituted.
/// </summary>
public sealed class TypeLayouts
{
    public const int ObjectHeaderSize = 8;
    public const int ArrayDataOffset = 16;
    public const int StringDataOffset = 12;

    private readonly Module module;
    private readonly Dictionary<string, StructType> structs = new();
    private readonly Dictionary<string, ClassInfo> classes = new();
    private readonly Dictionary<ClassInfo, TypeReference> typeOfClass = new();
    private readonly Dictionary<string, Global> staticFields = new();

    public TypeLayouts(Module module) { this.module = module; }

    /// <summary>Canonical name of a (substituted) type; the key for every table here.</summary>
    public static string NameOf(TypeReference type) => type.FullName;

    public IrType Map(TypeReference type)
    {
        switch (type)
        {
            case ByReferenceType or PointerType or FunctionPointerType: return IrType.Ptr;
            case PinnedType pin: return Map(pin.ElementType);
            case RequiredModifierType rm: return Map(rm.ElementType);
            case OptionalModifierType om: return Map(om.ElementType);
            case ArrayType: return IrType.Obj;
            case GenericParameter gp: throw new InvalidOperationException($"unsubstituted generic parameter {gp.FullName}");
        }
        switch (type.MetadataType)
        {
            case MetadataType.Void: return IrType.Void;
            case MetadataType.Boolean or MetadataType.SByte or MetadataType.Byte: return IrType.I8;
            case MetadataType.Char or MetadataType.Int16 or MetadataType.UInt16: return IrType.I16;
            case MetadataType.Int32 or MetadataType.UInt32: return IrType.I32;
            case MetadataType.Int64 or MetadataType.UInt64 or MetadataType.IntPtr or MetadataType.UIntPtr: return IrType.I64;
            case MetadataType.Single: return IrType.F32;
            case MetadataType.Double: return IrType.F64;
            case MetadataType.String or MetadataType.Object or MetadataType.Class or MetadataType.Array: return IrType.Obj;
        }
        var def = Resolve(type);
        if (!def.IsValueType) return IrType.Obj;
        if (def.IsEnum) return Map(def.Fields.First(f => !f.IsStatic).FieldType);
        return Struct(type, def);
    }

    /// <summary>How a value of this type widens when loaded onto the evaluation stack.</summary>
    public static bool IsSignedSmall(TypeReference type) =>
        type.MetadataType is MetadataType.SByte or MetadataType.Int16
        || (type.Resolve() is { IsEnum: true } e && IsSignedSmall(e.Fields.First(f => !f.IsStatic).FieldType));

    /// <summary>
    /// The definition of a type. An array resolves to System.Array (Cecil resolves an array type to
    /// its element type's definition, which would make <c>int[]</c> look like a value type).
    /// </summary>
    public static TypeDefinition Resolve(TypeReference type)
    {
        if (type is ArrayType)
        {
            // The core library's Object, through the module's (core-library-mapped) references.
            var core = type.Module?.TypeSystem.Object.Resolve()?.Module;
            return core?.GetType("System.Array") ?? throw new InvalidOperationException($"cannot resolve System.Array for {type.FullName}");
        }
        return type.Resolve() ?? throw new UnsupportedException(-1, Unresolvable(type));
    }

    /// <summary>Why a type has no definition: async and dynamic are named as such, a framework type as missing from the core library.</summary>
    internal static string Unresolvable(TypeReference type)
    {
        var outer = type.GetElementType();
        while (outer.DeclaringType is { } declaring) outer = declaring;
        var scope = outer.Scope as AssemblyNameReference;
        var name = type.GetElementType().FullName;
        if (name.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal) || AsyncMachinery.Contains(type.GetElementType().Name))
            return $"{name}: async/await and tasks are not supported (no Task or task scheduler; docs/language-support.md)";
        if (name.StartsWith("System.Runtime.CompilerServices.CallSite", StringComparison.Ordinal) || name.StartsWith("Microsoft.CSharp.RuntimeBinder.", StringComparison.Ordinal))
            return $"{name}: dynamic is not supported (no run-time binder; docs/language-support.md)";
        if (scope is not null && AssemblyResolution.IsFramework(scope))
            return $"{name}: the core library does not provide this .NET type (referenced through {scope.Name})";
        return $"cannot resolve type {name}: its assembly {scope?.Name ?? "(unknown)"} is not among the inputs";
    }

    private static readonly HashSet<string> AsyncMachinery = new()
    {
        "IAsyncStateMachine", "AsyncTaskMethodBuilder", "AsyncTaskMethodBuilder`1", "AsyncValueTaskMethodBuilder", "AsyncValueTaskMethodBuilder`1",
        "AsyncVoidMethodBuilder", "AsyncIteratorMethodBuilder", "TaskAwaiter", "TaskAwaiter`1", "ValueTaskAwaiter", "ValueTaskAwaiter`1",
        "ConfiguredTaskAwaitable", "ConfiguredTaskAwaitable`1", "ConfiguredValueTaskAwaitable", "ConfiguredValueTaskAwaitable`1", "YieldAwaitable",
    };

    private StructType Struct(TypeReference type, TypeDefinition def)
    {
        var name = NameOf(type);
        if (structs.TryGetValue(name, out var existing)) return existing;
        var st = new StructType(name);
        structs[name] = st;
        module.Structs.Add(st);
        var context = GenericContext.For(type);
        int offset = 0, align = 1;
        foreach (var f in def.Fields.Where(f => !f.IsStatic))
        {
            var ft = Map(context.Substitute(f.FieldType));
            int fa = Math.Max(1, Math.Min(ft.Alignment, def.PackingSize > 0 ? def.PackingSize : 8));
            int fo = def.IsExplicitLayout ? f.Offset : AlignUp(offset, fa);
            st.Fields.Add(new FieldInfo(name, f.Name, ft, fo));
            offset = Math.Max(offset, fo + ft.Size);
            align = Math.Max(align, fa);
            // [InlineArray(n)]: the one field repeated n times (Roslyn indexes it through Unsafe.Add);
            // each copy is a field of its own, so the collector sees every reference in it.
            for (int i = 1; i < InlineArrayLength(def); i++)
            {
                st.Fields.Add(new FieldInfo(name, $"{f.Name}[{i}]", ft, fo + i * AlignUp(ft.Size, fa)));
                offset = fo + (i + 1) * AlignUp(ft.Size, fa);
            }
        }
        st.LayoutAlignment = align;
        st.LayoutSize = Math.Max(AlignUp(Math.Max(offset, 1), align), def.ClassSize > 0 ? def.ClassSize : 0);
        st.IsLaidOut = true;
        if (def.IsExplicitLayout) CheckReferencesNotOverlaid(st, type);
        return st;
    }

    private static int InlineArrayLength(TypeDefinition def) =>
        def.IsValueType && def.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == "InlineArrayAttribute"
            && a.AttributeType.Namespace == "System.Runtime.CompilerServices") is { ConstructorArguments: [{ Value: int length }] } ? length : 1;

    /// <summary>
    /// An explicit layout may overlay references with references, but not with other data and not
    /// misaligned: the collector must know which words hold references. .NET refuses such a type when
    /// it loads it (TypeLoadException); the compiler refuses it when it lays it out.
    /// </summary>
    private static void CheckReferencesNotOverlaid(StructType st, TypeReference type)
    {
        var references = new List<int>();
        var data = new List<(int Start, int End)>();
        void Collect(StructType s, int at)
        {
            foreach (var f in s.Fields)
            {
                if (f.Type == IrType.Obj) references.Add(at + f.Offset);
                else if (f.Type is StructType inner) Collect(inner, at + f.Offset);
                else data.Add((at + f.Offset, at + f.Offset + f.Type.Size));
            }
        }
        Collect(st, 0);
        foreach (var r in references)
        {
            if (r % IrType.Obj.Alignment != 0 || data.Any(d => d.Start < r + IrType.Obj.Size && r < d.End))
                throw new UnsupportedException(-1, $"the explicit layout of {type.FullName} puts an object reference at offset {r} that is misaligned or overlaid by a field that is not a reference (.NET refuses to load such a type)");
        }
    }

    /// <summary>Layout of a reference type: header, then base class fields, then its own.</summary>
    public ClassInfo Class(TypeReference type)
    {
        var name = NameOf(type);
        if (classes.TryGetValue(name, out var existing)) return existing;
        var def = Resolve(type);
        var info = new ClassInfo(name) { Layer = Layers.Of(def), DisplayName = DisplayName(type) };
        classes[name] = info;
        typeOfClass[info] = type;
        module.Classes.Add(info);
        if (def.IsValueType) return LayOutBoxed(info, type);
        if (def.IsInterface) info.Flags |= ClassFlags.Interface;
        if (def.IsAbstract && !def.IsInterface) info.Flags |= ClassFlags.Abstract;
        int offset = ObjectHeaderSize;
        if (BaseOf(type) is { } baseType)
        {
            var baseInfo = Class(baseType);
            info.BaseClass = baseInfo;
            info.Fields.AddRange(baseInfo.Fields);
            offset = baseInfo.InstanceSize;
        }
        var context = GenericContext.For(type);
        foreach (var f in def.Fields.Where(f => !f.IsStatic))
        {
            var ft = Map(context.Substitute(f.FieldType));
            int fo = AlignUp(offset, ft.Alignment);
            info.Fields.Add(new FieldInfo(name, f.Name, ft, fo));
            offset = fo + ft.Size;
        }
        if (def.FullName == "System.String")
        {
            info.Flags |= ClassFlags.String;
            info.InstanceSize = StringDataOffset;
            info.ComponentSize = 2;
            info.ElementType = IrType.I16;
        }
        else
        {
            info.InstanceSize = offset;
        }
        return info;
    }

    /// <summary>The type a (non-array) class was laid out for.</summary>
    public TypeReference? TypeOf(ClassInfo info) => typeOfClass.GetValueOrDefault(info);

    /// <summary>Every interface some instruction or class has needed so far.</summary>
    public IEnumerable<(ClassInfo Info, TypeReference Type)> KnownInterfaces =>
        typeOfClass.Where(x => x.Key.IsInterface).Select(x => (x.Key, x.Value)).ToList();

    /// <summary>The class of a type if something has asked for it already, else null.</summary>
    public ClassInfo? TryGetClass(TypeReference type) => classes.GetValueOrDefault(NameOf(type));

    public ClassInfo ArrayClass(ArrayType arrayType)
    {
        var name = NameOf(arrayType);
        if (classes.TryGetValue(name, out var existing)) return existing;
        var element = Map(arrayType.ElementType);
        var arrayBase = CoreType("System.Array");
        int rank = arrayType.IsVector ? 0 : arrayType.Rank;
        var info = new ClassInfo(name)
        {
            // A multi-dimensional array keeps its lengths between the total length and the elements.
            InstanceSize = rank == 0 ? ArrayDataOffset : AlignUp(ArrayDataOffset + 4 * rank, 8),
            Rank = rank,
            ComponentSize = element.Size,
            ElementType = element,
            Layer = Layers.Corlib,
            Flags = ClassFlags.Array,
            DisplayName = DisplayName(arrayType),
        };
        classes[name] = info;
        module.Classes.Add(info);
        info.BaseClass = Class(arrayBase);
        if (element == IrType.Obj && arrayType.ElementType is not ArrayType)
            info.ElementClass = Class(arrayType.ElementType);
        else if (arrayType.ElementType is ArrayType nested)
            info.ElementClass = ArrayClass(nested);
        return info;
    }

    /// <summary>
    /// The boxed form of a value type: the header, then the value at the next 8-byte boundary, as
    /// one field named <c>value</c> (the collector finds the value's references through its type).
    /// </summary>
    private ClassInfo LayOutBoxed(ClassInfo info, TypeReference valueType)
    {
        info.Flags |= ClassFlags.ValueType;
        var valueIrType = Map(valueType);
        info.Fields.Add(new FieldInfo(info.Name, "value", valueIrType, ObjectHeaderSize));
        info.InstanceSize = ObjectHeaderSize + Math.Max(valueIrType.Size, 1);
        // An enum's base is System.Enum, as in .NET (isinst Enum, Type.BaseType); other structs' is ValueType.
        info.BaseClass = Class(CoreType(Resolve(valueType).IsEnum ? "System.Enum" : "System.ValueType"));
        return info;
    }

    /// <summary>
    /// The program's core library (the assembly that defines System.Object). Cecil's
    /// <c>ModuleDefinition.TypeSystem</c> must not be used to find core types: for a module that is
    /// not named like .NET's core library it makes up a reference to mscorlib, which resolves to the
    /// host's System.Private.CoreLib.
    /// </summary>
    public ModuleDefinition? CoreLibrary { get; set; }

    /// <summary>The (substituted) base class of a class; null for System.Object, interfaces and value types' roots.</summary>
    public static TypeReference? BaseOf(TypeReference type)
    {
        var def = Resolve(type);
        return def.BaseType is null || def.IsInterface ? null : GenericContext.For(type).Substitute(def.BaseType);
    }

    /// <summary>A type of the core library by full name.</summary>
    public TypeDefinition CoreType(string fullName) =>
        CoreLibrary?.GetType(fullName) ?? throw new InvalidOperationException($"the core library has no {fullName}");

    /// <summary>The address of the value inside a boxed value type.</summary>
    public const int BoxedValueOffset = ObjectHeaderSize;

    /// <summary>.NET's <c>Type.ToString()</c>: <c>Outer+Inner</c>, <c>List`1[System.Int32]</c>, <c>System.Int32[]</c>.</summary>
    public static string DisplayName(TypeReference type)
    {
        switch (type)
        {
            case ArrayType array:
                return DisplayName(array.ElementType) + (array.Rank == 1 && array.IsVector ? "[]" : "[" + new string(',', array.Rank - 1) + "]");
            case GenericInstanceType git:
                return DisplayName(git.ElementType) + "[" + string.Join(",", git.GenericArguments.Select(DisplayName)) + "]";
            case ByReferenceType br: return DisplayName(br.ElementType) + "&";
            case PointerType pt: return DisplayName(pt.ElementType) + "*";
        }
        if (type.DeclaringType is not null) return DisplayName(type.DeclaringType) + "+" + type.Name;
        return string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
    }

    public FieldInfo InstanceField(TypeReference declaringType, FieldDefinition field)
    {
        var name = NameOf(declaringType);
        var def = Resolve(declaringType);
        // The one field of a primitive (Int32.m_value, or an enum's value__) is the value itself.
        if (def.IsValueType && Map(declaringType) is PrimitiveType primitive)
            return new FieldInfo(name, field.Name, primitive, 0);
        var fields = def.IsValueType ? ((StructType)Map(declaringType)).Fields : Class(declaringType).Fields;
        return fields.LastOrDefault(f => f.Owner == name && f.Name == field.Name)
            ?? throw new InvalidOperationException($"field {field.Name} not found in the layout of {name}");
    }

    public Global StaticField(TypeReference declaringType, FieldDefinition field)
    {
        var key = NameOf(declaringType) + "::" + field.Name;
        if (staticFields.TryGetValue(key, out var g)) return g;
        var type = field.HasFieldRVA ? IrType.I8 : Map(GenericContext.For(declaringType).Substitute(field.FieldType));
        g = new Global(key, type, Layers.Of(field.DeclaringType));
        if (field.HasFieldRVA)
        {
            g.InitialData = field.InitialValue;
            g.IsConstant = true;
        }
        staticFields[key] = g;
        module.Globals.Add(g);
        return g;
    }

    public static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
