using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The two 8259 PICs of q35 and pc. SeaBIOS leaves them programmed with IRQ 0 (the PIT) on vector
    /// 8, which would look like a double fault the first time interrupts are enabled. They are moved
    /// to vectors 0x70..0x7F, clear of the exceptions, and masked: interrupts come through the APICs.
    /// On microvm, which has none, the writes go nowhere.
    /// </summary>
    internal static class LegacyPic
    {
        public const int FirstVector = 0x70;

        public static void RemapAndMask()
        {
            // ICW1: edge triggered, cascade, ICW4 follows; ICW2: vector base; ICW3: wiring; ICW4: 8086 mode.
            Cpu.OutByte(0x20, 0x11);
            Cpu.OutByte(0xA0, 0x11);
            Cpu.OutByte(0x21, FirstVector);
            Cpu.OutByte(0xA1, FirstVector + 8);
            Cpu.OutByte(0x21, 0x04);
            Cpu.OutByte(0xA1, 0x02);
            Cpu.OutByte(0x21, 0x01);
            Cpu.OutByte(0xA1, 0x01);
            Cpu.OutByte(0x21, 0xFF);
            Cpu.OutByte(0xA1, 0xFF);
        }
    }
}
