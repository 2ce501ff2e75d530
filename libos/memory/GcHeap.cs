namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// The garbage-collected heap: a non-moving mark-sweep collector over one region (docs/gc.md).
    /// The region is cut into 64 KiB chunks. A chunk holds either cells of one size class, with an
    /// allocation bitmap and a mark bitmap in its header, or part of one large object. A side table
    /// with one entry per chunk tells which, so any address maps to its object by arithmetic: that is
    /// what lets conservative stack words be checked cheaply.
    /// </summary>
    public static unsafe partial class GcHeap
    {
        public const int ChunkShift = 16;
        public const nuint ChunkSize = (nuint)1 << ChunkShift;
        /// <summary>Largest request served from size-class cells; anything bigger gets whole chunks.</summary>
        public const nuint MaxSmallSize = 8192;
        /// <summary>Collect once this many bytes were allocated since the last collection, or the live size if larger.</summary>
        public const nuint DefaultMinimumBudget = 4 * 1024 * 1024;
        public const nuint DefaultMarkStackEntries = 16384;
        private const nuint MaxReserveChunks = 4;

        private const byte KindFree = 0;
        private const byte KindSmall = 1;
        private const byte KindLargeStart = 2;
        private const byte KindLargeContinuation = 3;

        // Header of a size-class chunk, then its two bitmaps (one bit per 8-byte granule of the
        // chunk, header granules included so that the bit index is just the offset >> 3), then cells.
        private const nuint AllocBitsOffset = 64;
        private const nuint BitmapBytes = ChunkSize >> 6;
        private const nuint MarkBitsOffset = AllocBitsOffset + BitmapBytes;
        private const nuint DataOffset = MarkBitsOffset + BitmapBytes;
        private const int MaxSizeClasses = 48;
        /// <summary>Allocation lists from here on hold objects without references.</summary>
        private const uint NoScanLists = MaxSizeClasses;

        private struct ChunkEntry
        {
            public byte Kind;
            public byte Marked;     // large objects only; cells use the chunk's mark bitmap
            public byte Dirty;      // the chunk may hold non-zero bytes (a zeroed region needs no initialisation)
            // The allocation list: the size class, plus NoScanLists for objects without references.
            public byte SizeClass;
            // Small chunks: cells were handed out here since the last collection, so it may hold young
            // objects. A minor collection ignores references into other chunks (all old or free) without
            // touching their bitmaps, and its sweep skips them.
            public byte Young;
            public uint Extra;      // LargeStart: chunks in the run; LargeContinuation: index of the start; Small: live cells at the last sweep
        }

        private struct SmallChunk
        {
            public uint CellSize;
            public uint CellCount;
            // ceil(2^32 / CellSize): offset * Reciprocal >> 32 is offset / CellSize for every offset in
            // a chunk, which spares a division for each conservative word that lands here.
            public ulong Reciprocal;
            public uint Cursor;
            public uint NeedsZeroing;
            public SmallChunk* Next;
        }

        private static byte* s_base;
        private static nuint s_chunkCount;
        // How many chunks may be in use: all but a reserve kept for raising OutOfMemoryException,
        // whose propagation allocates (its stack trace) exactly when nothing is left.
        private static nuint s_chunkLimit;
        private static nuint s_reserveChunks;
        private static bool s_raisingOutOfMemory;
        private static nuint s_highWater;
        private static nuint s_freeHint;
        private static ChunkEntry* s_chunks;
        private static byte* s_classOfGranule;
        private static uint* s_cellSize;
        private static int s_classCount;
        private static SmallChunk** s_current;
        private static SmallChunk** s_partial;
        private static nuint s_budget;
        private static nuint s_minimumBudget;
        private static nuint s_bytesSinceCollection;
        private static bool s_collecting;

        /// <summary>
        /// Hands the collector [start, start + size). The first chunks hold its tables and mark stack;
        /// the rest is the heap. Call once, after <see cref="GcRoots.RegisterMainStack"/>.
        /// </summary>
        public static void Initialize(byte* start, nuint size, bool regionIsZeroed) =>
            Initialize(start, size, regionIsZeroed, DefaultMarkStackEntries, DefaultMinimumBudget);

        public static void Initialize(byte* start, nuint size, bool regionIsZeroed, nuint markStackEntries, nuint minimumBudget)
        {
            byte* end = start + size;
            s_base = (byte*)(((nuint)start + ChunkSize - 1) & ~(ChunkSize - 1));
            nuint chunks = end > s_base ? (nuint)(end - s_base) >> ChunkShift : 0;

            // Tables first (cleared), then the mark stack, which needs no clearing.
            nuint cardBytes = CardTableBytes(chunks);
            nuint tables = cardBytes + chunks * (nuint)sizeof(ChunkEntry) + (MaxSmallSize >> 3) + 1
                + (nuint)MaxSizeClasses * (4 + 4 * (nuint)sizeof(void*)) + GcRoots.StorageBytes + PauseLogEntries * 8 + 64;
            nuint metadata = tables + markStackEntries * (nuint)sizeof(void*);
            nuint metadataChunks = (metadata + ChunkSize - 1) >> ChunkShift;
            if (metadataChunks >= chunks)
            {
                s_chunkCount = 0;
                s_cards = null;
                s_generational = false;
                return;
            }
            byte* table = s_base;
            if (!regionIsZeroed)
                GcImports.Zero(table, tables);
            s_base += metadataChunks << ChunkShift;
            s_chunkCount = chunks - metadataChunks;

            // The card table covers the whole region, tables included, so any region address has its own card.
            s_cards = table;
            s_cardMask = cardBytes - 1;
            table += cardBytes;
            s_chunks = (ChunkEntry*)table;
            table += s_chunkCount * (nuint)sizeof(ChunkEntry);
            if (!regionIsZeroed)
            {
                for (nuint i = 0; i < s_chunkCount; i++)
                    s_chunks[i].Dirty = 1;
            }
            s_current = (SmallChunk**)table;
            table += 2 * MaxSizeClasses * sizeof(void*);
            s_partial = (SmallChunk**)table;
            table += 2 * MaxSizeClasses * sizeof(void*);
            s_cellSize = (uint*)table;
            table += MaxSizeClasses * 4;
            s_classOfGranule = table;
            table += (MaxSmallSize >> 3) + 1;
            table = (byte*)(((nuint)table + 7) & ~(nuint)7);
            GcRoots.Initialize(table);
            table += GcRoots.StorageBytes;
            s_pauseLog = (ulong*)table;
            table += PauseLogEntries * 8;
            GcMarker.Initialize((void**)table, markStackEntries);

            BuildSizeClasses();
            s_reserveChunks = s_chunkCount / 16 < MaxReserveChunks ? s_chunkCount / 16 : MaxReserveChunks;
            s_chunkLimit = s_chunkCount - s_reserveChunks;
            s_raisingOutOfMemory = false;
            s_highWater = 0;
            s_freeHint = 0;
            s_minimumBudget = minimumBudget;
            s_budget = minimumBudget;
            s_bytesSinceCollection = 0;
            s_collecting = false;
            s_generational = false;
            s_verifyBarriers = false;
            s_majorRequested = false;
            s_lastWasMinor = false;
            s_nurseryBytes = DefaultNurseryBytes;
            s_majorTrigger = minimumBudget;
            ResetStatistics();
            s_barriersCompiled = GcImports.InstallCards(s_cards, s_cardMask);
        }

        /// <summary>
        /// Cells of 8-byte steps up to 128 bytes (most objects: a header and a few fields), then four
        /// classes per power of two, so no cell wastes more than a quarter of itself.
        /// </summary>
        private static void BuildSizeClasses()
        {
            int count = 0;
            for (uint size = 16; size <= 128; size += 8)
                s_cellSize[count++] = size;
            for (uint power = 128; power < (uint)MaxSmallSize; power *= 2)
                for (uint step = 1; step <= 4; step++)
                    s_cellSize[count++] = power + step * (power / 4);
            s_classCount = count;
            int cls = 0;
            for (nuint granules = 0; granules <= MaxSmallSize >> 3; granules++)
            {
                while (s_cellSize[cls] < granules << 3)
                    cls++;
                s_classOfGranule[granules] = (byte)cls;
            }
        }

        public static nuint RegionChunks => s_chunkCount;

        /// <summary>
        /// Zeroed, 8-byte aligned memory of at least <paramref name="size"/> bytes. When even a full
        /// collection leaves no room, calls the out-of-memory hook and returns null.
        /// </summary>
        public static void* Allocate(nuint size) => AllocateIn(size, 0);

        /// <summary>
        /// As <see cref="Allocate"/>, for an object that will never hold a reference (a string, an array
        /// of numbers): its cells are in chunks of their own, so marking one sets its bit without
        /// reading it, and a dirty card there needs no scan. Large objects are scanned either way.
        /// </summary>
        public static void* AllocateNoScan(nuint size) => AllocateIn(size, NoScanLists);

        private static void* AllocateIn(nuint size, uint lists)
        {
            if (size <= MaxSmallSize)
            {
                uint cls = s_classOfGranule[(size + 7) >> 3] + lists;
                SmallChunk* chunk = s_current[cls];
                if (chunk != null)
                {
                    byte* cell = TakeCell(chunk);
                    if (cell != null)
                    {
                        s_bytesSinceCollection += chunk->CellSize;
                        return cell;
                    }
                }
                return AllocateSmallSlow(cls);
            }
            return AllocateLarge(size);
        }

        /// <summary>The next cell at or after the cursor whose allocation bit is clear, or null.</summary>
        private static byte* TakeCell(SmallChunk* chunk)
        {
            byte* chunkBase = (byte*)chunk;
            ulong* allocBits = (ulong*)(chunkBase + AllocBitsOffset);
            nuint cellSize = chunk->CellSize;
            nuint count = chunk->CellCount;
            for (nuint i = chunk->Cursor; i < count; i++)
            {
                nuint offset = DataOffset + i * cellSize;
                nuint bit = offset >> 3;
                ulong mask = 1UL << (int)(bit & 63);
                ulong* word = allocBits + (bit >> 6);
                if ((*word & mask) != 0)
                    continue;
                *word |= mask;
                chunk->Cursor = (uint)(i + 1);
                byte* cell = chunkBase + offset;
                if (chunk->NeedsZeroing != 0)
                    ZeroWords((ulong*)cell, cellSize >> 3);
                return cell;
            }
            chunk->Cursor = (uint)count;
            return null;
        }

        private static void ZeroWords(ulong* words, nuint count)
        {
            for (nuint i = 0; i < count; i++)
                words[i] = 0;
        }

        private static void* AllocateSmallSlow(uint cls)
        {
            for (int attempt = 0; attempt < 3; attempt++)
            {
                SmallChunk* chunk;
                while ((chunk = s_partial[cls]) != null)
                {
                    s_partial[cls] = chunk->Next;
                    s_current[cls] = chunk;
                    s_chunks[(nuint)((byte*)chunk - s_base) >> ChunkShift].Young = 1;
                    byte* cell = TakeCell(chunk);
                    if (cell != null)
                    {
                        s_bytesSinceCollection += chunk->CellSize;
                        return cell;
                    }
                }
                // Past the budget the heap grows only if a collection could not make room.
                if (attempt > 0 || s_bytesSinceCollection < s_budget)
                {
                    chunk = AcquireSmallChunk(cls);
                    if (chunk != null)
                    {
                        s_current[cls] = chunk;
                        s_bytesSinceCollection += chunk->CellSize;
                        return TakeCell(chunk);
                    }
                }
                if (!CollectAgain(attempt))
                    break;
            }
            return OutOfMemory(s_cellSize[cls % NoScanLists]);
        }

        private static void* AllocateLarge(nuint size)
        {
            nuint rounded = (size + 7) & ~(nuint)7;
            nuint chunks = (rounded + ChunkSize - 1) >> ChunkShift;
            // rounded < size: a request near 2^64 wrapped around.
            if (rounded < size || chunks > s_chunkCount)
                return OutOfMemory(size);
            for (int attempt = 0; attempt < 3; attempt++)
            {
                if (attempt > 0 || s_bytesSinceCollection + rounded <= s_budget || s_bytesSinceCollection == 0)
                {
                    nuint first = AcquireChunks(chunks);
                    if (first != nuint.MaxValue)
                        return PlaceLargeObject(first, chunks, rounded);
                }
                if (!CollectAgain(attempt))
                    break;
            }
            return OutOfMemory(size);
        }

        private static byte* PlaceLargeObject(nuint first, nuint chunks, nuint rounded)
        {
            bool zeroed = true;
            for (nuint i = 0; i < chunks; i++)
            {
                ChunkEntry* entry = s_chunks + first + i;
                if (entry->Dirty != 0)
                    zeroed = false;
                entry->Kind = i == 0 ? KindLargeStart : KindLargeContinuation;
                entry->Dirty = 1;
                entry->Marked = 0;
                entry->Extra = i == 0 ? (uint)chunks : (uint)first;
            }
            byte* obj = s_base + (first << ChunkShift);
            if (!zeroed)
                GcImports.Zero(obj, rounded);
            s_bytesSinceCollection += rounded;
            s_heapBytes += chunks << ChunkShift;
            return obj;
        }

        private static SmallChunk* AcquireSmallChunk(uint cls)
        {
            nuint index = AcquireChunks(1);
            if (index == nuint.MaxValue)
                return null;
            ChunkEntry* entry = s_chunks + index;
            byte* chunkBase = s_base + (index << ChunkShift);
            // One bulk clear here is cheaper than clearing each cell as it is handed out.
            if (entry->Dirty != 0)
                GcImports.Zero(chunkBase, ChunkSize);
            entry->Kind = KindSmall;
            entry->Dirty = 1;
            entry->Young = 1;
            entry->SizeClass = (byte)cls;
            SmallChunk* chunk = (SmallChunk*)chunkBase;
            uint cellSize = s_cellSize[cls % NoScanLists];
            chunk->CellSize = cellSize;
            chunk->CellCount = (uint)((ChunkSize - DataOffset) / cellSize);
            chunk->Reciprocal = ((1UL << 32) + cellSize - 1) / cellSize;
            chunk->Cursor = 0;
            chunk->NeedsZeroing = 0;
            chunk->Next = null;
            s_heapBytes += ChunkSize;
            return chunk;
        }

        /// <summary>
        /// First fit for a run of free chunks, growing into never-used chunks last so the heap stays
        /// as small as the program lets it. Returns the first index, or nuint.MaxValue.
        /// </summary>
        private static nuint AcquireChunks(nuint count)
        {
            if ((s_heapBytes >> ChunkShift) + count > s_chunkLimit)
                return nuint.MaxValue;
            nuint run = 0;
            nuint i = s_freeHint;
            for (; i < s_highWater; i++)
            {
                if (s_chunks[i].Kind != KindFree)
                {
                    run = 0;
                    continue;
                }
                run++;
                if (run == count)
                    break;
            }
            if (run == count && i < s_highWater)
            {
                // Below the hint every chunk is in use; a single chunk keeps that true.
                if (count == 1)
                    s_freeHint = i + 1;
                return i + 1 - count;
            }
            nuint needed = count - run;
            if (needed > s_chunkCount - s_highWater)
                return nuint.MaxValue;
            s_highWater += needed;
            if (count == 1)
                s_freeHint = s_highWater;
            return s_highWater - count;
        }

        /// <summary>
        /// After attempt 0 (the budget is spent), a collection; after attempt 1 (no room even so), a
        /// major one if that was minor, since only a major one frees old garbage. False: give up.
        /// </summary>
        private static bool CollectAgain(int attempt)
        {
            if (attempt == 0)
            {
                CollectForAllocation();
                return true;
            }
            if (attempt == 1 && s_lastWasMinor)
            {
                RequestMajorCollection();
                CollectForAllocation();
                return true;
            }
            return false;
        }

        private static void CollectForAllocation()
        {
            if (s_collecting)
                return;
            GcImports.CollectWithRegisters();
        }

        /// <summary>
        /// Releases the reserve so the exception can be raised and propagated, then raises it. With
        /// the reserve already spent (the program caught an OutOfMemoryException and kept going without
        /// freeing memory, or the propagation used it all) a raise would fail again while it records
        /// its frames and recurse until the stack overflows: that is a fatal out-of-memory instead.
        /// An allocation that fails inside the raise itself gets null.
        /// </summary>
        private static void* OutOfMemory(nuint size)
        {
            s_lastFailedRequest = size;
            if (s_raisingOutOfMemory)
                return null;
            if (s_chunkLimit == s_chunkCount && s_reserveChunks != 0)
            {
                GcImports.FailOutOfMemory(size);
                return null;
            }
            s_raisingOutOfMemory = true;
            s_chunkLimit = s_chunkCount;
            GcImports.RaiseOutOfMemory();
            s_raisingOutOfMemory = false;
            return null;
        }
    }
}
