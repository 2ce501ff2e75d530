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
    /// <para>
    /// With offloads (the default; docs/net.md, "Offloads") the device is opened with
    /// <c>IFF_VNET_HDR</c> and <c>TUNSETOFFLOAD(TUN_F_CSUM | TUN_F_TSO4)</c>, as QEMU opens a tap for a
    /// virtio-net guest: each frame carries a 10-byte <c>virtio_net_hdr</c>, so TCP hands the kernel
    /// packets of up to 64 KiB with the checksum left to it, and the kernel hands us the host's TSO
    /// packets whole: one system call and one pass through the host's TCP per 64 KiB instead of per
    /// 1448 bytes. Without offloads (the fault injector's case) frames are plain.
    /// </para>
    /// </summary>
    public sealed unsafe class TapDevice : INetworkDevice
    {
        public const int EthernetMtu = 1500;
        private const int InterfaceRequestBytes = 40;
        private const int InterfaceNameBytes = 16;

        /// <summary>struct virtio_net_hdr without num_buffers, the tap's default header.</summary>
        public const int VirtioHeaderBytes = 10;
        private const byte NeedsChecksum = 1;
        private const byte DataValid = 2;
        private const byte GsoTcpV4 = 1;
        private const int EthernetHeaderBytes = 14;

        private readonly int fd;
        private readonly string name;
        private readonly ulong mac;
        private readonly NetOffloads offloads;
        /// <summary><see cref="VirtioHeaderBytes"/> when the device was opened with IFF_VNET_HDR, else 0.</summary>
        private readonly int headerBytes;
        private PacketBuffer spare;

        public long FramesReceived;
        public long FramesSent;
        /// <summary>Frames the kernel refused (its queue full, or an error): dropped, as a NIC would.</summary>
        public long TransmitErrors;

        private TapDevice(int fd, string name, ulong mac, NetOffloads offloads, int headerBytes)
        {
            this.headerBytes = headerBytes;
            this.fd = fd;
            this.name = name;
            this.mac = mac;
            this.offloads = offloads;
        }

        /// <summary>
        /// Attaches to the tap device <paramref name="interfaceName"/> (created beforehand, e.g. by
        /// <c>ip tuntap add dev tap0 mode tap</c>; the kernel creates it if it does not exist and the process
        /// may). <paramref name="macAddress"/>: the low 48 bits, or 0 for a random locally administered one.
        /// Null with <paramref name="error"/> set when it cannot. <paramref name="withOffloads"/>: checksum
        /// and TCP segmentation offload through virtio-net headers; a kernel that refuses them gets a
        /// plain tap (<see cref="Offloads"/> says which).
        /// </summary>
        public static TapDevice Open(string interfaceName, ulong macAddress, bool withOffloads, out string error)
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
            short interfaceFlags = (short)(TapSyscalls.InterfaceTap | TapSyscalls.InterfaceNoPacketInfo);
            if (withOffloads)
                interfaceFlags |= TapSyscalls.InterfaceVirtioHeader;
            *(short*)(request + InterfaceNameBytes) = interfaceFlags;
            long status = TapSyscalls.Ioctl((int)fd, TapSyscalls.TunSetInterface, request);
            if (TapSyscalls.IsError(status))
            {
                TapSyscalls.Close((int)fd);
                error = "TUNSETIFF " + interfaceName + " failed (errno " + (-status).ToString()
                    + "; the device must be a tap, and the process needs CAP_NET_ADMIN or to own it)";
                return null;
            }
            NetOffloads offloads = NetOffloads.None;
            if (withOffloads)
            {
                // The argument is the value itself, not a pointer to it.
                long accepted = TapSyscalls.Ioctl((int)fd, TapSyscalls.TunSetOffload, (void*)(long)(TapSyscalls.TunOffloadChecksum | TapSyscalls.TunOffloadTso4));
                if (!TapSyscalls.IsError(accepted))
                    offloads = NetOffloads.TcpChecksum | NetOffloads.TcpSegmentation;
                else if (!TapSyscalls.IsError(TapSyscalls.Ioctl((int)fd, TapSyscalls.TunSetOffload, (void*)(long)TapSyscalls.TunOffloadChecksum)))
                    offloads = NetOffloads.TcpChecksum;
            }
            return new TapDevice((int)fd, interfaceName, macAddress != 0 ? macAddress : RandomMac(), offloads, withOffloads ? VirtioHeaderBytes : 0);
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

        public NetOffloads Offloads => offloads;

        public PacketBuffer Receive()
        {
            // With TSO accepted the kernel may hand us up to 64 KiB at once, so reads go to a large buffer.
            PacketPool pool = (offloads & NetOffloads.TcpSegmentation) != 0 ? PacketPool.Large : PacketPool.Shared;
            PacketBuffer buffer = spare;
            spare = null;
            if (buffer == null)
                buffer = pool.Rent();
            else
                buffer.Reset();
            long read;
            fixed (byte* bytes = buffer.Bytes)
            {
                do
                    read = TapSyscalls.Read(fd, bytes + buffer.Start, buffer.Tailroom);
                while (read == -TapSyscalls.EINTR);
            }
            if (read <= headerBytes)
            {
                // EAGAIN: nothing waiting. Keep the buffer for the next call.
                spare = buffer;
                return null;
            }
            buffer.End = buffer.Start + (int)read;
            NetCounters.CopiedByDevice += read - headerBytes;
            FramesReceived++;
            if (headerBytes != 0)
            {
                // NEEDS_CSUM: the host's stack left the checksum to the "hardware" (us), which means the packet
                // never crossed a wire; DATA_VALID: the host checked it. Either way there is nothing to check.
                byte flags = buffer.Bytes[buffer.Start];
                if ((flags & (NeedsChecksum | DataValid)) != 0)
                    buffer.ChecksumVerified = true;
                buffer.Consume(headerBytes);
                if (buffer.Length > EthernetHeaderBytes + EthernetMtu)
                    NetCounters.LargePacketsReceived++;
            }
            return buffer;
        }

        public bool Transmit(PacketBuffer frame)
        {
            if (headerBytes != 0)
                WriteVirtioHeader(frame);
            int length = frame.Length;
            long written;
            fixed (byte* bytes = frame.Bytes)
            {
                do
                    written = TapSyscalls.Write(fd, bytes + frame.Start, length);
                while (written == -TapSyscalls.EINTR);
            }
            bool segmented = frame.SegmentPayloadBytes != 0;
            frame.Release();
            if (written != length)
            {
                TransmitErrors++;
                return false;
            }
            NetCounters.CopiedByDevice += length - headerBytes;
            FramesSent++;
            if (segmented)
                NetCounters.PacketsSegmentedByDevice++;
            return true;
        }

        /// <summary>
        /// Prepends struct virtio_net_hdr (little endian, as the tap reads it on x86): the checksum to
        /// complete (csum_start from the Ethernet header, csum_offset) and, for a packet larger than the
        /// MTU, TCPV4 segmentation with gso_size and hdr_len (Ethernet, IP and TCP headers).
        /// </summary>
        private void WriteVirtioHeader(PacketBuffer frame)
        {
            int frameStart = frame.Start;
            int checksumStart = frame.PartialChecksumStart;
            int segmentPayload = frame.SegmentPayloadBytes;
            Span<byte> header = frame.Prepend(headerBytes);
            header.Clear();
            if (checksumStart == 0)
                return;
            header[0] = NeedsChecksum;
            int start = checksumStart - frameStart;
            header[6] = (byte)start;
            header[7] = (byte)(start >> 8);
            header[8] = (byte)frame.PartialChecksumOffset;
            header[9] = (byte)(frame.PartialChecksumOffset >> 8);
            if (segmentPayload == 0)
                return;
            int tcpHeaderBytes = (frame.Bytes[checksumStart + 12] >> 4) * 4;
            int headersBytes = start + tcpHeaderBytes;
            header[1] = GsoTcpV4;
            header[2] = (byte)headersBytes;
            header[3] = (byte)(headersBytes >> 8);
            header[4] = (byte)segmentPayload;
            header[5] = (byte)(segmentPayload >> 8);
        }

        public void WaitForActivity(ulong deadlineTicks) => Scheduler.WaitForFile(fd, Scheduler.PollIn, deadlineTicks);

        /// <summary>Detaches from the device (a persistent tap stays; one the process created goes away).</summary>
        public void Close() => TapSyscalls.Close(fd);
    }
}
