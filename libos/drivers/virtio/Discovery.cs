using System.Runtime;
using Testbed.LibOS.Platform.Pvh;

namespace Testbed.LibOS.Drivers.Virtio
{
    /// <summary>
    /// Finds virtio devices: on microvm from the kernel command line, where QEMU lists each virtio-mmio
    /// slot as <c>virtio_mmio.device=&lt;size&gt;@&lt;base&gt;:&lt;irq&gt;</c>; on q35/pc by scanning PCI
    /// bus 0 (configuration mechanism 1, ports 0xCF8/0xCFC) for vendor 0x1AF4. Anything it cannot use is
    /// reported on standard error and skipped.
    /// </summary>
    internal static unsafe class Discovery
    {
        private const uint MmioMagic = 0x74726976;   // "virt"
        private const ushort PciConfigAddress = 0xCF8;
        private const ushort PciConfigData = 0xCFC;
        private const ushort VirtioVendor = 0x1AF4;

        public static void FindMmioDevices()
        {
            byte* line = BootInfo.CommandLine;
            int length = BootInfo.CommandLineLength;
            string key = "virtio_mmio.device=";
            for (int i = 0; i + key.Length <= length; i++)
            {
                if (!StartsWith(line + i, length - i, key) || (i > 0 && line[i - 1] != ' '))
                    continue;
                int p = i + key.Length;
                ulong size = 0;
                ulong address = 0;
                ulong irq = 0;
                bool ok = ParseNumber(line, length, ref p, out size) && p < length && line[p++] == '@'
                    && ParseNumber(line, length, ref p, out address) && p < length && line[p++] == ':'
                    && ParseNumber(line, length, ref p, out irq);
                if (!ok || size < 0x100 || address < (3UL << 30) || address >= PageTables.IdentityMapEnd)
                {
                    Report.Line("testbed virtio: malformed virtio_mmio.device= entry on the command line; skipped");
                    continue;
                }
                ProbeMmio(address, (int)irq);
            }
        }

        private static void ProbeMmio(ulong address, int irq)
        {
            byte* registers = (byte*)address;
            if (Cpu.ReadMmio32(registers) != MmioMagic)
            {
                Report.Text("testbed virtio: no virtio-mmio device at ");
                Report.Hex(address);
                Report.Line(" (bad magic); skipped");
                return;
            }
            uint version = Cpu.ReadMmio32(registers + 4);
            uint type = Cpu.ReadMmio32(registers + 8);
            // Device ID 0: an empty slot.
            if (type == 0)
                return;
            VirtioDevice device = VirtioDevice.ForMmio(type, address);
            if (version != 2)
            {
                device.Refuse("is a legacy virtio-mmio device (version 1)");
                return;
            }
            int vector = Interrupts.AllocateVector();
            if (vector != 0 && IoApic.Route(irq, vector))
            {
                Interrupts.AcknowledgeOnInterrupt(vector, address);
                device.Vector = vector;
            }
            Devices.Attach(device);
        }

        public static void FindPciDevices()
        {
            for (uint slot = 0; slot < 32; slot++)
            {
                for (uint function = 0; function < 8; function++)
                {
                    uint id = ReadConfig(slot, function, 0);
                    if ((id & 0xFFFF) == 0xFFFF)
                    {
                        if (function == 0)
                            break;
                        continue;
                    }
                    if ((id & 0xFFFF) == VirtioVendor)
                        ProbePci(slot, function, id >> 16);
                    // Header type bit 7: more functions than function 0.
                    if (function == 0 && (ReadConfig(slot, 0, 0x0C) & 0x00800000) == 0)
                        break;
                }
            }
        }

        private static void ProbePci(uint slot, uint function, uint deviceId)
        {
            ulong location = (slot << 3) | function;
            uint type;
            if (deviceId >= 0x1040 && deviceId <= 0x107F)
                type = deviceId - 0x1040;
            else if (deviceId >= 0x1000 && deviceId <= 0x103F)
                type = ReadConfig(slot, function, 0x2C) >> 16;   // transitional: the subsystem id
            else
                return;

            byte* common = null;
            byte* notify = null;
            byte* deviceConfig = null;
            uint multiplier = 0;
            uint msixCapability = 0;
            ulong msixTable = 0;
            bool highBar = false;
            if ((ReadConfig(slot, function, 0x04) & (1u << 20)) != 0)
            {
                uint capability = ReadConfig(slot, function, 0x34) & 0xFC;
                for (int guard = 0; capability != 0 && guard < 48; guard++)
                {
                    uint header = ReadConfig(slot, function, capability);
                    // Vendor capabilities of the types used here: 1 common, 2 notify, 4 device config.
                    // (Type 5, the PCI configuration access window, names no real BAR.)
                    uint kind = (header >> 24) & 0xFF;
                    if ((header & 0xFF) == 0x09 && (kind == 1 || kind == 2 || kind == 4))
                    {
                        uint cfgType = (header >> 24) & 0xFF;
                        uint bar = ReadConfig(slot, function, capability + 4) & 0xFF;
                        uint offset = ReadConfig(slot, function, capability + 8);
                        uint length = ReadConfig(slot, function, capability + 12);
                        ulong barAddress = Bar(slot, function, bar);
                        if (barAddress == 0 || !PageTables.MapDeviceMemory(barAddress + offset, length))
                            highBar = true;
                        byte* at = (byte*)(barAddress + offset);
                        if (cfgType == 1)
                            common = at;
                        else if (cfgType == 2)
                        {
                            notify = at;
                            multiplier = ReadConfig(slot, function, capability + 16);
                        }
                        else if (cfgType == 4)
                            deviceConfig = at;
                    }
                    else if ((header & 0xFF) == 0x11)
                    {
                        msixCapability = capability;
                        uint table = ReadConfig(slot, function, capability + 4);
                        msixTable = Bar(slot, function, table & 7) + (table & ~7u);
                        uint entries = ((header >> 16) & 0x7FF) + 1;
                        if (!PageTables.MapDeviceMemory(msixTable, entries * 16))
                            msixTable = 0;
                    }
                    capability = (header >> 8) & 0xFC;
                }
            }
            VirtioDevice device = VirtioDevice.ForPci(type, location, common, notify, multiplier, deviceConfig);
            if (common == null || notify == null || deviceConfig == null)
            {
                device.Refuse("has no virtio 1.x PCI capabilities (common, notify, device configuration)");
                return;
            }
            if (highBar)
            {
                device.Refuse("has a BAR that is unassigned or beyond the first 512 GiB");
                return;
            }
            // Memory space and bus mastering (the device reads and writes the rings).
            WriteConfig(slot, function, 0x04, (ReadConfig(slot, function, 0x04) & 0xFFFF) | 0x6);
            int vector = msixCapability != 0 && msixTable != 0 ? Interrupts.AllocateVector() : 0;
            if (vector != 0)
            {
                // Entry 0: message to the boot CPU's local APIC, data = vector, unmasked; then enable MSI-X.
                byte* entry = (byte*)msixTable;
                Cpu.WriteMmio32(entry, 0xFEE00000);
                Cpu.WriteMmio32(entry + 4, 0);
                Cpu.WriteMmio32(entry + 8, (uint)vector);
                Cpu.WriteMmio32(entry + 12, 0);
                uint control = ReadConfig(slot, function, msixCapability);
                WriteConfig(slot, function, msixCapability, (control | (1u << 31)) & ~(1u << 30));
                Cpu.WriteMmio16(common + 0x10, 0xFFFF);   // no configuration-change interrupts
                device.Vector = vector;
            }
            Devices.Attach(device);
        }

        /// <summary>The address a memory BAR decodes (64-bit BARs included); 0 for an I/O BAR or an unassigned one.</summary>
        private static ulong Bar(uint slot, uint function, uint index)
        {
            if (index > 5)
                return 0;
            uint low = ReadConfig(slot, function, 0x10 + 4 * index);
            if ((low & 1) != 0)
                return 0;
            ulong address = low & ~0xFu;
            if (((low >> 1) & 3) == 2 && index < 5)
                address |= (ulong)ReadConfig(slot, function, 0x14 + 4 * index) << 32;
            return address;
        }

        private static uint ReadConfig(uint slot, uint function, uint offset)
        {
            Cpu.OutDword(PciConfigAddress, 0x80000000u | (slot << 11) | (function << 8) | (offset & 0xFC));
            return Cpu.InDword(PciConfigData);
        }

        private static void WriteConfig(uint slot, uint function, uint offset, uint value)
        {
            Cpu.OutDword(PciConfigAddress, 0x80000000u | (slot << 11) | (function << 8) | (offset & 0xFC));
            Cpu.OutDword(PciConfigData, value);
        }

        private static bool StartsWith(byte* text, int length, string prefix)
        {
            if (length < prefix.Length)
                return false;
            for (int i = 0; i < prefix.Length; i++)
                if (text[i] != (byte)prefix[i])
                    return false;
            return true;
        }

        /// <summary>Decimal, or hex after 0x, with an optional K/M/G suffix (Linux's memparse).</summary>
        private static bool ParseNumber(byte* text, int length, ref int p, out ulong value)
        {
            value = 0;
            int start = p;
            bool hex = p + 1 < length && text[p] == '0' && (text[p + 1] == 'x' || text[p + 1] == 'X');
            if (hex)
                p += 2;
            int digits = 0;
            while (p < length)
            {
                int c = text[p];
                int digit = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0)
                    break;
                value = value * (hex ? 16UL : 10UL) + (ulong)digit;
                digits++;
                p++;
            }
            if (p < length && (text[p] == 'K' || text[p] == 'k')) { value <<= 10; p++; }
            else if (p < length && (text[p] == 'M' || text[p] == 'm')) { value <<= 20; p++; }
            else if (p < length && (text[p] == 'G' || text[p] == 'g')) { value <<= 30; p++; }
            return digits > 0 && p > start;
        }
    }
}
