namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// The sampling profiler's buffer (`testbed run --profile`, docs/profiling.md), shared by both
    /// targets: the platform's timer handler (Linux: SIGPROF, PVH: the APIC timer) hands it the
    /// interrupted RIP, RBP and RSP, and <see cref="Record"/> appends the RIP and the return addresses
    /// found by walking the frame-pointer chain. Raw addresses only: the host symbolises them.
    /// </summary>
    /// <remarks>
    /// <see cref="Record"/> runs in a signal or interrupt handler: it allocates nothing, takes no lock
    /// and reads a frame only after checking that it lies on the running stack, 8-aligned, above the
    /// previous one, so a sample taken in a prologue, in asm or in the thread switch ends its walk
    /// early instead of faulting. The buffer, once finished, is the file the host reads, in 64-bit
    /// little-endian words: magic "TBPROF01", the rate in Hz, the samples kept, the samples dropped
    /// (buffer full), then per sample its depth n followed by n addresses, the interrupted RIP first.
    /// </remarks>
    internal static unsafe class ProfileSamples
    {
        public const int MaxDepth = 64;
        public const int HeaderWords = 4;
        /// <summary>"TBPROF01" read as a little-endian word.</summary>
        public const ulong Magic = 0x3130464F52504254;
        public const int MaxRate = 10000;

        private static ulong* s_buffer;
        private static ulong s_capacity;
        private static ulong s_used;
        private static ulong s_samples;
        private static ulong s_dropped;

        public static bool IsOn => s_buffer != null;

        /// <summary>Starts recording into <paramref name="words"/> words at <paramref name="buffer"/>.</summary>
        public static void Start(ulong* buffer, ulong words, int hz)
        {
            buffer[0] = Magic;
            buffer[1] = (ulong)hz;
            buffer[2] = 0;
            buffer[3] = 0;
            s_capacity = words;
            s_used = HeaderWords;
            s_buffer = buffer;
        }

        /// <summary>
        /// One sample: <paramref name="rip"/>, then the return address of each frame from
        /// <paramref name="rbp"/> up, while frames stay within [<paramref name="stackLow"/>, <paramref name="stackHigh"/>).
        /// </summary>
        public static void Record(ulong rip, ulong rbp, ulong stackLow, ulong stackHigh)
        {
            ulong* buffer = s_buffer;
            if (buffer == null)
                return;
            if (s_used + 1 + MaxDepth > s_capacity)
            {
                s_dropped++;
                return;
            }
            ulong* record = buffer + s_used;
            int depth = 0;
            record[1 + depth++] = rip;
            ulong frame = rbp;
            // A frame is two words (saved rbp, return address), both below the stack's top.
            while (depth < MaxDepth && frame >= stackLow && stackHigh >= 16 && frame <= stackHigh - 16 && (frame & 7) == 0)
            {
                ulong* words = (ulong*)frame;
                ulong returnAddress = words[1];
                if (returnAddress == 0)
                    break;
                record[1 + depth++] = returnAddress;
                ulong next = words[0];
                // The chain must climb: a loop or a downward link is not a frame chain.
                if (next <= frame)
                    break;
                frame = next;
            }
            record[0] = (ulong)depth;
            s_used += 1 + (ulong)depth;
            s_samples++;
        }

        /// <summary>Where the next sample goes (its depth first, then the addresses), or null, counting it
        /// dropped, when fewer than <see cref="MaxDepth"/> + 1 words are left. For a platform whose samples
        /// come already walked (Linux's perf ring); end with <see cref="EndSample"/>.</summary>
        public static ulong* BeginSample()
        {
            if (s_buffer == null || s_used + 1 + MaxDepth > s_capacity)
            {
                s_dropped++;
                return null;
            }
            return s_buffer + s_used;
        }

        public static void EndSample(int depth)
        {
            s_buffer[s_used] = (ulong)depth;
            s_used += 1 + (ulong)depth;
            s_samples++;
        }

        public static void AddDropped(ulong count) => s_dropped += count;

        /// <summary>Writes the counts into the header; the buffer is then <see cref="Bytes"/> long. Call with the timer stopped.</summary>
        public static void Finish()
        {
            s_buffer[2] = s_samples;
            s_buffer[3] = s_dropped;
        }

        public static byte* Data => (byte*)s_buffer;

        public static ulong Bytes => s_used * 8;

        /// <summary>Reads "HZ" (decimal, 1..<see cref="MaxRate"/>) from text[0..length); 0 when malformed.</summary>
        public static int ParseRate(byte* text, int length)
        {
            if (length == 0 || length > 5)
                return 0;
            int hz = 0;
            for (int i = 0; i < length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                    return 0;
                hz = hz * 10 + (text[i] - '0');
            }
            return hz >= 1 && hz <= MaxRate ? hz : 0;
        }
    }
}
