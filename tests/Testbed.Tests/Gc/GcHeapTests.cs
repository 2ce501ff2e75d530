using Xunit;
using Testbed.LibOS.Memory;

namespace Testbed.Tests.Gc;

/// <summary>The heap under load: deep structures, mark-stack overflow, churn in a fixed heap, exhaustion, fragmentation, zeroing.</summary>
[Collection("Gc")]
public unsafe class GcHeapTests
{
    [Fact]
    public void AMillionNodeListIsMarkedWithoutRecursion()
    {
        // xunit's thread has about 1.5 MiB of stack: a recursive marker would need a frame per node.
        using var heap = new TestHeap(64 << 20);
        int slot = heap.Root(null);
        byte* list = null;
        for (int i = 0; i < 1_000_000; i++)
        {
            list = heap.NewNode(list, i);
            heap.SetSlot(slot, list);
        }
        heap.Collect();

        Assert.Equal((nuint)24_000_000, GcHeap.LiveBytesAfterLastCollection);
        long count = 0;
        for (byte* n = list; n != null; n = *(byte**)(n + 8))
            count++;
        Assert.Equal(1_000_000, count);
    }

    [Fact]
    public void AnOverflowingMarkStackStillMarksEverything()
    {
        using var heap = new TestHeap(16 << 20, markStackEntries: 8);
        nuint overflowsBefore = GcMarker.Overflows;
        // A wide array of lists and a binary tree: far more pending objects than 8 entries hold.
        var array = heap.NewArray(FakeTypes.ObjectArray, 2000);
        heap.Root(array);
        for (int i = 0; i < 2000; i++)
            ((byte**)(array + 16))[i] = heap.NewNode(heap.NewNode(heap.NewNode(null, i), i), i);
        byte* tree = BuildTree(heap, 12);
        heap.Root(tree);
        for (int i = 0; i < 5000; i++)
            heap.NewNode(null, -1);

        heap.Collect();

        Assert.True(GcMarker.Overflows > overflowsBefore);
        for (int i = 0; i < 2000; i++)
        {
            byte* n = ((byte**)(array + 16))[i];
            for (int depth = 0; depth < 3; n = *(byte**)(n + 8), depth++)
                Assert.True(GcHeap.IsAllocated(n));
        }
        nuint expected = GcMarker.ObjectSize(array) + 2000 * 3 * 24 + ((1u << 13) - 1) * 32;
        Assert.Equal(expected, GcHeap.LiveBytesAfterLastCollection);
    }

    private static byte* BuildTree(TestHeap heap, int depth)
    {
        // Rooted while its children are built, as a compiled program's stack would hold it.
        byte* pair = heap.New(FakeTypes.Pair, 32);
        heap.Root(pair);
        if (depth > 0)
        {
            *(byte**)(pair + 8) = BuildTree(heap, depth - 1);
            *(byte**)(pair + 16) = BuildTree(heap, depth - 1);
        }
        heap.Pop();
        return pair;
    }

    [Fact]
    public void FiftyTimesTheHeapInShortLivedObjectsFitsInTheHeap()
    {
        const nuint region = 4 << 20;
        using var heap = new TestHeap(region, minimumBudget: 1 << 20);
        // A window of 256 live lists, each replaced as new ones arrive: a steady live set.
        var window = heap.NewArray(FakeTypes.ObjectArray, 256);
        heap.Root(window);
        // The list being built lives in a local, which compiled code keeps on its stack.
        int building = heap.Root(null);
        var rng = new Random(1);
        ulong allocated = 0;
        long checksum = 0;
        for (int round = 0; allocated < 50 * (ulong)region; round++)
        {
            byte* list = null;
            int length = rng.Next(1, 40);
            for (int i = 0; i < length; i++)
            {
                list = heap.NewNode(list, i);
                heap.SetSlot(building, list);
            }
            byte* bytes = heap.NewArray(FakeTypes.ByteArray, rng.Next(0, round % 100 == 0 ? 100_000 : 600));
            Assert.True(list != null && bytes != null, $"allocation failed after {allocated} bytes");
            ((byte**)(window + 16))[round & 255] = list;
            allocated += (ulong)length * 24 + GcMarker.ObjectSize(bytes);
            for (byte* n = ((byte**)(window + 16))[(round + 1) & 255]; n != null; n = *(byte**)(n + 8))
                checksum += *(long*)(n + 16);
        }

        Assert.Equal(0, GcImports.OutOfMemoryCalls);
        Assert.True(GcHeap.CollectionCount > 50);
        Assert.True(GcHeap.HeapBytes <= GcHeap.HeapCapacity);
        Assert.True(GcHeap.TotalAllocatedBytes >= 50 * (ulong)region);
        Assert.True(checksum > 0);
    }

    [Fact]
    public void ExhaustionWithEverythingLiveCallsTheHookAndReturnsNull()
    {
        using var heap = new TestHeap(4 << 20);
        int slot = heap.Root(null);
        byte* list = null;
        long count = 0;
        while (true)
        {
            byte* node = heap.NewNode(list, count);
            if (node == null)
                break;
            list = node;
            heap.SetSlot(slot, list);
            count++;
        }
        Assert.Equal(1, GcImports.OutOfMemoryCalls);
        Assert.Equal((nuint)24, GcHeap.LastFailedRequest);
        // The collector's tables and the out-of-memory reserve take a few chunks of the 64.
        Assert.True(count * 24 > (4 << 20) * 8 / 10, $"only {count} nodes fit in 4 MiB");
        // Still consistent: every node is there, and dropping them makes room again.
        long seen = 0;
        for (byte* n = list; n != null; n = *(byte**)(n + 8))
            seen++;
        Assert.Equal(count, seen);
        // The reserve went to the first exception; with nothing freed since, a second one is fatal.
        Assert.True(heap.NewArray(FakeTypes.ByteArray, 1 << 20) == null);
        Assert.Equal(1, GcImports.OutOfMemoryCalls);
        Assert.Equal(1, GcImports.FatalOutOfMemoryCalls);
        heap.SetSlot(slot, null);
        Assert.True(heap.NewArray(FakeTypes.ByteArray, 1 << 20) != null);
        // Freeing memory re-arms the reserve: the next exhaustion is an exception again.
        int again = heap.Root(null);
        byte* list2 = null;
        while ((list2 = heap.NewNode(list2, 0)) != null)
            heap.SetSlot(again, list2);
        Assert.Equal(2, GcImports.OutOfMemoryCalls);
        Assert.Equal(1, GcImports.FatalOutOfMemoryCalls);
    }

    [Fact]
    public void AbsurdSizesFailCleanly()
    {
        using var heap = new TestHeap(2 << 20);
        Assert.True(GcHeap.Allocate(nuint.MaxValue - 3) == null);
        Assert.Equal(1, GcImports.OutOfMemoryCalls);
        heap.Collect(); // nothing in use: the reserve is back
        Assert.True(GcHeap.Allocate(64 << 20) == null);
        Assert.Equal(2, GcImports.OutOfMemoryCalls);
        Assert.True(heap.NewNode(null, 1) != null);
    }

    [Fact]
    public void LargeObjectsAreReclaimedAndTheirChunksReusedForAnyClass()
    {
        using var heap = new TestHeap(8 << 20, minimumBudget: 1 << 20);
        var kept = heap.NewArray(FakeTypes.ByteArray, 200_000);
        heap.Root(kept);
        for (int i = 0; i < 200; i++)
        {
            var dropped = heap.NewArray(FakeTypes.ByteArray, 150_000 + i * 1000);
            Assert.True(dropped != null);
            for (int b = 0; b < 150_000; b += 4096)
                Assert.Equal(0, dropped[16 + b]);
            dropped[16 + 1000] = 0xEE;
        }
        Assert.True(GcHeap.IsAllocated(kept));
        // All but the kept object's chunks are free: small cells can fill them.
        heap.Collect();
        Assert.Equal(GcMarker.ObjectSize(kept), GcHeap.LiveBytesAfterLastCollection);
        int nodes = 0;
        while (heap.NewNode(null, nodes) != null && nodes < 200_000)
            nodes++;
        Assert.Equal(200_000, nodes);
    }

    [Fact]
    public void ReusedCellsAreZeroed()
    {
        using var heap = new TestHeap(4 << 20);
        var cells = new List<nint>();
        for (int i = 0; i < 3000; i++)
        {
            var p = heap.New(FakeTypes.Leaf, 48);
            for (int b = 8; b < 48; b++)
                p[b] = 0xAB;
            cells.Add((nint)p);
        }
        for (int i = 0; i < cells.Count; i += 3)
            heap.Root((void*)cells[i]);
        heap.Collect();
        nuint chunks = GcHeap.HeapBytes;
        int reused = 0;
        for (int i = 0; i < 2000; i++)
        {
            var p = heap.New(FakeTypes.Leaf, 48);
            if (cells.Contains((nint)p))
                reused++;
            for (int b = 8; b < 48; b++)
                Assert.Equal(0, p[b]);
        }
        // The 2000 cells freed are found again before the heap grows.
        Assert.Equal(chunks, GcHeap.HeapBytes);
        Assert.True(reused > 1000, $"{reused} cells reused");
    }

    [Fact]
    public void MixedSizesAndLargeObjectsChurnWithoutLeakingChunks()
    {
        // Survivors of every size class pin their chunks (nothing moves), so large requests need
        // the chunks that empty out; over many rounds no chunk may be lost.
        const nuint region = 8 << 20;
        using var heap = new TestHeap(region, minimumBudget: 1 << 20);
        var keep = heap.NewArray(FakeTypes.ObjectArray, 300);
        heap.Root(keep);
        var rng = new Random(7);
        for (int round = 0; round < 60; round++)
        {
            for (int i = 0; i < 2000; i++)
            {
                byte* obj = heap.New(FakeTypes.Leaf, (nuint)rng.Next(16, 3000));
                Assert.True(obj != null, $"round {round}: small allocation failed");
                if (i % 100 == 0)
                    ((byte**)(keep + 16))[(i / 100 + round * 20) % 300] = obj;
            }
            Assert.True(heap.NewArray(FakeTypes.ByteArray, 200_000) != null, $"round {round}: large allocation failed");
        }
        Assert.Equal(0, GcImports.OutOfMemoryCalls);
        heap.SetSlot(0, null);
        heap.Collect();
        Assert.Equal((nuint)0, GcHeap.HeapBytes);
        Assert.True(heap.NewArray(FakeTypes.ByteArray, (int)(region * 3 / 4)) != null, "the emptied heap has no large run");
    }

    [Fact]
    public void AZeroedRegionIsUsedWithoutClearingAndStillHandsOutZeroes()
    {
        using var heap = new TestHeap(4 << 20, regionIsZeroed: true);
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 20_000; i++)
            {
                byte* node = heap.NewNode(null, 0);
                Assert.Equal(0L, *(long*)(node + 8));
                *(long*)(node + 8) = -1;
            }
            heap.Collect();
        }
        Assert.Equal(0, GcImports.OutOfMemoryCalls);
    }
}
