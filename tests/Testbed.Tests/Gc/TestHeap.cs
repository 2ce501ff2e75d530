using Xunit;
using System.Runtime;
using System.Runtime.InteropServices;
using Testbed.LibOS.Memory;

namespace Testbed.Tests.Gc;

/// <summary>
/// The collector is global state, so every test that touches it is in this one collection and
/// never runs in parallel with another.
/// </summary>
[CollectionDefinition("Gc", DisableParallelization = true)]
public sealed class GcCollection { }

/// <summary>Fake type descriptors in native memory, laid out as the compiler emits them.</summary>
internal static unsafe class FakeTypes
{
    /// <summary>{ header; Node Next @8; long Value @16 }</summary>
    public static readonly TypeDescriptor* Node = Make(TypeDescriptor.HasReferenceMap, 24, 0, 8);
    /// <summary>{ header; object A @8; object B @16; long Value @24 }</summary>
    public static readonly TypeDescriptor* Pair = Make(TypeDescriptor.HasReferenceMap, 32, 0, 8, 16);
    /// <summary>{ header; long Value @8 }: no references.</summary>
    public static readonly TypeDescriptor* Leaf = Make(0, 16, 0);
    public static readonly TypeDescriptor* ObjectArray = Make(TypeDescriptor.IsArray | TypeDescriptor.ElementsAreReferences, 16, 8);
    /// <summary>Elements struct { long A; object B @8; long C } (stride 24).</summary>
    public static readonly TypeDescriptor* StructArray = Make(TypeDescriptor.IsArray | TypeDescriptor.HasReferenceMap, 16, 24, 8);
    public static readonly TypeDescriptor* ByteArray = Make(TypeDescriptor.IsArray, 16, 1);
    public static readonly TypeDescriptor* String = Make(TypeDescriptor.IsString, 12, 2);

    private static TypeDescriptor* Make(uint flags, uint baseSize, uint componentSize, params int[] referenceOffsets)
    {
        var type = (TypeDescriptor*)NativeMemory.AllocZeroed((nuint)sizeof(TypeDescriptor));
        type->Flags = flags;
        type->BaseSize = baseSize;
        type->ComponentSize = componentSize;
        if (referenceOffsets.Length > 0)
        {
            int* map = (int*)NativeMemory.Alloc((nuint)(4 * (referenceOffsets.Length + 1)));
            map[0] = referenceOffsets.Length;
            for (int i = 0; i < referenceOffsets.Length; i++)
                map[1 + i] = referenceOffsets[i];
            type->ReferenceMap = map;
        }
        return type;
    }
}

/// <summary>
/// A heap over native memory, a fake stack (the collector scans it from <see cref="GcImports.StackPointer"/>
/// to its top) and an optional static root table, with helpers to build objects as compiled code would.
/// </summary>
internal sealed unsafe class TestHeap : IDisposable
{
    public const int StackWords = 4096;
    public readonly byte* Region;
    public readonly nuint RegionBytes;
    public readonly nuint* Stack;
    private int stackUsed;
    private long* staticTable;

    public TestHeap(nuint regionBytes, bool regionIsZeroed = false, nuint markStackEntries = GcHeap.DefaultMarkStackEntries,
        nuint minimumBudget = GcHeap.DefaultMinimumBudget)
    {
        RegionBytes = regionBytes;
        // Deliberately not chunk-aligned, and filled with junk unless the test says it is zero, so
        // alignment and zeroing are the collector's job.
        Region = (byte*)NativeMemory.Alloc(regionBytes + 4096) + 8;
        if (regionIsZeroed)
            NativeMemory.Clear(Region, regionBytes);
        else
            NativeMemory.Fill(Region, regionBytes, 0xCD);
        Stack = (nuint*)NativeMemory.AllocZeroed(StackWords * (nuint)sizeof(nuint));
        GcRoots.RegisterMainStack(Stack + StackWords);
        GcImports.StackPointer = Stack;
        GcImports.StaticRootTable = null;
        GcImports.OutOfMemoryCalls = 0;
        GcImports.FatalOutOfMemoryCalls = 0;
        GcHeap.Initialize(Region, regionBytes, regionIsZeroed, markStackEntries, minimumBudget);
    }

    public byte* New(TypeDescriptor* type, nuint size)
    {
        var obj = (byte*)GcHeap.Allocate(size);
        if (obj != null)
            *(TypeDescriptor**)obj = type;
        return obj;
    }

    public byte* NewNode(byte* next, long value)
    {
        byte* node = New(FakeTypes.Node, 24);
        if (node == null)
            return null;
        *(byte**)(node + 8) = next;
        *(long*)(node + 16) = value;
        return node;
    }

    public byte* NewArray(TypeDescriptor* type, int length)
    {
        byte* array = New(type, (16 + (nuint)length * type->ComponentSize + 7) & ~(nuint)7);
        if (array != null)
            *(int*)(array + 8) = length;
        return array;
    }

    /// <summary>Puts a word on the fake stack; returns its slot.</summary>
    public int Root(void* word)
    {
        if (stackUsed == StackWords)
            throw new InvalidOperationException("the fake stack is full");
        Stack[stackUsed] = (nuint)word;
        return stackUsed++;
    }

    /// <summary>Drops the most recent <see cref="Root"/>, as a returning frame would.</summary>
    public void Pop() => Stack[--stackUsed] = 0;

    public void SetSlot(int slot, void* word) => Stack[slot] = (nuint)word;

    public void ClearStack()
    {
        NativeMemory.Clear(Stack, StackWords * (nuint)sizeof(nuint));
        stackUsed = 0;
    }

    /// <summary>Makes <paramref name="slots"/> the static reference slots the compiler would list.</summary>
    public void SetStaticRoots(params IntPtr[] slots)
    {
        NativeMemory.Free(staticTable);
        staticTable = (long*)NativeMemory.Alloc((nuint)(8 * (slots.Length + 1)));
        staticTable[0] = slots.Length;
        for (int i = 0; i < slots.Length; i++)
            staticTable[1 + i] = slots[i];
        GcImports.StaticRootTable = staticTable;
    }

    public void Collect() => GcHeap.Collect(GcImports.StackPointer);

    public void Dispose()
    {
        GcImports.StaticRootTable = null;
        NativeMemory.Free(staticTable);
        NativeMemory.Free(Stack);
        NativeMemory.Free(Region - 8);
    }
}
