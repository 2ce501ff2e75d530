using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The I/O APIC at its standard address: routes a device's interrupt line (a GSI, e.g. a
    /// virtio-mmio device's IRQ on microvm) to a vector of this CPU. Lines are programmed
    /// edge-triggered, active high; the handler acknowledges the device itself (see
    /// <see cref="Interrupts.AcknowledgeOnInterrupt"/>), so a line that stays up does not storm.
    /// </summary>
    public static unsafe class IoApic
    {
        private const ulong Base = 0xFEC00000;
        private const uint RedirectionTable = 0x10;

        /// <summary>Delivers <paramref name="gsi"/> to <paramref name="vector"/> on the boot CPU (APIC id 0); false when the IO-APIC has no such pin.</summary>
        public static bool Route(int gsi, int vector)
        {
            uint pins = ((Read(1) >> 16) & 0xFF) + 1;
            if (gsi < 0 || (uint)gsi >= pins)
                return false;
            Write(RedirectionTable + 2 * (uint)gsi + 1, 0);
            Write(RedirectionTable + 2 * (uint)gsi, (uint)vector);
            return true;
        }

        private static uint Read(uint register)
        {
            Cpu.WriteMmio32((void*)Base, register);
            return Cpu.ReadMmio32((void*)(Base + 0x10));
        }

        private static void Write(uint register, uint value)
        {
            Cpu.WriteMmio32((void*)Base, register);
            Cpu.WriteMmio32((void*)(Base + 0x10), value);
        }
    }
}
