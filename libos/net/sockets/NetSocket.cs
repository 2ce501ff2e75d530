using Testbed.LibOS.Net.Tcp;
using Testbed.LibOS.Net.Udp;
using Testbed.LibOS.Threading;

namespace Testbed.LibOS.Net.Sockets
{
    /// <summary>
    /// What the core library's Socket holds: one TCP or UDP endpoint of the stack, the queue its
    /// blocked users wait on, and the options that live above the protocols.
    /// </summary>
    internal sealed class NetSocket
    {
        public readonly TcpSocket Tcp;
        public readonly UdpSocket Udp;
        public readonly WaitQueue Waiters = new WaitQueue();
        public bool Closed;
        public bool Listening;
        public bool ReuseAddress;
        public bool KeepAlive;
        /// <summary>SO_LINGER's seconds; -1 when off. 0 makes Close reset the connection.</summary>
        public int LingerSeconds = -1;
        /// <summary>A connect in progress (non-blocking), reported by the next Connect, Poll or SO_ERROR.</summary>
        public bool Connecting;
        /// <summary>Accepted, or a connect was started: from then on a failure is the connection's, not "not connected".</summary>
        public bool EverConnected;

        public NetSocket(TcpSocket tcp)
        {
            Tcp = tcp;
            tcp.UserState = this;
        }

        public NetSocket(UdpSocket udp)
        {
            Udp = udp;
            udp.UserState = this;
        }

        public bool IsTcp => Tcp != null;
    }
}
