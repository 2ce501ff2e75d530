using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The local APIC (xAPIC, memory-mapped): the one-shot timer that wakes the idle CPU, and the
    /// end-of-interrupt register every interrupt handler writes. Its registers lie in the fourth GiB,
    /// which the trampoline maps uncached.
    /// </summary>
    internal static unsafe class Lapic
    {
        public const int TimerVector = 32;
        public const int SpuriousVector = 0xFF;

        private const uint ApicBaseMsr = 0x1B;
        private const ulong ApicBaseEnable = 1UL << 11;
        private const int TaskPriorityRegister = 0x80;
        private const int SpuriousRegister = 0xF0;
        private const int EoiRegister = 0xB0;
        private const int TimerLvt = 0x320;
        private const int TimerInitialCount = 0x380;
        private const int TimerCurrentCount = 0x390;
        private const int TimerDivide = 0x3E0;
        private const uint LvtMasked = 1u << 16;
        private const uint LvtPeriodic = 1u << 17;
        // Divide configuration 0b1011: the timer counts at the APIC's bus rate, undivided.
        private const uint DivideBy1 = 0xB;

        private static byte* s_base;

        public static bool IsPresent => s_base != null;

        /// <summary>Enables the APIC (CPUID 1 EDX bit 9) with the timer masked; false when there is none.</summary>
        public static bool Initialize()
        {
            uint* registers = stackalloc uint[4];
            Cpu.Cpuid(1, 0, registers);
            if ((registers[3] & (1u << 9)) == 0)
                return false;
            ulong msr = Cpu.ReadMsr(ApicBaseMsr);
            Cpu.WriteMsr(ApicBaseMsr, msr | ApicBaseEnable);
            s_base = (byte*)(msr & 0xFFFFF000UL);
            Write(TimerLvt, LvtMasked | TimerVector);
            Write(TimerDivide, DivideBy1);
            Write(SpuriousRegister, 0x100 | SpuriousVector);
            return true;
        }

        /// <summary>Starts the timer counting down from the largest count, masked, for calibration.</summary>
        public static void StartFreeRunning()
        {
            Write(TimerLvt, LvtMasked | TimerVector);
            Write(TimerInitialCount, 0xFFFFFFFF);
        }

        public static uint CurrentCount => Read(TimerCurrentCount);

        /// <summary>One interrupt on <see cref="TimerVector"/> after <paramref name="count"/> timer ticks (0 stops it).</summary>
        public static void ArmOneShot(uint count)
        {
            Write(TimerLvt, TimerVector);
            Write(TimerInitialCount, count);
        }

        /// <summary>An interrupt every <paramref name="count"/> timer ticks on <paramref name="vector"/>, until <see cref="ArmOneShot"/> (the profiler's timer).</summary>
        public static void StartPeriodic(int vector, uint count)
        {
            Write(TimerLvt, LvtPeriodic | (uint)vector);
            Write(TimerInitialCount, count);
        }

        /// <summary>Vectors whose class (vector &gt;&gt; 4) is at most <paramref name="priority"/> &gt;&gt; 4 are held back.</summary>
        public static void SetTaskPriority(uint priority) => Write(TaskPriorityRegister, priority);

        public static void EndOfInterrupt() => Write(EoiRegister, 0);

        private static void Write(int register, uint value)
        {
            Cpu.WriteMmio32(s_base + register, value);
        }

        private static uint Read(int register)
        {
            return Cpu.ReadMmio32(s_base + register);
        }
    }
}
