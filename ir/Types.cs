namespace Testbed.IR;

/// <summary>
/// The IR's types. Integers carry a width but no sign: signedness lives in the operations
/// (sdiv/udiv, lt_s/lt_u, sext/zext), as in LLVM, so that the IR has one integer per width.
/// Object references (<c>obj</c>) are kept apart from raw and interior pointers (<c>ptr</c>)
/// because the collector will need to know which values it must trace.
/// </summary>
public abstract class IrType
{
    public abstract string Name { get; }
    public override string ToString() => Name;

    public static readonly PrimitiveType Void = new("void", 0);
    public static readonly PrimitiveType Bool = new("bool", 1);
    public static readonly PrimitiveType I8 = new("i8", 1);
    public static readonly PrimitiveType I16 = new("i16", 2);
    public static readonly PrimitiveType I32 = new("i32", 4);
    public static readonly PrimitiveType I64 = new("i64", 8);
    public static readonly PrimitiveType F32 = new("f32", 4);
    public static readonly PrimitiveType F64 = new("f64", 8);
    public static readonly PrimitiveType Ptr = new("ptr", 8);
    public static readonly PrimitiveType Obj = new("obj", 8);

    public static IReadOnlyList<PrimitiveType> Primitives { get; } =
        new[] { Void, Bool, I8, I16, I32, I64, F32, F64, Ptr, Obj };

    public bool IsInteger => this == I8 || this == I16 || this == I32 || this == I64;
    public bool IsFloat => this == F32 || this == F64;
    public bool IsPointerLike => this == Ptr || this == Obj;

    /// <summary>Bytes the type occupies in memory.</summary>
    public abstract int Size { get; }
    public abstract int Alignment { get; }
}

public sealed class PrimitiveType : IrType
{
    private readonly string name;
    private readonly int size;

    internal PrimitiveType(string name, int size)
    {
        this.name = name;
        this.size = size;
    }

    public override string Name => name;
    public override int Size => size;
    public override int Alignment => Math.Max(size, 1);
    public int Bits => this == Bool ? 1 : size * 8;

    /// <summary>
    /// Whether <paramref name="value"/> is a constant of this integer type in its signed or its unsigned
    /// reading (an i8 holds -128 … 255; bool 0 and 1): what a .tbir file or a pass may write.
    /// </summary>
    public bool HoldsConstant(long value) =>
        this == Bool ? value is 0 or 1 : Bits >= 64 || (value >= -(1L << (Bits - 1)) && value < (1L << Bits));

    /// <summary>A constant of this integer type in its canonical, signed reading (255 as an i8 is -1).</summary>
    public long SignedConstant(long value) => this == Bool || Bits >= 64 ? value : (value << (64 - Bits)) >> (64 - Bits);
}

/// <summary>A value type: a named aggregate with fields at fixed offsets.</summary>
public sealed class StructType : IrType
{
    public StructType(string name) { StructName = name; }

    public string StructName { get; }
    public override string Name => "%" + Printer.Quote(StructName);
    public List<FieldInfo> Fields { get; } = new();
    public int LayoutSize { get; set; }
    public int LayoutAlignment { get; set; } = 1;
    public override int Size => LayoutSize;
    public override int Alignment => LayoutAlignment;
    /// <summary>True once fields and size are known (types can refer to each other while being laid out).</summary>
    public bool IsLaidOut { get; set; }
}

/// <summary>A field of a struct or class, or a static field, as a location with a type.</summary>
public sealed class FieldInfo
{
    public FieldInfo(string owner, string name, IrType type, int offset)
    {
        Owner = owner;
        Name = name;
        Type = type;
        Offset = offset;
    }

    public string Owner { get; }
    public string Name { get; }
    public IrType Type { get; }
    public int Offset { get; }
    public string QualifiedName => Owner + "::" + Name;
}

/// <summary>
/// A reference type known to the program: what <c>new</c> needs (the instance size) and what a
/// type descriptor holds. Arrays and strings are classes too, with a component size.
/// </summary>
public sealed class ClassInfo
{
    public ClassInfo(string name) { Name = name; }

    public string Name { get; }
    public List<FieldInfo> Fields { get; } = new();
    /// <summary>Bytes of a fresh instance, header included (arrays/strings: without elements).</summary>
    public int InstanceSize { get; set; }
    /// <summary>Element size of arrays and strings; 0 for ordinary classes.</summary>
    public int ComponentSize { get; set; }
    public IrType? ElementType { get; set; }
    public string Layer { get; set; } = "corlib";
    /// <summary>The static constructor to run before first use, if the type has one.</summary>
    public Function? StaticConstructor { get; set; }
    /// <summary>The flag that records that the static constructor has started.</summary>
    public Global? InitializedFlag { get; set; }

    /// <summary>.NET's name of the type (<c>Type.ToString()</c>), for cast and exception messages.</summary>
    public string DisplayName { get => displayName ?? Name; set => displayName = value; }
    private string? displayName;
    public ClassFlags Flags { get; set; }
    /// <summary>The base class (null for System.Object and interfaces).</summary>
    public ClassInfo? BaseClass { get; set; }
    /// <summary>Rank of a multi-dimensional array (its lengths follow the header); 0 for everything else, one-dimensional arrays included.</summary>
    public int Rank { get; set; }
    /// <summary>Arrays of references: the element's class, for covariant casts.</summary>
    public ClassInfo? ElementClass { get; set; }
    /// <summary>
    /// Virtual slots, base class slots first: the implementation each slot dispatches to, null for an
    /// abstract slot or a class that is never instantiated (its table is never read).
    /// </summary>
    public List<Function?> VTable { get; } = new();
    /// <summary>Every interface the class implements (inherited and extended ones included), with the
    /// implementation of each of the interface's slots. For an interface: the interfaces it extends.</summary>
    public List<InterfaceImplementation> Interfaces { get; } = new();

    public bool IsInterface => Flags.HasFlag(ClassFlags.Interface);

    /// <summary>This class or one of its bases is <paramref name="other"/>.</summary>
    public bool DerivesFrom(ClassInfo other)
    {
        for (var c = this; c is not null; c = c.BaseClass)
            if (c == other) return true;
        return false;
    }
}

[Flags]
public enum ClassFlags
{
    None = 0,
    Interface = 1,
    Abstract = 2,
    /// <summary>The boxed form of a value type: the value follows the header.</summary>
    ValueType = 4,
    Array = 8,
    String = 16,
    /// <summary>At least one instance is created somewhere in the program (its vtable is filled).</summary>
    Instantiated = 32,
}

/// <summary>An interface a class implements, and the function behind each of the interface's slots.</summary>
public sealed class InterfaceImplementation
{
    public InterfaceImplementation(ClassInfo @interface) { Interface = @interface; }
    public ClassInfo Interface { get; }
    public List<Function?> Methods { get; } = new();
}
