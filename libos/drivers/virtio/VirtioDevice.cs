using System.Runtime;
using Testbed.LibOS.Platform.Pvh;

namespace Testbed.LibOS.Drivers.Virtio
{
    /// <summary>
    /// One virtio 1.x device behind either transport: virtio-mmio (version 2 register block, microvm)
    /// or virtio-pci (the common, notify, ISR and device configuration structures that the PCI
    /// capabilities point at, q35). The drivers (<see cref="VirtioBlock"/>, <see cref="VirtioNet"/>)
    /// see only this class. Initialisation follows the spec's order (3.1.1): reset, ACKNOWLEDGE,
    /// DRIVER, features, FEATURES_OK (and check it stuck), queues, DRIVER_OK.
    /// </summary>
    public sealed unsafe class VirtioDevice
    {
        public const uint TypeNetwork = 1;
        public const uint TypeBlock = 2;
        public const ulong FeatureVersion1 = 1UL << 32;

        private const byte StatusAcknowledge = 1;
        private const byte StatusDriver = 2;
        private const byte StatusDriverOk = 4;
        private const byte StatusFeaturesOk = 8;
        private const byte StatusFailed = 128;

        private readonly bool isPci;
        // virtio-mmio: the register block.
        private readonly byte* mmio;
        // virtio-pci: the structures the capabilities locate.
        private readonly byte* common;
        private readonly byte* notify;
        private readonly uint notifyMultiplier;
        private readonly byte* deviceConfig;

        public readonly uint DeviceType;
        /// <summary>Where the device is, for messages: the mmio base or the PCI bus/device/function.</summary>
        public readonly ulong Location;
        /// <summary>The vector its interrupts arrive on; 0 when it has none and must be polled.</summary>
        public int Vector;

        private VirtioDevice(uint type, ulong location, byte* mmio)
        {
            DeviceType = type;
            Location = location;
            this.mmio = mmio;
        }

        private VirtioDevice(uint type, ulong location, byte* common, byte* notify, uint notifyMultiplier, byte* deviceConfig)
        {
            isPci = true;
            DeviceType = type;
            Location = location;
            this.common = common;
            this.notify = notify;
            this.notifyMultiplier = notifyMultiplier;
            this.deviceConfig = deviceConfig;
        }

        public static VirtioDevice ForMmio(uint type, ulong address) => new VirtioDevice(type, address, (byte*)address);

        public static VirtioDevice ForPci(uint type, ulong location, byte* common, byte* notify, uint multiplier, byte* deviceConfig) =>
            new VirtioDevice(type, location, common, notify, multiplier, deviceConfig);

        public bool IsPci => isPci;

        /// <summary>
        /// Resets the device and agrees on features: those of <paramref name="wanted"/> it offers, plus
        /// VERSION_1, which it must offer (a legacy-only device is refused). Returns the accepted set, or
        /// 0 after reporting why the device was refused (then marked FAILED).
        /// </summary>
        public ulong Negotiate(ulong wanted)
        {
            SetStatus(0);
            SetStatus(StatusAcknowledge);
            SetStatus(StatusAcknowledge | StatusDriver);
            ulong offered = DeviceFeatures();
            if ((offered & FeatureVersion1) == 0)
            {
                Refuse("offers no VIRTIO_F_VERSION_1 (a legacy device)");
                return 0;
            }
            ulong accepted = offered & (wanted | FeatureVersion1);
            SetDriverFeatures(accepted);
            SetStatus(StatusAcknowledge | StatusDriver | StatusFeaturesOk);
            if ((Status() & StatusFeaturesOk) == 0)
            {
                Refuse("did not accept the driver's features (FEATURES_OK cleared)");
                return 0;
            }
            return accepted;
        }

        /// <summary>Sets up queue <paramref name="index"/> with at most <paramref name="maxSize"/> entries; null (reported) on failure.</summary>
        public Virtqueue CreateQueue(int index, int maxSize)
        {
            SelectQueue(index);
            int offered = QueueMaxSize();
            if (offered == 0)
            {
                Refuse("has no such queue");
                return null;
            }
            int size = 1;
            while (size * 2 <= offered && size * 2 <= maxSize)
                size *= 2;
            Virtqueue queue = Virtqueue.Create(index, size);
            if (queue == null)
            {
                Refuse("needs queue memory and no pages are left");
                return null;
            }
            if (isPci)
            {
                Write16(common, 0x18, (ushort)size);
                // MSI-X entry 0 for every queue; the device says 0xFFFF if it cannot.
                if (Vector != 0)
                {
                    Write16(common, 0x1A, 0);
                    if (Read16(common, 0x1A) == 0xFFFF)
                        Vector = 0;
                }
                Write64(common, 0x20, queue.DescriptorTable);
                Write64(common, 0x28, queue.DriverRing);
                Write64(common, 0x30, queue.DeviceRing);
                Write16(common, 0x1C, 1);
            }
            else
            {
                Write32(mmio, 0x38, (uint)size);
                Write64(mmio, 0x80, queue.DescriptorTable);
                Write64(mmio, 0x90, queue.DriverRing);
                Write64(mmio, 0xA0, queue.DeviceRing);
                Write32(mmio, 0x44, 1);
            }
            return queue;
        }

        /// <summary>Tells the device the driver is ready; from here it processes queues.</summary>
        public void Start() => SetStatus(StatusAcknowledge | StatusDriver | StatusFeaturesOk | StatusDriverOk);

        /// <summary>Tells the device that queue <paramref name="index"/> has new buffers.</summary>
        public void Notify(int index)
        {
            Cpu.MemoryFence();
            if (isPci)
            {
                SelectQueue(index);
                ushort offset = Read16(common, 0x1E);
                Write16(notify, (int)(offset * notifyMultiplier), (ushort)index);
            }
            else
            {
                Write32(mmio, 0x50, (uint)index);
            }
        }

        /// <summary>A byte of the device-specific configuration space.</summary>
        public byte ConfigByte(int offset)
        {
            return Cpu.ReadMmio8(isPci ? deviceConfig + offset : mmio + 0x100 + offset);
        }

        public uint ConfigDword(int offset)
        {
            return Cpu.ReadMmio32(isPci ? deviceConfig + offset : mmio + 0x100 + offset);
        }

        /// <summary>Marks the device FAILED and says why on standard error.</summary>
        public void Refuse(string reason)
        {
            SetStatus(StatusFailed);
            Report.Text("testbed virtio: ");
            Report.Text(DeviceType == TypeNetwork ? "network" : DeviceType == TypeBlock ? "block" : "type ");
            if (DeviceType != TypeNetwork && DeviceType != TypeBlock)
                Report.Decimal(DeviceType);
            Report.Text(" device at ");
            Report.Hex(Location);
            Report.Text(" ");
            Report.Text(reason);
            Report.Line("; skipped");
        }

        private ulong DeviceFeatures()
        {
            if (isPci)
            {
                Write32(common, 0x00, 0);
                ulong low = Read32(common, 0x04);
                Write32(common, 0x00, 1);
                return low | ((ulong)Read32(common, 0x04) << 32);
            }
            Write32(mmio, 0x14, 0);
            ulong lowBits = Read32(mmio, 0x10);
            Write32(mmio, 0x14, 1);
            return lowBits | ((ulong)Read32(mmio, 0x10) << 32);
        }

        private void SetDriverFeatures(ulong features)
        {
            byte* registers = isPci ? common : mmio;
            int select = isPci ? 0x08 : 0x24;
            int value = isPci ? 0x0C : 0x20;
            Write32(registers, select, 0);
            Write32(registers, value, (uint)features);
            Write32(registers, select, 1);
            Write32(registers, value, (uint)(features >> 32));
        }

        private byte Status()
        {
            return isPci ? Cpu.ReadMmio8(common + 0x14) : (byte)Read32(mmio, 0x70);
        }

        private void SetStatus(byte status)
        {
            if (isPci)
                Cpu.WriteMmio8(common + 0x14, status);
            else
                Write32(mmio, 0x70, status);
            Cpu.MemoryFence();
            // A reset completes when the device reads back 0 (4.1.4.3.2 and 4.2.2.1).
            if (status == 0)
                while (Status() != 0)
                    Cpu.Pause();
        }

        private void SelectQueue(int index)
        {
            if (isPci)
                Write16(common, 0x16, (ushort)index);
            else
                Write32(mmio, 0x30, (uint)index);
        }

        private int QueueMaxSize() => isPci ? Read16(common, 0x18) : (int)Read32(mmio, 0x34);

        private static uint Read32(byte* registers, int offset) => Cpu.ReadMmio32(registers + offset);

        private static ushort Read16(byte* registers, int offset) => Cpu.ReadMmio16(registers + offset);

        private static void Write32(byte* registers, int offset, uint value) => Cpu.WriteMmio32(registers + offset, value);

        private static void Write16(byte* registers, int offset, ushort value) => Cpu.WriteMmio16(registers + offset, value);

        // virtio-pci's 64-bit fields may be written as two 32-bit halves (4.1.3.1).
        private static void Write64(byte* registers, int offset, ulong value)
        {
            Write32(registers, offset, (uint)value);
            Write32(registers, offset + 4, (uint)(value >> 32));
        }
    }
}
