// .NET's GC API where CoreCLR and Testbed must agree: collections are counted, GC.Collect reclaims
// memory nothing refers to and keeps what is referenced, allocation counters only grow. Prints
// comparisons, never raw numbers (the two heaps differ in everything but these facts).
using System;
using System.Runtime.CompilerServices;

class Chunk
{
    public byte[] Data;
    public Chunk Next;
}

static class Program
{
    static Chunk s_kept;

    // A frame of its own, so that no reference to the dropped chunks outlives it in Main's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static long AllocateAndDrop(int count)
    {
        long sum = 0;
        Chunk list = null;
        for (int i = 0; i < count; i++)
        {
            list = new Chunk { Data = new byte[1 << 20], Next = list };
            list.Data[i] = (byte)i;
            sum += list.Data[i];
        }
        return sum;
    }

    static int Main()
    {
        for (int i = 0; i < 8; i++)
            s_kept = new Chunk { Data = new byte[1 << 20], Next = s_kept };
        s_kept.Data[7] = 7;

        int before = GC.CollectionCount(0);
        int beforeFull = GC.CollectionCount(2);
        GC.Collect();
        Console.WriteLine("Collect counts: " + (GC.CollectionCount(0) > before));
        // A full collection counts in every generation; generation 0 also counts the minor ones.
        Console.WriteLine("every generation counts it: " + (GC.CollectionCount(2) > beforeFull && GC.CollectionCount(1) > beforeFull - 1));
        Console.WriteLine("generation 0 counts at least as many: " + (GC.CollectionCount(0) >= GC.CollectionCount(2)));
        Console.WriteLine("no generation 3: " + (GC.CollectionCount(3) == 0));

        long baseline = GC.GetTotalMemory(true);
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        long sum = AllocateAndDrop(40);
        long allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        Console.WriteLine("sum " + sum);
        Console.WriteLine("allocation counted: " + (allocated >= 40L << 20));
        long after = GC.GetTotalMemory(true);
        Console.WriteLine("dropped memory reclaimed: " + (after < baseline + (20L << 20)));
        Console.WriteLine("kept memory kept: " + (after >= 8L << 20));

        int kept = 0;
        for (Chunk c = s_kept; c != null; c = c.Next)
            kept += c.Data.Length >> 20;
        Console.WriteLine("kept " + kept + " MiB, marker " + s_kept.Data[7]);

        try
        {
            GC.CollectionCount(-1);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine("negative generation rejected: " + e.ParamName);
        }
        return kept;
    }
}
