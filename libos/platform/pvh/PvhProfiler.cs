using System.Runtime;
using Testbed.LibOS.Memory;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// `testbed run --profile` on PVH (docs/profiling.md): with <c>TESTBED_PROFILE=HZ</c> on the kernel
    /// command line, the local APIC timer runs periodically at HZ on <see cref="Vector"/>, and each tick
    /// records the interrupted RIP and frame-pointer chain from the interrupt frame
    /// (<see cref="ProfileSamples"/>). At exit the samples go to the host as raw bytes on a debug
    /// console of their own, at I/O port <see cref="Port"/>. Without the word nothing is set up.
    /// </summary>
    /// <remarks>
    /// The library OS runs C# with interrupts off and takes them only in its interrupt windows (idle,
    /// yields), so that no handler interrupts a half-made update. Sampling needs the timer to interrupt
    /// running code: while profiling, interrupts stay on, and the APIC's task priority holds back every
    /// vector but this one (class 0xF) outside the windows, where <see cref="OpenWindow"/> lowers it.
    /// The profile handler touches nothing but the sample buffer. The timer is shared with
    /// <see cref="Idle"/>: while profiling it is periodic, and an idle wait ends at the next tick at the
    /// latest instead of at its own one-shot deadline (its callers loop until the deadline).
    /// </remarks>
    internal static unsafe class PvhProfiler
    {
        public const int Vector = 0xF0;
        /// <summary>QEMU's isa-debugcon for the samples (backend/Targets/QemuRunner.cs adds it with --profile).</summary>
        public const ushort Port = 0x4E9;
        // Task priority 0xE0: only classes above 0xE, i.e. vectors 0xF0-0xFF, are delivered.
        private const uint OnlyProfileVector = 0xE0;
        private const ulong BufferPages = 1024; // 4 MiB

        private static bool s_on;

        public static bool IsOn => s_on;

        /// <summary>
        /// Starts sampling when the command line asks for it (the APIC timer is calibrated by then):
        /// called first thing in the entry point of an image built with `run --profile` (the
        /// start-profiler pass); compiled only into such images.
        /// </summary>
        [RuntimeExport("tb_profiler_start", WhenImported = true)]
        public static void StartIfAsked()
        {
            int hz = RateFromCommandLine(BootInfo.CommandLine, BootInfo.CommandLineLength);
            if (hz == 0 || !Lapic.IsPresent || TscCalibration.ApicKilohertz == 0)
                return;
            ulong buffer = PhysicalPages.Allocate(BufferPages);
            if (buffer == 0)
                return;
            ProfileSamples.Start((ulong*)buffer, BufferPages * 4096 / 8, hz);
            ProcessExit.AddReport(&WriteSamples);
            ulong ticks = TscCalibration.ApicKilohertz * 1000 / (ulong)hz;
            s_on = true;
            Lapic.SetTaskPriority(OnlyProfileVector);
            Lapic.StartPeriodic(Vector, ticks == 0 ? 1 : ticks > 0xFFFFFFFF ? 0xFFFFFFFF : (uint)ticks);
            Cpu.EnableInterrupts();
        }

        /// <summary>From <see cref="Interrupts.OnInterrupt"/>: one sample of the interrupted code.</summary>
        internal static void OnTick(ExceptionFrame* frame)
        {
            ulong high = (ulong)GcRoots.CurrentStackHigh;
            ulong low = (ulong)GcRoots.CurrentStackLow;
            ulong rsp = frame->Rsp;
            // See LinuxProfiler.OnSignal: in the middle of a thread switch only the RIP is trusted.
            if (rsp < low || rsp >= high)
                high = 0;
            ProfileSamples.Record(frame->Rip, frame->Rbp, rsp, high);
            Lapic.EndOfInterrupt();
        }

        /// <summary>Before an interrupt window (sti; hlt or sti; pause): every vector may come in.</summary>
        internal static void OpenWindow()
        {
            if (s_on)
                Lapic.SetTaskPriority(0);
        }

        /// <summary>After the window's cli: back to profile ticks only, with interrupts on.</summary>
        internal static void CloseWindow()
        {
            if (!s_on)
                return;
            Lapic.SetTaskPriority(OnlyProfileVector);
            Cpu.EnableInterrupts();
        }

        /// <summary>The exit report: stops the ticks, then sends the buffer to the host, byte by byte.</summary>
        private static void WriteSamples()
        {
            Cpu.DisableInterrupts();
            s_on = false;
            Lapic.ArmOneShot(0);
            Lapic.SetTaskPriority(0);
            ProfileSamples.Finish();
            byte* data = ProfileSamples.Data;
            ulong bytes = ProfileSamples.Bytes;
            for (ulong i = 0; i < bytes; i++)
                Cpu.OutByte(Port, data[i]);
        }

        /// <summary>HZ of a <c>TESTBED_PROFILE=HZ</c> word; 0 when there is none or it is malformed.</summary>
        private static int RateFromCommandLine(byte* text, int length)
        {
            const string Key = "TESTBED_PROFILE=";
            int i = 0;
            while (i < length)
            {
                while (i < length && text[i] == ' ')
                    i++;
                int start = i;
                while (i < length && text[i] != ' ')
                    i++;
                int k = 0;
                while (k < Key.Length && start + k < i && text[start + k] == Key[k])
                    k++;
                if (k == Key.Length)
                    return ProfileSamples.ParseRate(text + start + k, i - start - k);
            }
            return 0;
        }
    }
}
