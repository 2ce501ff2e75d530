using System.Runtime;

namespace System.Net.Sockets
{
    /// <summary>
    /// The library OS's socket service (libos/net/sockets/SocketExports.cs), the core library's only way
    /// into the network stack: the boundary that a conventional OS puts behind system calls. A socket is
    /// the service's own object, opaque here. Addresses are IPv4 in host byte order (10.0.0.1 is
    /// 0x0A000001); ports are 0..65535. Every call reports .NET's <see cref="SocketError"/>; the blocking
    /// ones wait on the library OS's green threads. Timeouts are in milliseconds, 0 or -1 meaning none,
    /// as .NET's ReceiveTimeout/SendTimeout. These are compiled into an image only when imported, so a
    /// program without sockets carries no network stack.
    /// </summary>
    internal static unsafe class SocketService
    {
        /// <summary>A new TCP (Stream) or UDP (Dgram) socket; null with the error otherwise.</summary>
        [RuntimeImport("tb_net_open")]
        internal static extern object Open(SocketType type, ProtocolType protocol, out SocketError error);

        [RuntimeImport("tb_net_bind")]
        internal static extern SocketError Bind(object socket, uint address, int port);

        [RuntimeImport("tb_net_listen")]
        internal static extern SocketError Listen(object socket, int backlog);

        /// <summary>The next connection, or null with the error (WouldBlock when not blocking and none is ready).</summary>
        [RuntimeImport("tb_net_accept")]
        internal static extern object Accept(object socket, bool blocking, out SocketError error);

        /// <summary>Blocking: waits for the handshake. Not blocking: WouldBlock while it is in progress.</summary>
        [RuntimeImport("tb_net_connect")]
        internal static extern SocketError Connect(object socket, uint address, int port, bool blocking, int timeoutMilliseconds);

        /// <summary>Blocking: returns once every byte is queued (or the timeout/an error). Not blocking: what fits.</summary>
        [RuntimeImport("tb_net_send")]
        internal static extern int Send(object socket, byte* data, int length, SocketFlags flags, bool blocking, int timeoutMilliseconds, out SocketError error);

        /// <summary>Bytes received; 0 with Success is the peer's orderly shutdown.</summary>
        [RuntimeImport("tb_net_receive")]
        internal static extern int Receive(object socket, byte* data, int length, SocketFlags flags, bool blocking, int timeoutMilliseconds, out SocketError error);

        [RuntimeImport("tb_net_send_to")]
        internal static extern int SendTo(object socket, byte* data, int length, uint address, int port, out SocketError error);

        [RuntimeImport("tb_net_receive_from")]
        internal static extern int ReceiveFrom(object socket, byte* data, int length, SocketFlags flags, bool blocking, int timeoutMilliseconds,
            out uint address, out int port, out SocketError error);

        [RuntimeImport("tb_net_shutdown")]
        internal static extern SocketError Shutdown(object socket, SocketShutdown how);

        /// <summary>Releases the socket; TCP closes gracefully in the background (or resets, with unread data).</summary>
        [RuntimeImport("tb_net_close")]
        internal static extern void Close(object socket);

        /// <summary>Readiness now, without waiting, with Socket.Poll's meaning of each mode.</summary>
        [RuntimeImport("tb_net_poll")]
        internal static extern bool Poll(object socket, SelectMode mode);

        /// <summary>Waits until any socket's readiness may have changed; false when <paramref name="timeoutMicroseconds"/> (-1: none) passed first.</summary>
        [RuntimeImport("tb_net_wait")]
        internal static extern bool WaitForChange(long timeoutMicroseconds);

        [RuntimeImport("tb_net_available")]
        internal static extern int Available(object socket);

        /// <summary>The local or remote address and port; false when there is none (not bound, not connected).</summary>
        [RuntimeImport("tb_net_endpoint")]
        internal static extern bool EndPoint(object socket, bool remote, out uint address, out int port);

        /// <summary>NoDelay, ReuseAddress, ReceiveBuffer, SendBuffer, Broadcast, KeepAlive, Linger (seconds, -1 off).</summary>
        [RuntimeImport("tb_net_set_option")]
        internal static extern SocketError SetOption(object socket, SocketOptionName name, int value);

        [RuntimeImport("tb_net_get_option")]
        internal static extern SocketError GetOption(object socket, SocketOptionName name, out int value);

        /// <summary>A monotonic clock in microseconds (any origin), for the timeouts of Socket.Poll and Socket.Select.</summary>
        [RuntimeImport("tb_net_now_microseconds")]
        internal static extern long NowMicroseconds();
    }
}
