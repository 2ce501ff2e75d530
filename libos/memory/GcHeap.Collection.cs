namespace Testbed.LibOS.Memory
{
    /// <summary>Collection: roots, marking through <see cref="GcMarker"/>, an eager sweep of the bitmaps, statistics.</summary>
    public static unsafe partial class GcHeap
    {
        private static long s_collections;
        private static ulong s_totalPauseTicks;
        private static ulong s_maxPauseTicks;
        private static ulong s_lastPauseTicks;
        private static ulong s_allocatedBeforeLastCollection;
        private static nuint s_liveBytes;
        private static nuint s_heapBytes;
        private static nuint s_lastFailedRequest;

        private static void ResetStatistics()
        {
            s_collections = 0;
            s_totalPauseTicks = 0;
            s_maxPauseTicks = 0;
            s_lastPauseTicks = 0;
            s_allocatedBeforeLastCollection = 0;
            s_liveBytes = 0;
            s_heapBytes = 0;
            s_lastFailedRequest = 0;
            s_minorCollections = 0;
            s_minorPauseTicks = 0;
            s_maxMinorPauseTicks = 0;
            s_missedBarriers = 0;
        }

        /// <summary>The pauses of the most recent collections, for percentiles (bench/gc).</summary>
        public const nuint PauseLogEntries = 4096;
        private static ulong* s_pauseLog;

        /// <summary>The pause of collection <paramref name="number"/> (0 is the first) in TSC ticks, or -1 if it is not among the last <see cref="PauseLogEntries"/>.</summary>
        public static long PauseTicksOf(long number)
        {
            if (number < 0 || number >= s_collections || s_collections - number > (long)PauseLogEntries)
                return -1;
            return (long)s_pauseLog[(nuint)number & (PauseLogEntries - 1)];
        }

        public static long CollectionCount => s_collections;
        /// <summary>Bytes handed out since start-up, cells rounded up to their size class.</summary>
        public static ulong TotalAllocatedBytes => s_allocatedBeforeLastCollection + s_bytesSinceCollection;
        /// <summary>Bytes of objects found live by the last collection.</summary>
        public static nuint LiveBytesAfterLastCollection => s_liveBytes;
        /// <summary>Live after the last collection plus everything allocated since, as .NET's GetTotalMemory(false) estimates.</summary>
        public static nuint BytesInUse => s_liveBytes + s_bytesSinceCollection;
        /// <summary>Bytes of chunks currently holding cells or large objects.</summary>
        public static nuint HeapBytes => s_heapBytes;
        /// <summary>What ordinary allocation may grow to: the region less the collector's tables and the out-of-memory reserve.</summary>
        public static nuint HeapCapacity => (s_chunkCount - s_reserveChunks) << ChunkShift;
        public static ulong TotalPauseTicks => s_totalPauseTicks;
        public static ulong MaxPauseTicks => s_maxPauseTicks;
        public static ulong LastPauseTicks => s_lastPauseTicks;
        public static nuint LastFailedRequest => s_lastFailedRequest;

        /// <summary>
        /// A full collection. <paramref name="stackPointer"/> is the lowest live address of the current
        /// stack, below the callee-saved registers the caller pushed, so they are scanned too.
        /// </summary>
        public static void Collect(void* stackPointer)
        {
            if (s_collecting || s_chunkCount == 0)
                return;
            s_collecting = true;
            ulong start = GcImports.ReadTimestamp();

            bool minor = ChooseMinor();
            GcMarker.BeginCollection();
            if (minor)
                ScanDirtyCards();
            else
                ClearAllMarks();
            GcRoots.ScanStaticRoots();
            GcRoots.ScanStacks((byte*)stackPointer);
            GcMarker.Drain();
            while (GcMarker.TakeOverflow())
                RescanMarkedObjects();
            if (s_verifyBarriers)
                VerifyMarkedClosure();
            Sweep(minor);
            if (!minor)
                ClearCards();

            nuint allocated = s_bytesSinceCollection;
            s_allocatedBeforeLastCollection += s_bytesSinceCollection;
            s_bytesSinceCollection = 0;
            s_lastWasMinor = minor;
            ulong pause = GcImports.ReadTimestamp() - start;
            if (s_generational)
            {
                if (minor)
                    ResizeNursery(pause, allocated);
                else
                    s_majorTrigger = 2 * s_liveBytes > s_minimumBudget ? 2 * s_liveBytes : s_minimumBudget;
                s_budget = s_nurseryBytes;
            }
            else
                s_budget = s_liveBytes > s_minimumBudget ? s_liveBytes : s_minimumBudget;
            if (minor)
            {
                s_minorCollections++;
                s_minorPauseTicks += pause;
                if (pause > s_maxMinorPauseTicks)
                    s_maxMinorPauseTicks = pause;
            }
            s_pauseLog[(nuint)s_collections & (PauseLogEntries - 1)] = pause;
            s_collections++;
            s_lastPauseTicks = pause;
            s_totalPauseTicks += pause;
            if (pause > s_maxPauseTicks)
                s_maxPauseTicks = pause;
            s_collecting = false;
        }

        /// <summary>
        /// Marks the object containing <paramref name="address"/> (its start or any byte inside it).
        /// Returns the object's start if this call marked it, null if it was marked already or the
        /// address is in no allocated object: outside the heap, in a free chunk or cell, in a header.
        /// </summary>
        public static byte* MarkAddress(nuint address)
        {
            // Addresses below the base wrap around to huge offsets, so one comparison bounds both ends.
            nuint offset = address - (nuint)s_base;
            if (offset >= s_highWater << ChunkShift)
                return null;
            nuint index = offset >> ChunkShift;
            ChunkEntry* entry = s_chunks + index;
            byte kind = entry->Kind;
            if (kind == KindSmall)
            {
                if (entry->Young == 0)
                    return null;
                byte* chunkBase = s_base + (index << ChunkShift);
                nuint within = offset & (ChunkSize - 1);
                if (within < DataOffset)
                    return null;
                SmallChunk* chunk = (SmallChunk*)chunkBase;
                nuint cell = (nuint)(((ulong)(within - DataOffset) * chunk->Reciprocal) >> 32);
                if (cell >= chunk->CellCount)
                    return null;
                nuint cellOffset = DataOffset + cell * chunk->CellSize;
                nuint bit = cellOffset >> 3;
                ulong mask = 1UL << (int)(bit & 63);
                if ((((ulong*)(chunkBase + AllocBitsOffset))[bit >> 6] & mask) == 0)
                    return null;
                ulong* markWord = (ulong*)(chunkBase + MarkBitsOffset) + (bit >> 6);
                if ((*markWord & mask) != 0)
                    return null;
                *markWord |= mask;
                // Nothing to scan in an object without references: it is not even read.
                if (entry->SizeClass >= NoScanLists)
                    return null;
                return chunkBase + cellOffset;
            }
            if (kind == KindLargeContinuation)
            {
                index = entry->Extra;
                entry = s_chunks + index;
            }
            else if (kind != KindLargeStart)
                return null;
            if (entry->Marked != 0)
                return null;
            entry->Marked = 1;
            return s_base + (index << ChunkShift);
        }

        /// <summary>Whether <paramref name="obj"/> is the start of an allocated object (not yet reclaimed).</summary>
        public static bool IsAllocated(void* obj)
        {
            nuint offset = (nuint)obj - (nuint)s_base;
            if (offset >= s_highWater << ChunkShift)
                return false;
            nuint index = offset >> ChunkShift;
            ChunkEntry* entry = s_chunks + index;
            nuint within = offset & (ChunkSize - 1);
            if (entry->Kind == KindLargeStart)
                return within == 0;
            if (entry->Kind != KindSmall || within < DataOffset)
                return false;
            SmallChunk* chunk = (SmallChunk*)(s_base + (index << ChunkShift));
            if ((within - DataOffset) % chunk->CellSize != 0)
                return false;
            nuint bit = within >> 3;
            return (((ulong*)((byte*)chunk + AllocBitsOffset))[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
        }

        /// <summary>
        /// After the mark stack overflowed, some marked objects were never scanned: scan every marked
        /// object again (scanning one twice is harmless) until a pass completes without overflow.
        /// </summary>
        private static void RescanMarkedObjects() => ForEachMarkedObject(&ScanAndDrain);

        private static void ScanAndDrain(byte* obj)
        {
            GcMarker.ScanObject(obj);
            GcMarker.Drain();
        }

        /// <summary>Every marked object that may hold references (no-scan cells have none), in address order.</summary>
        private static void ForEachMarkedObject(delegate*<byte*, void> visit)
        {
            for (nuint index = 0; index < s_highWater; index++)
            {
                ChunkEntry* entry = s_chunks + index;
                byte* chunkBase = s_base + (index << ChunkShift);
                if (entry->Kind == KindLargeStart)
                {
                    if (entry->Marked != 0)
                        visit(chunkBase);
                    index += entry->Extra - 1;
                    continue;
                }
                if (entry->Kind != KindSmall || entry->SizeClass >= NoScanLists)
                    continue;
                ulong* markBits = (ulong*)(chunkBase + MarkBitsOffset);
                for (nuint w = 0; w < BitmapBytes / 8; w++)
                {
                    ulong bits = markBits[w];
                    while (bits != 0)
                    {
                        int low = TrailingZeroCount(bits);
                        bits &= bits - 1;
                        visit(chunkBase + ((w * 64 + (nuint)low) << 3));
                    }
                }
            }
        }

        /// <summary>
        /// Cells: the mark bitmap becomes the allocation bitmap and stays (marks are sticky: a marked
        /// object is old, and a major collection clears them first);
        /// chunks left empty and unmarked large objects go back to the chunk pool; the others are
        /// queued for allocation, which then only needs to look at the bits.
        /// </summary>
        private static void Sweep(bool minor)
        {
            // The chunks being allocated from are young and are queued again below if they have room.
            // A minor collection keeps the queues: a chunk still queued received no cell since the
            // last sweep, so nothing in it changed, and its header is not even read (a cache miss per chunk).
            for (int cls = 0; cls < s_classCount; cls++)
            {
                s_current[cls] = null;
                s_current[cls + NoScanLists] = null;
                if (minor)
                    continue;
                s_partial[cls] = null;
                s_partial[cls + NoScanLists] = null;
            }
            nuint live = 0;
            nuint heapBytes = 0;
            for (nuint index = 0; index < s_highWater; index++)
            {
                ChunkEntry* entry = s_chunks + index;
                byte* chunkBase = s_base + (index << ChunkShift);
                if (entry->Kind == KindSmall)
                {
                    // A chunk without young cells kept its bitmaps and count since the last sweep (marks are sticky).
                    if (entry->Young == 0)
                    {
                        live += (nuint)entry->Extra * s_cellSize[entry->SizeClass % NoScanLists];
                        heapBytes += ChunkSize;
                        continue;
                    }
                    SmallChunk* chunk = (SmallChunk*)chunkBase;
                    nuint cells = SweepBitmaps(chunkBase);
                    entry->Young = 0;
                    entry->Extra = (uint)cells;
                    if (cells == 0)
                    {
                        entry->Kind = KindFree;
                        continue;
                    }
                    live += cells * chunk->CellSize;
                    heapBytes += ChunkSize;
                    chunk->Cursor = 0;
                    chunk->NeedsZeroing = 1;
                    if (cells < chunk->CellCount)
                    {
                        chunk->Next = s_partial[entry->SizeClass];
                        s_partial[entry->SizeClass] = chunk;
                    }
                }
                else if (entry->Kind == KindLargeStart)
                {
                    nuint chunks = entry->Extra;
                    if (entry->Marked != 0)
                    {
                        live += GcMarker.ObjectSize(chunkBase);
                        heapBytes += chunks << ChunkShift;
                    }
                    else
                    {
                        for (nuint i = 0; i < chunks; i++)
                            s_chunks[index + i].Kind = KindFree;
                    }
                    index += chunks - 1;
                }
            }
            s_liveBytes = live;
            s_heapBytes = heapBytes;
            s_freeHint = 0;
            // Free chunks at the top count as never used again, so later sweeps and scans stop sooner.
            while (s_highWater > 0 && s_chunks[s_highWater - 1].Kind == KindFree)
                s_highWater--;
            // The out-of-memory reserve comes back only once there is room again: while the exception
            // propagates the heap is still full, and its allocations must find the reserve.
            nuint usableChunks = s_chunkCount - s_reserveChunks;
            if ((heapBytes >> ChunkShift) + s_reserveChunks <= usableChunks)
                s_chunkLimit = usableChunks;
        }

        private static nuint SweepBitmaps(byte* chunkBase)
        {
            ulong* allocBits = (ulong*)(chunkBase + AllocBitsOffset);
            ulong* markBits = (ulong*)(chunkBase + MarkBitsOffset);
            nuint cells = 0;
            for (nuint w = 0; w < BitmapBytes / 8; w++)
            {
                ulong bits = markBits[w];
                allocBits[w] = bits;
                cells += PopCount(bits);
            }
            return cells;
        }

        private static nuint PopCount(ulong x)
        {
            x -= (x >> 1) & 0x5555555555555555UL;
            x = (x & 0x3333333333333333UL) + ((x >> 2) & 0x3333333333333333UL);
            x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (nuint)((x * 0x0101010101010101UL) >> 56);
        }

        private static int TrailingZeroCount(ulong x)
        {
            int n = 0;
            while ((x & 1) == 0)
            {
                x >>= 1;
                n++;
            }
            return n;
        }
    }
}
