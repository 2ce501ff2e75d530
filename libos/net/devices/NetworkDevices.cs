using System;
using Testbed.LibOS.Net.Sockets;

namespace Testbed.LibOS.Net.Devices
{
    /// <summary>
    /// For programs that use the stack below the socket API (tests, diagnostics): start it without
    /// opening a socket, and see which NIC and configuration the platform gave it.
    /// </summary>
    public static class NetworkDevices
    {
        /// <summary>Starts the stack (as the first socket would) and returns its Ethernet interface; null when the platform attached none.</summary>
        public static NetInterface Start() => NetworkLoop.Stack.Ethernet;

        /// <summary>"tbtap0 02:12:34:56:78:9a 10.0.2.15/24 gateway 10.0.2.2", or "none" (starts the stack).</summary>
        public static string Describe()
        {
            NetInterface nif = Start();
            if (nif == null)
                return "none";
            return nif.Device.Name + " " + FormatMac(nif.Mac) + " " + NetConfiguration.FormatAddress(nif.Address) + "/" + nif.PrefixLength.ToString()
                + " gateway " + NetConfiguration.FormatAddress(nif.Gateway);
        }

        public static string FormatMac(ulong mac)
        {
            const string digits = "0123456789abcdef";
            var text = new char[17];
            for (int i = 0; i < 6; i++)
            {
                int b = (int)(mac >> (8 * (5 - i))) & 0xFF;
                text[3 * i] = digits[b >> 4];
                text[3 * i + 1] = digits[b & 15];
                if (i < 5)
                    text[3 * i + 2] = ':';
            }
            return new string(text);
        }

        /// <summary>
        /// Wraps <paramref name="device"/> as the configuration asks (pcap next to the device, then the
        /// fault injector) and attaches it to <paramref name="stack"/>. <paramref name="pcap"/>: the
        /// capture's sink, or null. Both platforms' network set-ups end here.
        /// </summary>
        public static void Attach(NetStack stack, INetworkDevice device, NetConfiguration configuration, IPcapSink pcap, long epochNanosecondsAtClockZero)
        {
            if (pcap != null)
                device = new PcapDevice(device, pcap, epochNanosecondsAtClockZero);
            if (configuration.Faults != null)
            {
                var faults = new FaultInjector(device, configuration.Faults);
                FaultInjector.Installed = faults;
                device = faults;
            }
            NetInterface nif = stack.AttachEthernet(device, configuration.Address, configuration.PrefixLength, configuration.Gateway);
            ((Testbed.LibOS.Net.Arp.ArpCache)nif.Arp).Announce(stack.NowMicroseconds);
        }
    }
}
