using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// The read-only type descriptor each object's header points to (layout in docs/runtime-contract.md):
/// what the collector needs (sizes, where the references are), what type tests need (parent,
/// interfaces, element type) and the vtable. Descriptors refer to each other, so each is created
/// with its final LLVM type on first use and given its contents at the end, in <see cref="Complete"/>.
/// </summary>
internal sealed class TypeDescriptors
{
    [Flags]
    private enum DescriptorFlags : uint
    {
        IsArray = 1,
        IsString = 2,
        ElementsAreReferences = 4,
        HasReferenceMap = 8,
        IsInterface = 16,
        IsBoxedValueType = 32,
    }

    private readonly ModuleLowering module;
    private readonly Dictionary<ClassInfo, LLVMValueRef> descriptors = new();
    private readonly Queue<ClassInfo> incomplete = new();

    public TypeDescriptors(ModuleLowering module) { this.module = module; }

    private LlvmContext Ctx => module.Context;

    private LLVMTypeRef DescriptorType(int vtableLength) => LLVM.StructTypeInContext(Ctx, new[]
    {
        Ctx.Int32, Ctx.Int32, Ctx.Int32, Ctx.Int32, Ctx.Ptr, Ctx.Ptr, Ctx.Ptr, Ctx.Ptr, Ctx.Ptr, Ctx.Int32, Ctx.Int32,
        LLVM.ArrayType2(Ctx.Ptr, (ulong)vtableLength),
    });

    public LLVMValueRef Get(ClassInfo cls)
    {
        if (descriptors.TryGetValue(cls, out var d)) return d;
        d = LLVM.AddGlobal(module.Llvm, DescriptorType(cls.VTable.Count), "type." + cls.Name);
        LLVM.SetGlobalConstant(d, true);
        LLVM.SetLinkage(d, LLVMLinkage.Internal);
        LLVM.SetAlignment(d, 8);
        descriptors[cls] = d;
        incomplete.Enqueue(cls);
        return d;
    }

    /// <summary>Fills every descriptor created so far, and those their contents refer to.</summary>
    public void Complete()
    {
        while (incomplete.Count > 0)
        {
            var cls = incomplete.Dequeue();
            LLVM.SetInitializer(descriptors[cls], Contents(cls));
        }
    }

    private LLVMValueRef Contents(ClassInfo cls)
    {
        var flags = (DescriptorFlags)0;
        if (cls.Flags.HasFlag(ClassFlags.Array)) flags |= DescriptorFlags.IsArray;
        if (cls.Flags.HasFlag(ClassFlags.String)) flags |= DescriptorFlags.IsString;
        if (cls.IsInterface) flags |= DescriptorFlags.IsInterface;
        if (cls.Flags.HasFlag(ClassFlags.ValueType)) flags |= DescriptorFlags.IsBoxedValueType;
        if (cls.Flags.HasFlag(ClassFlags.Array) && cls.ElementType == IrType.Obj) flags |= DescriptorFlags.ElementsAreReferences;

        var offsets = new List<int>();
        if (cls.Flags.HasFlag(ClassFlags.Array))
        {
            if (cls.ElementType is StructType element) ReferenceOffsets(element.Fields, 0, offsets);
        }
        else if (!cls.Flags.HasFlag(ClassFlags.String))
        {
            ReferenceOffsets(cls.Fields, 0, offsets);
        }
        var referenceMap = Null;
        if (offsets.Count > 0)
        {
            flags |= DescriptorFlags.HasReferenceMap;
            referenceMap = Constant("refmap." + cls.Name, LLVM.ConstArray2(Ctx.Int32,
                offsets.Prepend(offsets.Count).Select(o => LLVM.ConstInt(Ctx.Int32, (ulong)o, false)).ToArray()));
        }

        var interfaces = Null;
        if (cls.Interfaces.Count > 0)
        {
            var entryType = LLVM.StructTypeInContext(Ctx, new[] { Ctx.Ptr, Ctx.Ptr });
            var entries = cls.Interfaces.Select(impl => LLVM.ConstStructInContext(Ctx, new[]
            {
                Get(impl.Interface),
                impl.Methods.Count == 0 ? Null : Constant($"itable.{cls.Name}.{impl.Interface.Name}",
                    LLVM.ConstArray2(Ctx.Ptr, impl.Methods.Select(FunctionOrNull).ToArray())),
            })).ToArray();
            interfaces = Constant("interfaces." + cls.Name, LLVM.ConstArray2(entryType, entries));
        }

        return LLVM.ConstStructInContext(Ctx, new[]
        {
            I32((uint)flags),
            I32((uint)cls.InstanceSize),
            I32((uint)cls.ComponentSize),
            I32((uint)cls.Interfaces.Count),
            cls.BaseClass is null ? Null : Get(cls.BaseClass),
            module.TypeName(cls),
            referenceMap,
            cls.ElementClass is null ? Null : Get(cls.ElementClass),
            interfaces,
            I32((uint)cls.VTable.Count),
            I32((uint)cls.Rank),
            LLVM.ConstArray2(Ctx.Ptr, cls.VTable.Select(FunctionOrNull).ToArray()),
        });
    }

    /// <summary>
    /// Byte offsets of the object references among <paramref name="fields"/>, nested structs included;
    /// references overlaid on each other (explicit layout; the frontend allows nothing else on a
    /// reference) are one slot.
    /// </summary>
    /// <summary>Whether instances of <paramref name="cls"/> can hold a reference (what the collector's scan reads).</summary>
    public static bool HasReferences(ClassInfo cls)
    {
        if (cls.Flags.HasFlag(ClassFlags.String)) return false;
        var offsets = new List<int>();
        if (cls.Flags.HasFlag(ClassFlags.Array))
        {
            if (cls.ElementType == IrType.Obj) return true;
            if (cls.ElementType is StructType element) ReferenceOffsets(element.Fields, 0, offsets);
        }
        else
            ReferenceOffsets(cls.Fields, 0, offsets);
        return offsets.Count > 0;
    }

    public static void ReferenceOffsets(IEnumerable<FieldInfo> fields, int baseOffset, List<int> offsets)
    {
        foreach (var f in fields)
        {
            if (f.Type == IrType.Obj && !offsets.Contains(baseOffset + f.Offset)) offsets.Add(baseOffset + f.Offset);
            else if (f.Type is StructType st) ReferenceOffsets(st.Fields, baseOffset + f.Offset, offsets);
        }
    }

    private LLVMValueRef FunctionOrNull(Function? f) => f is null ? Null : module.FunctionValue(f).Function;

    private LLVMValueRef Null => LLVM.ConstPointerNull(Ctx.Ptr);

    private LLVMValueRef I32(uint value) => LLVM.ConstInt(Ctx.Int32, value, false);

    private LLVMValueRef Constant(string name, LLVMValueRef init)
    {
        var g = LLVM.AddGlobal(module.Llvm, LLVM.TypeOf(init), name);
        LLVM.SetInitializer(g, init);
        LLVM.SetGlobalConstant(g, true);
        LLVM.SetLinkage(g, LLVMLinkage.Private);
        LLVM.SetAlignment(g, 8);
        return g;
    }
}
