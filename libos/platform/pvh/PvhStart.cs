using System.Runtime;
using Testbed.LibOS.Drivers.Virtio;
using Testbed.LibOS.Memory;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The first C# code to run on PVH: brings up the console, the heap and the boot information,
    /// reports how long booting took, runs the program and exits with its status.
    /// </summary>
    public static unsafe class PvhStart
    {
        /// <summary>
        /// Called by the trampoline in 64-bit mode (identity-mapped first 4 GiB, SSE on, 64 KiB boot
        /// stack) with the loader's start info (ebx at entry) and the TSC its first instruction read.
        /// </summary>
        [RuntimeExport("tb_pvh_start")]
        public static void Start(PvhStartInfo* info, ulong bootTsc)
        {
            // The collector scans the stack from here down: this frame holds no objects, and every
            // frame that can is below it.
            ulong stackTop = 0;
            GcRoots.RegisterMainStack(&stackTop);
            // The console first, so that every later failure can be reported, then the exception
            // gates: from here a CPU exception is a panic report, not a triple fault.
            PvhPlatform.InitializeConsole();
            Interrupts.Install();

            if (info == null || info->Magic != PvhStartInfo.ExpectedMagic)
                PvhPlatform.BootFailure("no hvm_start_info (bad magic)");
            BootInfo.Record(info);
            if (BootInfo.MemoryMapEntryCount == 0)
                PvhPlatform.BootFailure("start info has no memory map (version 0)");

            // Memory: the page allocator over the memory map, W^X page tables from it, then the heap.
            PhysicalPages.Initialize(info);
            if (!PageTables.Initialize())
                PvhPlatform.BootFailure("not enough free pages for the page tables");
            if (!PhysicalPages.TakeHeapRegion(out ulong heapStart, out ulong heapEnd))
                PvhPlatform.BootFailure("no usable RAM for the heap");
            GcHeap.Initialize((byte*)heapStart, (nuint)(heapEnd - heapStart), regionIsZeroed: false);
            GcHeap.ConfigureFromSetting(null);

            // Time: the legacy PICs out of the way, the local APIC on, the TSC's rate measured.
            LegacyPic.RemapAndMask();
            Lapic.Initialize();
            TscCalibration.Calibrate();
            PlatformClock.ZeroTicks = bootTsc;
            ControlChannel.WriteLine("tsc_khz", TscCalibration.TscKilohertz);
            ControlChannel.WriteLine("apic_timer_khz", TscCalibration.ApicKilohertz);

            // Devices: virtio-mmio from the command line (microvm), virtio-pci on bus 0 (q35, pc).
            Devices.Discover();

            // Measured before the report is written, so the count is what it took to get here.
            ulong cycles = Cpu.ReadTimeStampCounter() - bootTsc;
            ControlChannel.WriteLine("boot_tsc_to_main", cycles);

            int code = AppMain();
            // As .NET: the process waits for foreground threads (if the program started any).
            ProcessExit.Run();
            PvhPlatform.Exit(code);
        }

        /// <summary>The program's entry point, synthesised by the compiler.</summary>
        [RuntimeImport("tb_app_main")]
        private static extern int AppMain();
    }
}
