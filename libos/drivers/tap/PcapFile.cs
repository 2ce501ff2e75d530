using Testbed.LibOS.Net.Devices;

namespace Testbed.LibOS.Drivers.Tap
{
    /// <summary>A file that <see cref="PcapDevice"/> writes to (Linux target): created or truncated, written through.</summary>
    public sealed unsafe class PcapFile : IPcapSink
    {
        private readonly int fd;
        private bool failed;

        private PcapFile(int fd) { this.fd = fd; }

        /// <summary>Null with <paramref name="error"/> when the file cannot be created.</summary>
        public static PcapFile Create(string path, out string error)
        {
            error = null;
            byte* name = stackalloc byte[1024];
            if (!TapSyscalls.CopyPath(path, name, 1024))
            {
                error = "the path is too long";
                return null;
            }
            long fd = TapSyscalls.Open(name, TapSyscalls.WriteOnly | TapSyscalls.Create | TapSyscalls.Truncate | TapSyscalls.CloseOnExec, 0x1A4);
            if (TapSyscalls.IsError(fd))
            {
                error = "cannot create it (errno " + (-fd).ToString() + ")";
                return null;
            }
            return new PcapFile((int)fd);
        }

        public void Write(byte[] bytes, int offset, int count)
        {
            if (failed || count <= 0)
                return;
            fixed (byte* data = bytes)
                failed = !TapSyscalls.WriteAll(fd, data + offset, count);
        }

        /// <summary>The wall-clock time now, in nanoseconds since 1970.</summary>
        public static long RealtimeNanoseconds => TapSyscalls.ClockNanoseconds(TapSyscalls.ClockRealtime);
    }
}
