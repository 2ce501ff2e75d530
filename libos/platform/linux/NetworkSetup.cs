using Testbed.LibOS.Drivers.Tap;
using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Devices;
using Testbed.LibOS.Platform.Linux;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// The Linux target's NIC for the stack: the tap device that <c>TESTBED_NET_TAP</c> names, configured
    /// from the environment (<see cref="NetConfiguration"/>; docs/net.md, "Devices, configuration, pcap,
    /// faults"). Without <c>TESTBED_NET_TAP</c> the stack has the loopback interface only.
    /// </summary>
    internal static unsafe class NetworkSetup
    {
        /// <summary>Attaches the tap the environment names, if any, and returns the configuration the runner passed.</summary>
        internal static NetConfiguration AttachDevice(NetStack stack)
        {
            NetConfiguration configuration = NetConfiguration.FromEnvironment(LinuxStart.Environment);
            if (configuration.Errors != null)
                Report(configuration.Errors);
            if (configuration.Statistics)
                StopSignals.ReportOnStop();
            if (configuration.TapName == null)
                return configuration;
            // Offloads would let the kernel fill in the checksum of a segment the fault injector damaged.
            bool offloads = configuration.Offloads && configuration.Faults == null;
            TapDevice tap = TapDevice.Open(configuration.TapName, configuration.Mac, offloads, out string error);
            if (tap == null)
            {
                Report("testbed net: " + NetConfiguration.KeyTap + "=" + configuration.TapName + ": " + error + "; no Ethernet interface\n");
                return configuration;
            }
            PcapFile pcap = null;
            if (configuration.PcapPath != null)
            {
                pcap = PcapFile.Create(configuration.PcapPath, out string pcapError);
                if (pcap == null)
                    Report("testbed net: " + NetConfiguration.KeyPcap + "=" + configuration.PcapPath + ": " + pcapError + "; no capture\n");
            }
            long epochAtZero = pcap == null ? 0 : PcapFile.RealtimeNanoseconds - (long)Clock.Nanoseconds;
            NetworkDevices.Attach(stack, tap, configuration, pcap, epochAtZero);
            return configuration;
        }

        internal static void WriteStandardError(string text) => Report(text);

        private static void Report(string text)
        {
            byte* bytes = stackalloc byte[text.Length];
            for (int i = 0; i < text.Length; i++)
                bytes[i] = (byte)text[i];
            LinuxPlatform.Write(2, bytes, text.Length);
        }
    }
}
