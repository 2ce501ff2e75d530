using Testbed.LibOS.Drivers.Virtio;
using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Devices;
using Testbed.LibOS.Platform.Pvh;

namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// The PVH target's NIC for the stack: the first virtio-net card, if the machine has one, configured
    /// from the kernel command line (<see cref="NetConfiguration"/>: <c>TESTBED_NET_IP=</c>,
    /// <c>TESTBED_NET_GATEWAY=</c>, <c>TESTBED_NET_FAULTS=</c>; docs/net.md, "Devices, configuration,
    /// pcap, faults"). Without settings: 10.0.2.15/24, gateway 10.0.2.2, QEMU's user network. A capture
    /// is QEMU's (filter-dump), not the guest's.
    /// </summary>
    internal static unsafe class NetworkSetup
    {
        /// <summary>Attaches the NIC, if the machine has one, and returns the configuration the runner passed.</summary>
        internal static NetConfiguration AttachDevice(NetStack stack)
        {
            NetConfiguration configuration = NetConfiguration.FromCommandLine(BootInfo.CommandLine, BootInfo.CommandLineLength);
            if (Devices.NetworkCount == 0)
                return configuration;
            if (configuration.Errors != null)
                Report.Text(configuration.Errors);
            VirtioNetDevice device = VirtioNetDevice.Create(Devices.Network(0));
            if (device == null)
            {
                Report.Line("testbed net: virtio-net0 is in use by the program's own VirtioNet calls; no Ethernet interface");
                return configuration;
            }
            NetworkDevices.Attach(stack, device, configuration, null, 0);
            return configuration;
        }

        internal static void WriteStandardError(string text) => Report.Text(text);
    }
}
