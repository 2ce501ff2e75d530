using System;
using Testbed.LibOS.Drivers.Virtio;

// Plays a misbehaving device against the driver's split virtqueue: after one well-formed completion,
// the "device" (this program, writing the used ring as a device would) returns a descriptor id that
// is not outstanding, then one beyond the ring. The driver must take the first, refuse the others
// with a report, disable the queue, and never hand out a bogus buffer.
static unsafe class Program
{
    static int Main()
    {
        Virtqueue queue = Virtqueue.Create(7, 8);
        ulong* addresses = stackalloc ulong[1];
        uint* lengths = stackalloc uint[1];
        ushort* flags = stackalloc ushort[1];
        byte* buffer = stackalloc byte[64];
        addresses[0] = (ulong)buffer;
        lengths[0] = 64;
        flags[0] = Virtqueue.DescriptorDeviceWrites;
        int head = queue.Add(addresses, lengths, flags, 1);
        Console.WriteLine("added head " + head + ", free " + queue.FreeDescriptors);

        Complete(queue, 0, (uint)head, 17);
        bool took = queue.TryTakeUsed(out int usedHead, out uint written);
        Console.WriteLine("took " + took + " head " + usedHead + " written " + written + ", free " + queue.FreeDescriptors);

        // The same head again: nothing is outstanding any more.
        Complete(queue, 1, (uint)head, 5);
        took = queue.TryTakeUsed(out usedHead, out written);
        Console.WriteLine("repeat taken " + took + " head " + usedHead + ", broken " + queue.Broken);

        // Once broken, nothing is taken or added, whatever the device writes.
        Complete(queue, 2, 100, 1);
        Console.WriteLine("after: taken " + queue.TryTakeUsed(out usedHead, out written) + ", add " + queue.Add(addresses, lengths, flags, 1));
        return queue.Broken ? 0 : 1;
    }

    /// <summary>Writes used-ring entry <paramref name="slot"/> and publishes it, as the device would.</summary>
    static void Complete(Virtqueue queue, int slot, uint id, uint length)
    {
        byte* used = (byte*)queue.DeviceRing;
        *(uint*)(used + 4 + 8 * slot) = id;
        *(uint*)(used + 8 + 8 * slot) = length;
        *(ushort*)(used + 2) = (ushort)(slot + 1);
    }
}
