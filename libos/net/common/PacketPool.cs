namespace Testbed.LibOS.Net
{
    /// <summary>
    /// Recycled <see cref="PacketBuffer"/>s of one size. The pool never refuses: when its free list is
    /// empty it allocates, and it keeps at most <see cref="MaxFreeBuffers"/> returned buffers, so a
    /// burst costs the collector once and steady traffic costs it nothing. What bounds memory is the
    /// queues' limits (receive windows, ARP's pending queue, the loopback queue), not the pool.
    /// </summary>
    public sealed class PacketPool
    {
        public const int MaxFree = 1024;
        /// <summary>Free large buffers kept: 16 x 64 KiB, enough for a loopback connection's window in flight.</summary>
        public const int MaxFreeLarge = 16;

        private readonly int capacity;
        private readonly int maxFree;
        private PacketBuffer free;
        private int freeCount;

        /// <summary>Buffers created, for diagnostics.</summary>
        public long Allocated;

        /// <summary>Standard buffers (<see cref="PacketBuffer.Capacity"/>): Ethernet frames, and everything small.</summary>
        public static readonly PacketPool Shared = new PacketPool();
        /// <summary>Large buffers (<see cref="PacketBuffer.LargeCapacity"/>) for the loopback's 64 KiB packets.</summary>
        public static readonly PacketPool Large = new PacketPool(PacketBuffer.LargeCapacity, MaxFreeLarge);

        public PacketPool() : this(PacketBuffer.Capacity, MaxFree)
        {
        }

        public PacketPool(int capacity, int maxFree)
        {
            this.capacity = capacity;
            this.maxFree = maxFree;
        }

        /// <summary>Bytes each buffer holds after its headroom.</summary>
        public int Capacity => capacity;

        /// <summary>A buffer with room for <paramref name="bytes"/> after the headroom: standard when it fits, else large.</summary>
        public static PacketBuffer RentFor(int bytes) => bytes <= PacketBuffer.Capacity ? Shared.Rent() : Large.Rent();

        public PacketBuffer Rent()
        {
            PacketBuffer buffer = free;
            if (buffer != null)
            {
                free = buffer.Next;
                freeCount--;
                buffer.Next = null;
                buffer.IsPooled = false;
            }
            else
            {
                buffer = new PacketBuffer(capacity);
                buffer.Pool = this;
                Allocated++;
            }
            buffer.Reset();
            return buffer;
        }

        internal void Return(PacketBuffer buffer)
        {
            if (buffer.IsPooled)
                NetCounters.DoubleRelease++;
            else if (freeCount < maxFree)
            {
                buffer.IsPooled = true;
                buffer.Next = free;
                free = buffer;
                freeCount++;
            }
        }
    }
}
