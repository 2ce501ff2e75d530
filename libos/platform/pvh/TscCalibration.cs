using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The TSC's frequency, and the local APIC timer's against it. Under KVM the hypervisor's clock
    /// (kvmclock) states the TSC rate exactly and nothing is waited for. Otherwise (QEMU's TCG, whose TSC
    /// follows the host's and cannot be assumed) the TSC is measured against the 8254 PIT, whose input
    /// clock is fixed at 1.193182 MHz, over <see cref="WindowPitTicks"/> ticks of channel 0 read with
    /// latch commands (channel 2's gate needs the PC speaker port, which microvm lacks).
    /// </summary>
    internal static unsafe class TscCalibration
    {
        private const ulong PitHertz = 1193182;
        // 2 ms: a resolution of one PIT tick (0.84 us) is 0.04 % of it; boot pays the 2 ms.
        private const uint WindowPitTicks = 2386;
        private const ushort PitChannel0 = 0x40;
        private const ushort PitCommand = 0x43;

        private const uint KvmSystemTimeMsr = 0x4B564D01;
        private const uint KvmFeatureClockSource2 = 1u << 3;

        /// <summary>TSC ticks per millisecond.</summary>
        public static ulong TscKilohertz;
        /// <summary>Local APIC timer ticks per millisecond (0 without an APIC).</summary>
        public static ulong ApicKilohertz;
        /// <summary>"kvmclock" or "pit": where <see cref="TscKilohertz"/> came from.</summary>
        public static string Source;

        private static PvClock s_pvclock;

        public static void Calibrate()
        {
            bool fromKvm = TryKvmClock();
            if (!fromKvm || Lapic.IsPresent)
                MeasureAgainstPit(measureTsc: !fromKvm);
        }

        private static void MeasureAgainstPit(bool measureTsc)
        {
            // Mode 2 (rate generator), full 16-bit count: channel 0 counts down continuously. Its IRQ 0
            // is masked in the PIC and in the IO-APIC, so nothing is delivered.
            Cpu.OutByte(PitCommand, 0x34);
            Cpu.OutByte(PitChannel0, 0xFF);
            Cpu.OutByte(PitChannel0, 0xFF);
            if (Lapic.IsPresent)
                Lapic.StartFreeRunning();
            // Both ends of the window are taken right after the PIT's count changes, with the TSC and
            // APIC read next to it: any delay before the first read is outside the window.
            uint start = WaitForPitEdge(ReadPit());
            ulong tsc0 = Cpu.ReadTimeStampCounter();
            uint apic0 = Lapic.IsPresent ? Lapic.CurrentCount : 0;
            uint elapsed = 0;
            uint previous = start;
            ulong tsc1 = tsc0;
            uint apic1 = apic0;
            while (elapsed < WindowPitTicks)
            {
                uint now = ReadPit();
                tsc1 = Cpu.ReadTimeStampCounter();
                if (Lapic.IsPresent)
                    apic1 = Lapic.CurrentCount;
                // Counting down, reloading at 0xFFFF: a larger value means the counter wrapped.
                elapsed += now <= previous ? previous - now : previous + 0xFFFF - now;
                previous = now;
            }
            ulong micros = (ulong)elapsed * 1000000UL / PitHertz;
            if (micros == 0)
                micros = 1;
            if (measureTsc)
            {
                TscKilohertz = (tsc1 - tsc0) * 1000UL / micros;
                Source = "pit";
            }
            if (Lapic.IsPresent)
                ApicKilohertz = (ulong)(apic0 - apic1) * 1000UL / micros;
        }

        private static uint WaitForPitEdge(uint value)
        {
            uint now = ReadPit();
            while (now == value)
                now = ReadPit();
            return now;
        }

        private static uint ReadPit()
        {
            Cpu.OutByte(PitCommand, 0x00);    // latch channel 0
            uint low = Cpu.InByte(PitChannel0);
            uint high = Cpu.InByte(PitChannel0);
            return low | (high << 8);
        }

        /// <summary>
        /// KVM's paravirtual clock: after the guest hands it a pvclock structure, the hypervisor fills in
        /// how to turn TSC ticks into nanoseconds (ns = ((tsc &lt;&lt; shift) * mul) &gt;&gt; 32, with a
        /// negative shift meaning a right shift), from which the rate follows.
        /// </summary>
        private static bool TryKvmClock()
        {
            uint* registers = stackalloc uint[4];
            Cpu.Cpuid(0x40000000, 0, registers);
            // "KVMKVMKVM\0\0\0" in ebx, ecx, edx.
            if (registers[1] != 0x4B4D564B || registers[2] != 0x564B4D56 || registers[3] != 0x0000004D)
                return false;
            Cpu.Cpuid(0x40000001, 0, registers);
            if ((registers[0] & KvmFeatureClockSource2) == 0)
                return false;
            fixed (PvClock* clock = &s_pvclock)
            {
                Cpu.WriteMsr(KvmSystemTimeMsr, (ulong)clock | 1);
                Cpu.MemoryFence();
                ulong multiplier = clock->TscToSystemMultiplier;
                int shift = clock->TscShift;
                Cpu.WriteMsr(KvmSystemTimeMsr, 0);
                if (multiplier == 0)
                    return false;
                // ns per tick = mul * 2^shift / 2^32, so kHz = 10^6 * 2^32 / (mul * 2^shift).
                ulong khz = (1000000UL << 32) / multiplier;
                TscKilohertz = shift >= 0 ? khz >> shift : khz << -shift;
            }
            Source = "kvmclock";
            return true;
        }

        /// <summary>struct pvclock_vcpu_time_info.</summary>
        private struct PvClock
        {
            public uint Version;
            public uint Pad0;
            public ulong TscTimestamp;
            public ulong SystemTime;
            public uint TscToSystemMultiplier;
            public sbyte TscShift;
            public byte Flags;
            public byte Pad1;
            public byte Pad2;
        }
    }
}
