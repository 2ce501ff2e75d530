using System;
using Testbed.LibOS.Net;
using Testbed.LibOS.Threading;

namespace Testbed.LibOS.Drivers.Tap
{
    /// <summary>
    /// The Linux target's NIC: a tap device (<c>/dev/net/tun</c>, <c>IFF_TAP | IFF_NO_PI</c>), whose
    /// descriptor carries whole Ethernet frames without FCS, one per read or write. The descriptor is
    /// non-blocking; <see cref="WaitForActivity"/> parks the calling green thread in the scheduler's
    /// ppoll until it is readable. Each frame is copied once by the kernel, straight into or out of a
    /// <see cref="PacketBuffer"/> at its Start (counted in <see cref="NetCounters.CopiedByDevice"/>).
    /// </summary>
    public sealed unsafe class TapDevice : INetworkDevice
    {
        public const int EthernetMtu = 1500;
        private const int InterfaceRequestBytes = 40;
        private const int InterfaceNameBytes = 16;

        private readonly int fd;
        private readonly string name;
        private readonly ulong mac;
        private PacketBuffer spare;

        public long FramesReceived;
        public long FramesSent;
        /// <summary>Frames the kernel refused (its queue full, or an error): dropped, as a NIC would.</summary>
        public long TransmitErrors;

        private TapDevice(int fd, string name, ulong mac)
        {
            this.fd = fd;
            this.name = name;
            this.mac = mac;
        }

        /// <summary>
        /// Attaches to the tap device <paramref name="interfaceName"/> (created beforehand, e.g. by
        /// <c>ip tuntap add dev tap0 mode tap</c>; the kernel creates it if it does not exist and the process
        /// may). <paramref name="macAddress"/>: the low 48 bits, or 0 for a random locally administered one.
        /// Null with <paramref name="error"/> set when it cannot.
        /// </summary>
        public static TapDevice Open(string interfaceName, ulong macAddress, out string error)
        {
            error = null;
            if (interfaceName == null || interfaceName.Length == 0 || interfaceName.Length >= InterfaceNameBytes)
            {
                error = "a tap device name has 1 to 15 characters";
                return null;
            }
            byte* path = stackalloc byte[16];
            TapSyscalls.CopyPath("/dev/net/tun", path, 16);
            long fd = TapSyscalls.Open(path, TapSyscalls.ReadWrite | TapSyscalls.NonBlocking | TapSyscalls.CloseOnExec, 0);
            if (TapSyscalls.IsError(fd))
            {
                error = "cannot open /dev/net/tun (errno " + (-fd).ToString() + ")";
                return null;
            }
            byte* request = stackalloc byte[InterfaceRequestBytes];
            for (int i = 0; i < InterfaceRequestBytes; i++)
                request[i] = 0;
            for (int i = 0; i < interfaceName.Length; i++)
                request[i] = (byte)interfaceName[i];
            *(short*)(request + InterfaceNameBytes) = (short)(TapSyscalls.InterfaceTap | TapSyscalls.InterfaceNoPacketInfo);
            long status = TapSyscalls.Ioctl((int)fd, TapSyscalls.TunSetInterface, request);
            if (TapSyscalls.IsError(status))
            {
                TapSyscalls.Close((int)fd);
                error = "TUNSETIFF " + interfaceName + " failed (errno " + (-status).ToString()
                    + "; the device must be a tap, and the process needs CAP_NET_ADMIN or to own it)";
                return null;
            }
            return new TapDevice((int)fd, interfaceName, macAddress != 0 ? macAddress : RandomMac());
        }

        /// <summary>02:xx:xx:xx:xx:xx: locally administered, unicast, the rest from the kernel's generator.</summary>
        public static ulong RandomMac()
        {
            byte* random = stackalloc byte[5];
            if (!TapSyscalls.GetRandom(random, 5))
            {
                ulong t = (ulong)TapSyscalls.ClockNanoseconds(TapSyscalls.ClockRealtime) * 0x9E3779B97F4A7C15UL;
                for (int i = 0; i < 5; i++)
                    random[i] = (byte)(t >> (8 * i + 13));
            }
            ulong mac = 0x02;
            for (int i = 0; i < 5; i++)
                mac = (mac << 8) | random[i];
            return mac;
        }

        public string Name => name;

        public int FileDescriptor => fd;

        public ulong Mac => mac;

        public void CopyMac(Span<byte> bytes) => MacAddress.Write(bytes, mac);

        public int Mtu => EthernetMtu;

        public PacketBuffer Receive()
        {
            PacketBuffer buffer = spare;
            spare = null;
            if (buffer == null)
                buffer = PacketPool.Shared.Rent();
            else
                buffer.Reset();
            long read;
            fixed (byte* bytes = buffer.Bytes)
            {
                do
                    read = TapSyscalls.Read(fd, bytes + buffer.Start, buffer.Tailroom);
                while (read == -TapSyscalls.EINTR);
            }
            if (read <= 0)
            {
                // EAGAIN: nothing waiting. Keep the buffer for the next call.
                spare = buffer;
                return null;
            }
            buffer.End = buffer.Start + (int)read;
            NetCounters.CopiedByDevice += read;
            FramesReceived++;
            return buffer;
        }

        public bool Transmit(PacketBuffer frame)
        {
            int length = frame.Length;
            long written;
            fixed (byte* bytes = frame.Bytes)
            {
                do
                    written = TapSyscalls.Write(fd, bytes + frame.Start, length);
                while (written == -TapSyscalls.EINTR);
            }
            frame.Release();
            if (written != length)
            {
                TransmitErrors++;
                return false;
            }
            NetCounters.CopiedByDevice += length;
            FramesSent++;
            return true;
        }

        public void WaitForActivity(ulong deadlineTicks) => Scheduler.WaitForFile(fd, Scheduler.PollIn, deadlineTicks);

        /// <summary>Detaches from the device (a persistent tap stays; one the process created goes away).</summary>
        public void Close() => TapSyscalls.Close(fd);
    }
}
