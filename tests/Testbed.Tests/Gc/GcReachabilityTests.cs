using Xunit;
using System.Runtime.InteropServices;
using Testbed.LibOS.Memory;

namespace Testbed.Tests.Gc;

/// <summary>What survives a collection and what does not: fields, arrays, interior pointers, cycles, statics, stacks.</summary>
[Collection("Gc")]
public unsafe class GcReachabilityTests
{
    private const nuint Heap = 8 << 20;

    [Fact]
    public void UnreachableObjectsAreReclaimedAndTheirCellsReused()
    {
        using var heap = new TestHeap(Heap);
        var first = heap.NewNode(null, 1);
        var addresses = new List<nint> { (nint)first };
        for (int i = 0; i < 999; i++)
            addresses.Add((nint)heap.NewNode(null, i));
        Assert.True(GcHeap.IsAllocated(first));

        heap.Collect();

        Assert.All(addresses, a => Assert.False(GcHeap.IsAllocated((void*)a)));
        Assert.Equal((nuint)0, GcHeap.LiveBytesAfterLastCollection);
        Assert.Equal((nuint)0, GcHeap.HeapBytes);
        // The emptied chunk goes back to the pool and is the first one handed out again.
        Assert.Equal((nint)first, (nint)heap.NewNode(null, 2));
    }

    [Fact]
    public void ObjectsReachableThroughFieldsSurviveWithTheirContents()
    {
        using var heap = new TestHeap(Heap);
        byte* list = null;
        for (int i = 0; i < 100; i++)
        {
            list = heap.NewNode(list, i);
            heap.NewNode(null, -1); // garbage in between
        }
        heap.Root(list);

        heap.Collect();

        long sum = 0;
        int count = 0;
        for (byte* n = list; n != null; n = *(byte**)(n + 8))
        {
            Assert.True(GcHeap.IsAllocated(n));
            sum += *(long*)(n + 16);
            count++;
        }
        Assert.Equal(100, count);
        Assert.Equal(4950, sum);
        Assert.Equal((nuint)(100 * 24), GcHeap.LiveBytesAfterLastCollection);
    }

    [Fact]
    public void ArraysOfReferencesKeepTheirElementsAlive()
    {
        using var heap = new TestHeap(Heap);
        var array = heap.NewArray(FakeTypes.ObjectArray, 50);
        var elements = new byte*[50];
        for (int i = 0; i < 50; i += 2)
            ((byte**)(array + 16))[i] = elements[i] = heap.NewNode(null, i);
        var dropped = heap.NewNode(null, 99);
        heap.Root(array);

        heap.Collect();

        Assert.True(GcHeap.IsAllocated(array));
        for (int i = 0; i < 50; i += 2)
            Assert.True(GcHeap.IsAllocated(elements[i]));
        Assert.False(GcHeap.IsAllocated(dropped));
    }

    [Fact]
    public void ArraysOfStructsKeepTheReferencesInEachElementAlive()
    {
        using var heap = new TestHeap(Heap);
        const int length = 40;
        var array = heap.NewArray(FakeTypes.StructArray, length);
        var referenced = new byte*[length];
        for (int i = 0; i < length; i++)
        {
            byte* element = array + 16 + i * 24;
            referenced[i] = heap.NewNode(null, i);
            *(long*)element = (long)heap.NewNode(null, -i); // a long, not a reference: must not keep anything
            *(byte**)(element + 8) = referenced[i];
            *(long*)(element + 16) = i;
        }
        heap.Root(array);
        heap.Collect();

        for (int i = 0; i < length; i++)
        {
            Assert.True(GcHeap.IsAllocated(referenced[i]));
            Assert.False(GcHeap.IsAllocated((void*)*(long*)(array + 16 + i * 24)));
        }
    }

    [Fact]
    public void InteriorPointersOnTheStackKeepTheWholeObjectAlive()
    {
        using var heap = new TestHeap(Heap);
        var bytes = heap.NewArray(FakeTypes.ByteArray, 100);
        var node = heap.NewNode(null, 7);
        *(byte**)(node + 8) = heap.NewNode(null, 8);
        var large = heap.NewArray(FakeTypes.ByteArray, 300_000);
        var other = heap.NewNode(null, 9);
        heap.Root(bytes + 16 + 57);             // a span over the middle of an array
        heap.Root(node + 16);                   // a ref to a field
        heap.Root(large + 200_000);             // inside a large object, beyond its first chunk

        heap.Collect();

        Assert.True(GcHeap.IsAllocated(bytes));
        Assert.True(GcHeap.IsAllocated(node));
        Assert.True(GcHeap.IsAllocated(*(byte**)(node + 8)));
        Assert.True(GcHeap.IsAllocated(large));
        Assert.False(GcHeap.IsAllocated(other));
    }

    [Fact]
    public void EveryByteOfACellMapsToItsObjectInEverySizeClass()
    {
        using var heap = new TestHeap(32 << 20);
        for (nuint size = 16; size <= GcHeap.MaxSmallSize; size += 8)
        {
            var before = heap.New(FakeTypes.Leaf, size);
            var middle = heap.New(FakeTypes.Leaf, size);
            var after = heap.New(FakeTypes.Leaf, size);
            int slot = heap.Root(middle + size - 1);
            heap.Collect();
            Assert.False(GcHeap.IsAllocated(before), $"size {size}: the cell before survived");
            Assert.True(GcHeap.IsAllocated(middle), $"size {size}: the pointed-to cell was reclaimed");
            Assert.False(GcHeap.IsAllocated(after), $"size {size}: the cell after survived");
            heap.SetSlot(slot, null);
        }
    }

    [Fact]
    public void CyclesAreCollectedWhenUnreachableAndKeptWhenReachable()
    {
        using var heap = new TestHeap(Heap);
        var a = heap.NewNode(null, 1);
        var b = heap.NewNode(a, 2);
        *(byte**)(a + 8) = b;
        var c = heap.NewNode(null, 3);
        var d = heap.NewNode(c, 4);
        *(byte**)(c + 8) = d;
        *(byte**)(d + 8) = d; // and a self-loop
        heap.Root(c);

        heap.Collect();

        Assert.False(GcHeap.IsAllocated(a));
        Assert.False(GcHeap.IsAllocated(b));
        Assert.True(GcHeap.IsAllocated(c));
        Assert.True(GcHeap.IsAllocated(d));
    }

    [Fact]
    public void StaticSlotsAreRoots()
    {
        using var heap = new TestHeap(Heap);
        var slots = (byte**)NativeMemory.AllocZeroed(3 * (nuint)sizeof(void*));
        slots[0] = heap.NewNode(heap.NewNode(null, 2), 1);
        slots[1] = null;
        slots[2] = (byte*)FakeTypes.Leaf; // outside the heap, like a string literal
        heap.SetStaticRoots((IntPtr)(slots + 0), (IntPtr)(slots + 1), (IntPtr)(slots + 2));
        var dropped = heap.NewNode(null, 3);

        heap.Collect();

        Assert.True(GcHeap.IsAllocated(slots[0]));
        Assert.True(GcHeap.IsAllocated(*(byte**)(slots[0] + 8)));
        Assert.False(GcHeap.IsAllocated(dropped));
        NativeMemory.Free(slots);
    }

    [Fact]
    public void JunkOnTheStackRetainsNothingAndBreaksNothing()
    {
        using var heap = new TestHeap(Heap);
        var live = heap.NewNode(null, 1);
        var dead = heap.NewNode(null, 2);
        heap.Root(live);
        heap.Collect();
        Assert.False(GcHeap.IsAllocated(dead));
        heap.Root(dead);                        // a free cell
        heap.Root(dead + 8);                    // inside a free cell
        heap.Root(live - 2048);                 // the chunk header
        heap.Root((void*)1);
        heap.Root((void*)nuint.MaxValue);
        heap.Root(heap.Region + heap.RegionBytes - 8); // a chunk never used
        var random = new Random(42);
        for (int i = 0; i < 1000; i++)
            heap.Root((void*)(nuint)random.NextInt64());

        heap.Collect();

        Assert.True(GcHeap.IsAllocated(live));
        Assert.False(GcHeap.IsAllocated(dead));
        Assert.Equal((nuint)24, GcHeap.LiveBytesAfterLastCollection);
    }

    [Fact]
    public void OtherRegisteredStacksAreScannedFromTheirSavedPointer()
    {
        using var heap = new TestHeap(Heap);
        var stack = (nuint*)NativeMemory.AllocZeroed(64 * 8);
        var saved = (ulong*)NativeMemory.AllocZeroed(2 * 8);
        saved[0] = (ulong)(stack + 64); // never run: nothing to scan
        int id = GcRoots.RegisterStack(stack, stack + 64, saved);
        Assert.True(id > GcRoots.MainStack);
        GcRoots.SetSavedPointerSlot(GcRoots.MainStack, saved + 1);
        var below = heap.NewNode(null, 1);
        var above = heap.NewNode(null, 2);
        stack[10] = (nuint)below;  // below the saved pointer: dead frames
        stack[40] = (nuint)above;

        heap.Collect();
        Assert.True(GcHeap.IsAllocated(below) == false && GcHeap.IsAllocated(above) == false);
        below = heap.NewNode(null, 1);
        above = heap.NewNode(null, 2);
        stack[10] = (nuint)below;
        stack[40] = (nuint)above;

        // The main stack is suspended at its current pointer, the new one runs from stack + 20.
        saved[1] = (ulong)GcImports.StackPointer;
        GcRoots.SetCurrentStack(id);
        var onMain = heap.NewNode(null, 3);
        heap.Root(onMain);
        GcHeap.Collect(stack + 20);
        Assert.False(GcHeap.IsAllocated(below));
        Assert.True(GcHeap.IsAllocated(above));
        Assert.True(GcHeap.IsAllocated(onMain));

        // Suspended at stack + 20 while the main stack runs again.
        saved[0] = (ulong)(stack + 20);
        GcRoots.SetCurrentStack(GcRoots.MainStack);
        heap.Collect();
        Assert.True(GcHeap.IsAllocated(above));
        Assert.False(GcHeap.IsAllocated(below));

        GcRoots.UnregisterStack(id);
        heap.Collect();
        Assert.False(GcHeap.IsAllocated(above));
        Assert.True(GcHeap.IsAllocated(onMain));
        NativeMemory.Free(stack);
        NativeMemory.Free(saved);
    }

    [Fact]
    public void ObjectSizesFollowTheDescriptors()
    {
        using var heap = new TestHeap(Heap);
        var s = heap.New(FakeTypes.String, (12 + 2 * 6 + 7) & ~7u);
        *(int*)(s + 8) = 5;
        Assert.Equal((nuint)24, GcMarker.ObjectSize(s));
        Assert.Equal((nuint)24, GcMarker.ObjectSize(heap.NewNode(null, 0)));
        Assert.Equal((nuint)(16 + 24 * 3), GcMarker.ObjectSize(heap.NewArray(FakeTypes.StructArray, 3)));
        Assert.Equal((nuint)24, GcMarker.ObjectSize(heap.NewArray(FakeTypes.ByteArray, 5)));
    }
}
