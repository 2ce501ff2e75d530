namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// Generations without moving anything (docs/gc.md, "Generations"): mark bits are sticky. After a
    /// collection every surviving object keeps its mark and is old; an object allocated since has its
    /// allocation bit but no mark, and is young. A minor collection marks from the roots and from the
    /// old objects on dirty cards only, and stops at anything already marked, so it costs the young
    /// survivors, not the live heap. Compiled code marks a card (64 bytes of address space: a cache line) on every
    /// reference store into memory that may be in the heap: the card table is installed with
    /// <see cref="GcImports.InstallCards"/> and indexed by <c>(address &gt;&gt; 6) &amp; mask</c>, which is
    /// one-to-one over the region because the table covers at least the region's size. A store outside
    /// the heap marks some card too: that costs a needless scan, never a wrong result.
    /// </summary>
    public static unsafe partial class GcHeap
    {
        public const int CardShift = 6;
        private const nuint CardsPerChunk = ChunkSize >> CardShift;
        /// <summary>The nursery a program starts with: a minor collection once this many bytes were allocated since the last collection.</summary>
        public const nuint DefaultNurseryBytes = 4 * 1024 * 1024;
        /// <summary>
        /// The pause a minor collection aims at, in TSC cycles (0.3 to 0.5 ms at today's clock rates):
        /// after each one the nursery is resized by how long that one took per byte allocated, between
        /// <see cref="MinNurseryBytes"/> and <see cref="MaxNurseryBytes"/>. A program whose young
        /// objects die gets a large nursery and few collections; one that stores into a big old table
        /// (dirty cards to scan) gets a small one and short pauses. The ceiling is low because a larger
        /// nursery is memory the allocator walks through between collections: at 32 MiB the RESP benchmark
        /// ran 14 % slower than with full collections every 4 MiB (cache misses, page faults), with pauses to spare.
        /// </summary>
        public const ulong MinorPauseGoalCycles = 1000000;
        public const nuint MinNurseryBytes = 1024 * 1024;
        public const nuint MaxNurseryBytes = 16 * 1024 * 1024;

        private static byte* s_cards;
        private static nuint s_cardMask;
        private static bool s_generational;
        private static bool s_barriersCompiled;
        private static bool s_verifyBarriers;
        private static nuint s_nurseryBytes;
        private static bool s_nurseryFixed;
        // A major (full) collection once the old generation reaches this: twice its size after the last one.
        private static nuint s_majorTrigger;
        private static bool s_majorRequested;
        private static bool s_lastWasMinor;
        private static long s_minorCollections;
        private static ulong s_minorPauseTicks;
        private static ulong s_maxMinorPauseTicks;
        private static nuint s_missedBarriers;

        /// <summary>Bytes of card table for a region of <paramref name="chunks"/> chunks: a power of two, at least one byte per card.</summary>
        private static nuint CardTableBytes(nuint regionChunks)
        {
            nuint needed = regionChunks * CardsPerChunk;
            nuint size = CardsPerChunk;
            while (size < needed)
                size <<= 1;
            return size;
        }

        /// <summary>
        /// Switches minor collections on (or off: every collection then marks everything, as before).
        /// <paramref name="verifyBarriers"/> checks after every collection that no marked object refers
        /// to an unmarked one, which is what a missing write barrier leaves behind, and reports it. An
        /// unfixed nursery starts at <paramref name="nurseryBytes"/> and follows <see cref="MinorPauseGoalCycles"/>.
        /// </summary>
        public static void ConfigureGenerations(bool generational, nuint nurseryBytes, bool verifyBarriers, bool fixedNursery = true)
        {
            s_nurseryFixed = fixedNursery;
            s_generational = generational && s_cards != null && s_barriersCompiled;
            s_nurseryBytes = nurseryBytes >= 64 * 1024 ? nurseryBytes : 64 * 1024;
            s_verifyBarriers = verifyBarriers;
            s_budget = s_generational ? s_nurseryBytes : s_minimumBudget;
            s_majorTrigger = s_minimumBudget;
        }

        /// <summary>
        /// Generations on with the defaults, then the setting's comma-separated words, if any (Linux:
        /// the TESTBED_GC environment variable): <c>full</c> (no minor collections), <c>verify</c> (barrier
        /// verification), <c>nursery=BYTES</c>.
        /// </summary>
        public static void ConfigureFromSetting(byte* setting)
        {
            bool generational = true;
            bool verify = false;
            bool fixedNursery = false;
            nuint nursery = DefaultNurseryBytes;
            while (setting != null && *setting != 0)
            {
                int length = 0;
                while (setting[length] != 0 && setting[length] != ',')
                    length++;
                if (WordIs(setting, length, "full"))
                    generational = false;
                else if (WordIs(setting, length, "verify"))
                    verify = true;
                else if (length > 8 && WordIs(setting, 8, "nursery="))
                {
                    nuint value = 0;
                    for (int i = 8; i < length && setting[i] >= '0' && setting[i] <= '9'; i++)
                        value = value * 10 + (nuint)(setting[i] - '0');
                    nursery = value;
                    fixedNursery = true;
                }
                setting += length;
                if (*setting == ',')
                    setting++;
            }
            ConfigureGenerations(generational, nursery, verify, fixedNursery);
        }

        /// <summary>After a minor collection that took <paramref name="pause"/> for <paramref name="allocated"/> bytes: the next nursery.</summary>
        private static void ResizeNursery(ulong pause, nuint allocated)
        {
            if (s_nurseryFixed || pause == 0 || allocated == 0)
                return;
            ulong ideal = MinorPauseGoalCycles * (ulong)allocated / pause;
            if (ideal < MinNurseryBytes)
                ideal = MinNurseryBytes;
            if (ideal > MaxNurseryBytes)
                ideal = MaxNurseryBytes;
            // A small heap (a PVH guest with little RAM) keeps the nursery to an eighth of it.
            ulong bound = (ulong)HeapCapacity / 8;
            if (ideal > bound)
                ideal = bound > MinNurseryBytes ? bound : MinNurseryBytes;
            // Halfway there: one unusual collection does not swing the size.
            s_nurseryBytes = (nuint)((s_nurseryBytes + ideal) / 2);
        }

        private static bool WordIs(byte* text, int length, string word)
        {
            if (length != word.Length)
                return false;
            for (int i = 0; i < length; i++)
                if (text[i] != word[i])
                    return false;
            return true;
        }

        public static long MinorCollectionCount => s_minorCollections;
        public static ulong MinorPauseTicks => s_minorPauseTicks;
        public static ulong MaxMinorPauseTicks => s_maxMinorPauseTicks;
        /// <summary>References from a marked object to an unmarked one found by barrier verification (0 unless it is on).</summary>
        public static nuint MissedBarriers => s_missedBarriers;

        /// <summary>The next collection marks everything: <c>GC.Collect()</c>, or a minor one that did not make room.</summary>
        public static void RequestMajorCollection() => s_majorRequested = true;

        /// <summary>What a compiled reference store does, for callers that copy references in bulk (Array.Copy, spans).</summary>
        public static void MarkCards(void* destination, nuint count)
        {
            if (count == 0 || s_cards == null)
                return;
            nuint first = (nuint)destination >> CardShift;
            nuint last = ((nuint)destination + count - 1) >> CardShift;
            for (nuint card = first; card <= last; card++)
                s_cards[card & s_cardMask] = 1;
        }

        /// <summary>Whether this collection may skip the old generation.</summary>
        private static bool ChooseMinor()
        {
            bool minor = s_generational && !s_majorRequested && s_liveBytes < s_majorTrigger;
            s_majorRequested = false;
            return minor;
        }

        /// <summary>A major collection starts from nothing marked, with every chunk open to marking and sweeping.</summary>
        private static void ClearAllMarks()
        {
            for (nuint index = 0; index < s_highWater; index++)
            {
                ChunkEntry* entry = s_chunks + index;
                if (entry->Kind == KindSmall)
                {
                    ulong* markBits = (ulong*)(s_base + (index << ChunkShift) + MarkBitsOffset);
                    for (nuint w = 0; w < BitmapBytes / 8; w++)
                        markBits[w] = 0;
                    // Everything is collectable in a major collection.
                    entry->Young = 1;
                }
                else if (entry->Kind == KindLargeStart)
                    entry->Marked = 0;
            }
        }

        private static ulong* ChunkCards(nuint index) =>
            (ulong*)(s_cards + ((((nuint)s_base >> CardShift) + index * CardsPerChunk) & s_cardMask));

        /// <summary>
        /// After a collection nothing old refers to anything young: every card must be clean. A minor
        /// collection cleans them as it scans them; a major one, which scans none, here.
        /// </summary>
        private static void ClearCards()
        {
            if (s_cards == null)
                return;
            for (nuint index = 0; index < s_highWater; index++)
            {
                ulong* cards = ChunkCards(index);
                for (nuint w = 0; w < CardsPerChunk / 8; w++)
                    if (cards[w] != 0)
                        cards[w] = 0;
            }
        }

        /// <summary>
        /// Minor collections' extra roots: every old (marked) object on a dirty card is scanned. Runs
        /// before any root is marked, so a set mark bit here always means old.
        /// </summary>
        private static void ScanDirtyCards()
        {
            for (nuint index = 0; index < s_highWater; index++)
            {
                ChunkEntry* entry = s_chunks + index;
                if (entry->Kind == KindLargeStart)
                {
                    ScanDirtyLargeObject(index, entry->Extra);
                    index += entry->Extra - 1;
                    continue;
                }
                // Objects without references hold no young ones: a dirty card there was marked through an
                // alias (a store outside the heap) and is not even read; if the chunk later holds objects
                // with references, the stale card costs one needless scan. A free chunk's are cleared.
                if (entry->Kind == KindSmall && entry->SizeClass >= NoScanLists)
                    continue;
                bool scan = entry->Kind == KindSmall;
                ulong* cardWords = ChunkCards(index);
                for (nuint w = 0; w < CardsPerChunk / 8; w++)
                {
                    if (cardWords[w] == 0)
                        continue;
                    byte* cards = (byte*)(cardWords + w);
                    for (nuint k = 0; scan && k < 8; k++)
                        if (cards[k] != 0)
                            ScanCardOfSmallChunk(index, w * 8 + k);
                    cardWords[w] = 0;
                }
            }
        }

        private static void ScanCardOfSmallChunk(nuint index, nuint card)
        {
            byte* chunkBase = s_base + (index << ChunkShift);
            SmallChunk* chunk = (SmallChunk*)chunkBase;
            nuint start = card << CardShift;
            nuint end = start + ((nuint)1 << CardShift);
            if (end <= DataOffset)
                return;
            nuint cellSize = chunk->CellSize;
            nuint first = start <= DataOffset ? 0 : (start - DataOffset) / cellSize;
            nuint last = (end - 1 - DataOffset) / cellSize;
            if (last >= chunk->CellCount)
                last = chunk->CellCount - 1;
            ulong* allocBits = (ulong*)(chunkBase + AllocBitsOffset);
            ulong* markBits = (ulong*)(chunkBase + MarkBitsOffset);
            for (nuint cell = first; cell <= last; cell++)
            {
                nuint bit = (DataOffset + cell * cellSize) >> 3;
                ulong mask = 1UL << (int)(bit & 63);
                if ((allocBits[bit >> 6] & markBits[bit >> 6] & mask) == 0)
                    continue;
                GcMarker.ScanObject(chunkBase + (bit << 3));
                GcMarker.Drain();
            }
        }

        private const int PrefetchBatch = 16;

        /// <summary>
        /// An old large object with dirty cards: an array has only the elements on those cards scanned.
        /// Dirty cards of a big array are scattered (a hash table's entries), so each is a cache miss:
        /// they are prefetched a batch at a time and then scanned, the misses overlapping.
        /// </summary>
        private static void ScanDirtyLargeObject(nuint index, nuint chunks)
        {
            byte* obj = s_base + (index << ChunkShift);
            // Without references (a big byte or int array) its cards can only be aliases: skipped unread.
            if (!GcMarker.MayHoldReferences(obj))
                return;
            // A young large object is marked (and scanned) only if reachable; its cards are just cleared.
            bool wholeObjectScanned = s_chunks[index].Marked == 0;
            byte** batch = stackalloc byte*[PrefetchBatch];
            int pending = 0;
            for (nuint c = 0; c < chunks; c++)
            {
                ulong* cardWords = ChunkCards(index + c);
                for (nuint w = 0; w < CardsPerChunk / 8; w++)
                {
                    if (cardWords[w] == 0)
                        continue;
                    byte* cards = (byte*)(cardWords + w);
                    for (nuint k = 0; !wholeObjectScanned && k < 8; k++)
                    {
                        if (cards[k] == 0)
                            continue;
                        byte* start = obj + (c << ChunkShift) + ((w * 8 + k) << CardShift);
                        GcImports.Prefetch(start);
                        batch[pending++] = start;
                        if (pending < PrefetchBatch)
                            continue;
                        if (!ScanCardsOf(obj, batch, pending))
                            wholeObjectScanned = true;
                        pending = 0;
                    }
                    cardWords[w] = 0;
                }
            }
            ScanCardsOf(obj, batch, pending);
        }

        /// <summary>False once the object was scanned whole (not an array), so that its other cards need nothing.</summary>
        private static bool ScanCardsOf(byte* obj, byte** cards, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (!GcMarker.ScanObjectRange(obj, cards[i], cards[i] + ((nuint)1 << CardShift)))
                    return false;
            }
            GcMarker.Drain();
            return true;
        }

        /// <summary>
        /// Barrier verification: every reference held by a marked object must be to a marked object (or
        /// outside the heap). One that is not would be freed while still referenced, which is exactly a
        /// reference store the compiler did not mark a card for.
        /// </summary>
        private static void VerifyMarkedClosure() => ForEachMarkedObject(&GcMarker.VerifyObject);

        /// <summary>For verification: whether <paramref name="reference"/> is in an allocated heap object that is not marked.</summary>
        public static bool IsUnmarkedObject(nuint reference)
        {
            nuint offset = reference - (nuint)s_base;
            if (offset >= s_highWater << ChunkShift)
                return false;
            nuint index = offset >> ChunkShift;
            ChunkEntry* entry = s_chunks + index;
            if (entry->Kind == KindLargeContinuation)
                return s_chunks[entry->Extra].Marked == 0;
            if (entry->Kind == KindLargeStart)
                return entry->Marked == 0;
            if (entry->Kind != KindSmall)
                return false;
            byte* chunkBase = s_base + (index << ChunkShift);
            nuint within = offset & (ChunkSize - 1);
            if (within < DataOffset)
                return false;
            SmallChunk* chunk = (SmallChunk*)chunkBase;
            nuint cell = (nuint)(((ulong)(within - DataOffset) * chunk->Reciprocal) >> 32);
            if (cell >= chunk->CellCount)
                return false;
            nuint bit = (DataOffset + cell * chunk->CellSize) >> 3;
            ulong mask = 1UL << (int)(bit & 63);
            return (((ulong*)(chunkBase + AllocBitsOffset))[bit >> 6] & mask) != 0
                && (((ulong*)(chunkBase + MarkBitsOffset))[bit >> 6] & mask) == 0;
        }

        internal static void ReportMissedBarrier(byte* holder, nuint offset, nuint reference)
        {
            s_missedBarriers++;
            GcImports.ReportMissedBarrier(holder, offset, reference);
        }
    }
}
