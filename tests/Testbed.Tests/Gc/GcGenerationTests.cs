using Xunit;
using Testbed.LibOS.Memory;

namespace Testbed.Tests.Gc;

/// <summary>
/// Minor collections (docs/gc.md, "Generations"): what survives one, what only a major one frees, the
/// cards that keep a young object reachable from an old one, and the verification that finds a store
/// whose barrier is missing. Stores into heap objects here call <see cref="GcHeap.MarkCards"/> as the
/// compiled barrier would.
/// </summary>
[Collection("Gc")]
public unsafe class GcGenerationTests
{
    private static void StoreReference(byte* holder, int offset, byte* value)
    {
        *(byte**)(holder + offset) = value;
        GcHeap.MarkCards(holder + offset, 8);
    }

    private static TestHeap GenerationalHeap(bool verify = false)
    {
        var heap = new TestHeap(32 << 20, minimumBudget: 1 << 20);
        GcHeap.ConfigureGenerations(generational: true, nurseryBytes: 256 << 10, verifyBarriers: verify);
        GcImports.MissedBarrierReports = 0;
        return heap;
    }

    [Fact]
    public void AYoungObjectStoredIntoAnOldOneSurvivesAMinorCollection()
    {
        using var heap = GenerationalHeap(verify: true);
        byte* old = heap.NewNode(null, 1);
        heap.Root(old);
        heap.Collect();                       // old is now old
        long minorBefore = GcHeap.MinorCollectionCount;

        byte* young = heap.NewNode(null, 2);
        StoreReference(old, 8, young);
        heap.Collect();

        Assert.Equal(minorBefore + 1, GcHeap.MinorCollectionCount);
        Assert.True(GcHeap.IsAllocated(young));
        Assert.Equal(0, GcImports.MissedBarrierReports);
        // Young garbage goes at once.
        byte* garbage = heap.NewNode(null, 3);
        heap.Collect();
        Assert.False(GcHeap.IsAllocated(garbage));
    }

    [Fact]
    public void AStoreWithoutItsBarrierIsReportedByVerification()
    {
        using var heap = GenerationalHeap(verify: true);
        byte* old = heap.NewNode(null, 1);
        heap.Root(old);
        heap.Collect();

        byte* young = heap.NewNode(null, 2);
        *(byte**)(old + 8) = young;           // no card marked
        heap.Collect();

        Assert.Equal(1, GcImports.MissedBarrierReports);
        Assert.Equal((nuint)1, GcHeap.MissedBarriers);
    }

    [Fact]
    public void OldGarbageWaitsForAMajorCollection()
    {
        using var heap = GenerationalHeap();
        int slot = heap.Root(null);
        byte* old = heap.NewNode(null, 1);
        heap.SetSlot(slot, old);
        heap.Collect();
        heap.SetSlot(slot, null);

        heap.Collect();                       // minor: old is assumed live
        Assert.True(GcHeap.IsAllocated(old));
        GcHeap.RequestMajorCollection();
        heap.Collect();
        Assert.False(GcHeap.IsAllocated(old));
    }

    [Fact]
    public void ADirtyCardOfALargeArrayScansOnlyItsElementsAndKeepsThemAlive()
    {
        using var heap = GenerationalHeap(verify: true);
        const int length = 100_000;          // 800 KB: a large object over many chunks
        byte* array = heap.NewArray(FakeTypes.ObjectArray, length);
        heap.Root(array);
        heap.Collect();

        var young = new List<IntPtr>();
        for (int i = 7; i < length; i += 9_973)
        {
            byte* node = heap.NewNode(null, i);
            StoreReference(array, 16 + 8 * i, node);
            young.Add((IntPtr)node);
        }
        byte* garbage = heap.NewNode(null, -1);
        heap.Collect();

        Assert.All(young, p => Assert.True(GcHeap.IsAllocated((void*)p)));
        Assert.False(GcHeap.IsAllocated(garbage));
        Assert.Equal(0, GcImports.MissedBarrierReports);
        // After the collection the young nodes are old: the cards are clean and a minor collection keeps them.
        heap.Collect();
        Assert.All(young, p => Assert.True(GcHeap.IsAllocated((void*)p)));
    }

    [Fact]
    public void ChurnThroughAnOldStructureKeepsExactlyWhatIsReachable()
    {
        using var heap = GenerationalHeap(verify: true);
        const int slots = 2_000;
        byte* table = heap.NewArray(FakeTypes.ObjectArray, slots);
        heap.Root(table);
        var random = new Random(7);
        var expected = new long[slots];
        for (int step = 0; step < 300_000; step++)
        {
            int k = random.Next(slots);
            // A short chain, so young objects also reference young objects.
            byte* chain = heap.NewNode(heap.NewNode(null, step), step);
            StoreReference(table, 16 + 8 * k, chain);
            expected[k] = step;
            heap.NewNode(null, -step);        // garbage
        }
        for (int k = 0; k < slots; k++)
        {
            byte* chain = *(byte**)(table + 16 + 8 * k);
            if (expected[k] == 0 && chain == null)
                continue;
            Assert.Equal(expected[k], *(long*)(chain + 16));
            Assert.Equal(expected[k], *(long*)(*(byte**)(chain + 8) + 16));
        }
        Assert.True(GcHeap.MinorCollectionCount > 10);
        Assert.Equal(0, GcImports.MissedBarrierReports);
        Assert.True(GcHeap.HeapBytes < (nuint)(8 << 20), $"heap {GcHeap.HeapBytes}");
    }
}
