using Testbed.LibOS.Platform.Pvh;

namespace Testbed.LibOS.Drivers.Virtio
{
    /// <summary>
    /// The virtio devices found at boot, by kind and in discovery order (the order of <c>--disk</c>).
    /// An app asks for a device by index; asking for one the machine does not have is a clear error
    /// on standard error and exit code <see cref="MissingDeviceExitCode"/>, never a null to trip over.
    /// </summary>
    public static class Devices
    {
        public const int MissingDeviceExitCode = 252;
        private const int MaxDevices = 8;

        private static VirtioBlock[] s_blocks;
        private static VirtioNet[] s_networks;
        private static int s_blockCount;
        private static int s_networkCount;

        public static int BlockCount => s_blockCount;
        public static int NetworkCount => s_networkCount;

        /// <summary>Block device <paramref name="index"/>; exits with a message when there is no such device.</summary>
        public static VirtioBlock Block(int index)
        {
            if (index < 0 || index >= s_blockCount)
                Missing("block", index, s_blockCount, "--disk file.img");
            return s_blocks[index];
        }

        /// <summary>Network device <paramref name="index"/>; exits with a message when there is no such device.</summary>
        public static VirtioNet Network(int index)
        {
            if (index < 0 || index >= s_networkCount)
                Missing("network", index, s_networkCount, "--net user or --net tap");
            return s_networks[index];
        }

        /// <summary>Discovers and starts every device the machine has (at boot).</summary>
        internal static void Discover()
        {
            s_blocks = new VirtioBlock[MaxDevices];
            s_networks = new VirtioNet[MaxDevices];
            Discovery.FindMmioDevices();
            Discovery.FindPciDevices();
        }

        /// <summary>Starts the driver for a device discovery found; unknown kinds are reported and skipped.</summary>
        internal static void Attach(VirtioDevice device)
        {
            if (device.DeviceType == VirtioDevice.TypeBlock && s_blockCount < MaxDevices)
            {
                VirtioBlock block = VirtioBlock.Start(device, s_blockCount);
                if (block != null)
                    s_blocks[s_blockCount++] = block;
            }
            else if (device.DeviceType == VirtioDevice.TypeNetwork && s_networkCount < MaxDevices)
            {
                VirtioNet network = VirtioNet.Start(device, s_networkCount);
                if (network != null)
                    s_networks[s_networkCount++] = network;
            }
            else
            {
                device.Refuse("has no driver here");
            }
        }

        private static void Missing(string kind, int index, int count, string hint)
        {
            Report.Text("testbed: the program asked for ");
            Report.Text(kind);
            Report.Text(" device ");
            Report.Decimal((ulong)index);
            Report.Text(", but the machine has ");
            Report.Decimal((ulong)count);
            Report.Text(" (give it one with ");
            Report.Text(hint);
            Report.Line(")");
            PvhPlatform.Exit(MissingDeviceExitCode);
        }
    }
}
