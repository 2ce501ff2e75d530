using System.Runtime;
using Testbed.LibOS.Drivers.Virtio;
using Testbed.LibOS.Threading;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// A virtio-blk disk as a file of bytes: reads and writes of any length at any offset. Whole sectors
    /// go straight between the caller's buffer and the device (the identity map makes a pointer its own
    /// physical address, so no copy); the partial sectors at either end go through a bounce page, a
    /// write as read-modify-write. One operation at a time per disk, because a green thread waiting for
    /// the device lets another run, which must not see or modify a half-rewritten sector.
    /// </summary>
    internal sealed unsafe class RawDisk
    {
        internal const int EIO = 5;
        internal const int ENOSPC = 28;

        private const int SectorSize = VirtioBlock.SectorSize;
        /// <summary>The most sectors one request moves (128 KiB): long transfers become several requests.</summary>
        private const int MaxSectorsPerRequest = 256;

        private static RawDisk[] s_disks;

        private readonly VirtioBlock device;
        private readonly Semaphore exclusive = new Semaphore(1);
        private byte* bounce;

        internal readonly long Capacity;

        private RawDisk(VirtioBlock device)
        {
            this.device = device;
            Capacity = (long)device.SectorCount * SectorSize;
        }

        /// <summary>Disk <paramref name="index"/> in the order of <c>--disk</c>; null when the machine has no such disk.</summary>
        internal static RawDisk Get(int index)
        {
            if (index < 0 || index >= Devices.BlockCount)
                return null;
            if (s_disks == null)
                s_disks = new RawDisk[Devices.BlockCount];
            return s_disks[index] ??= new RawDisk(Devices.Block(index));
        }

        /// <summary>Bytes read, fewer at the end of the disk, 0 past it; or -EIO.</summary>
        internal long Read(byte* buffer, int count, long offset)
        {
            if (offset >= Capacity || count <= 0)
                return 0;
            if (count > Capacity - offset)
                count = (int)(Capacity - offset);
            exclusive.Wait();
            long result = Transfer(buffer, count, offset, write: false);
            exclusive.Release();
            return result;
        }

        /// <summary>
        /// All <paramref name="count"/> bytes written, or -ENOSPC once the end of the disk is reached (what
        /// fits before it is written first, as a Linux block device does), or -EIO.
        /// </summary>
        internal long Write(byte* buffer, int count, long offset)
        {
            if (count <= 0)
                return 0;
            if (offset >= Capacity)
                return -ENOSPC;
            int fits = count > Capacity - offset ? (int)(Capacity - offset) : count;
            exclusive.Wait();
            long result = Transfer(buffer, fits, offset, write: true);
            exclusive.Release();
            if (result < 0)
                return result;
            return fits < count ? -ENOSPC : count;
        }

        /// <summary>VIRTIO_BLK_T_FLUSH; a device that does not offer it has no volatile cache, so there is nothing to do.</summary>
        internal int Flush()
        {
            if (!device.CanFlush)
                return 0;
            exclusive.Wait();
            int status = device.Flush();
            exclusive.Release();
            return status == 0 ? 0 : -EIO;
        }

        private long Transfer(byte* buffer, int count, long offset, bool write)
        {
            if (bounce == null)
            {
                bounce = (byte*)PhysicalPages.Allocate(1);
                if (bounce == null)
                    return -EIO;
            }
            int done = 0;
            while (done < count)
            {
                ulong sector = (ulong)(offset + done) / SectorSize;
                int within = (int)((offset + done) % SectorSize);
                int remaining = count - done;
                int status;
                int moved;
                if (within != 0 || remaining < SectorSize)
                {
                    moved = SectorSize - within < remaining ? SectorSize - within : remaining;
                    status = device.Read(sector, bounce, 1);
                    if (status == 0 && write)
                    {
                        System.Runtime.Memory.Copy(bounce + within, buffer + done, (nuint)moved);
                        status = device.Write(sector, bounce, 1);
                    }
                    else if (status == 0)
                    {
                        System.Runtime.Memory.Copy(buffer + done, bounce + within, (nuint)moved);
                    }
                }
                else
                {
                    int sectors = remaining / SectorSize < MaxSectorsPerRequest ? remaining / SectorSize : MaxSectorsPerRequest;
                    moved = sectors * SectorSize;
                    status = write ? device.Write(sector, buffer + done, sectors) : device.Read(sector, buffer + done, sectors);
                }
                if (status != 0)
                    return -EIO;
                done += moved;
            }
            return done;
        }
    }
}
