using System;
using System.Net.Sockets;
using System.Runtime;
using Testbed.LibOS.Net.Ipv4;
using Testbed.LibOS.Net.Tcp;
using Testbed.LibOS.Net.Udp;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Net.Sockets
{
    /// <summary>
    /// The socket service the core library imports (libos/corlib/System/Net/Sockets/SocketService.cs
    /// states the contract). The blocking variants wait here, on the socket's own queue, with the
    /// deadline their timeout gives; every operation that may have sent a segment or armed a timer
    /// kicks the network loop. Payload crosses this boundary as (pointer, length) into the caller's
    /// pinned buffer: the one copy into or out of the stack is counted by TCP and UDP.
    /// </summary>
    internal static unsafe class SocketExports
    {
        [RuntimeExport("tb_net_open", WhenImported = true)]
        private static object Open(SocketType type, ProtocolType protocol, out SocketError error)
        {
            NetStack stack = NetworkLoop.Stack;
            error = SocketError.Success;
            if (type == SocketType.Stream && (protocol == ProtocolType.Tcp || protocol == ProtocolType.Unspecified))
                return new NetSocket(stack.Tcp.CreateSocket());
            if (type == SocketType.Dgram && (protocol == ProtocolType.Udp || protocol == ProtocolType.Unspecified))
                return new NetSocket(stack.Udp.CreateSocket());
            error = type == SocketType.Stream || type == SocketType.Dgram ? SocketError.ProtocolNotSupported : SocketError.SocketNotSupported;
            return null;
        }

        [RuntimeExport("tb_net_bind", WhenImported = true)]
        private static SocketError Bind(object handle, uint address, int port)
        {
            var socket = (NetSocket)handle;
            NetStack stack = NetworkLoop.Stack;
            if (address != 0 && !Ipv4Layer.IsLoopback(address) && (stack.Ethernet == null || address != stack.Ethernet.Address))
                return SocketError.AddressNotAvailable;
            if (socket.IsTcp)
            {
                if (socket.Tcp.LocalPort != 0)
                    return SocketError.InvalidArgument;
                socket.Tcp.ReuseAddress = socket.ReuseAddress;
                return Map(stack.Tcp.Bind(socket.Tcp, address, (ushort)port));
            }
            if (socket.Udp.IsBound)
                return SocketError.InvalidArgument;
            return stack.Udp.Bind(socket.Udp, address, (ushort)port, socket.ReuseAddress) ? SocketError.Success : SocketError.AddressAlreadyInUse;
        }

        [RuntimeExport("tb_net_listen", WhenImported = true)]
        private static SocketError Listen(object handle, int backlog)
        {
            var socket = (NetSocket)handle;
            if (!socket.IsTcp)
                return SocketError.OperationNotSupported;
            if (socket.Tcp.LocalPort == 0)
            {
                // As Linux: listening on an unbound socket binds it to an ephemeral port first.
                SocketError bound = Map(NetworkLoop.Stack.Tcp.Bind(socket.Tcp, 0, 0));
                if (bound != SocketError.Success)
                    return bound;
            }
            SocketError error = Map(socket.Tcp.Listen(backlog));
            if (error == SocketError.Success)
                socket.Listening = true;
            return error;
        }

        [RuntimeExport("tb_net_accept", WhenImported = true)]
        private static object Accept(object handle, bool blocking, out SocketError error)
        {
            var socket = (NetSocket)handle;
            if (!socket.IsTcp || !socket.Listening)
            {
                error = SocketError.InvalidArgument;
                return null;
            }
            while (true)
            {
                TcpSocket accepted = socket.Tcp.Accept(out TcpError tcpError);
                if (accepted != null)
                {
                    error = SocketError.Success;
                    var connection = new NetSocket(accepted);
                    connection.EverConnected = true;
                    return connection;
                }
                if (tcpError != TcpError.WouldBlock)
                {
                    error = Map(tcpError);
                    return null;
                }
                if (!blocking)
                {
                    error = SocketError.WouldBlock;
                    return null;
                }
                socket.Waiters.Wait();
                if (socket.Closed)
                {
                    error = SocketError.OperationAborted;
                    return null;
                }
            }
        }

        [RuntimeExport("tb_net_connect", WhenImported = true)]
        private static SocketError Connect(object handle, uint address, int port, bool blocking, int timeoutMilliseconds)
        {
            var socket = (NetSocket)handle;
            NetStack stack = NetworkLoop.Stack;
            if (!socket.IsTcp)
            {
                if (!socket.Udp.IsBound && !stack.Udp.Bind(socket.Udp, 0, 0, false))
                    return SocketError.AddressNotAvailable;
                socket.Udp.RemoteAddress = address;
                socket.Udp.RemotePort = (ushort)port;
                return SocketError.Success;
            }
            if (socket.Listening)
                return SocketError.InvalidArgument;
            if (!socket.Connecting)
            {
                if (address == 0)
                    address = Ipv4Layer.LoopbackNetwork | 1;
                SocketError started = Map(socket.Tcp.Connect(address, (ushort)port));
                NetworkLoop.AfterOperation();
                if (started != SocketError.Success)
                    return started;
                socket.Connecting = true;
                socket.EverConnected = true;
            }
            else if (!blocking)
                return socket.Tcp.State == TcpState.SynSent ? SocketError.AlreadyInProgress : FinishConnect(socket);
            if (!blocking)
                return SocketError.WouldBlock;
            ulong deadline = Deadline(timeoutMilliseconds);
            while (socket.Tcp.State == TcpState.SynSent || socket.Tcp.State == TcpState.SynReceived)
            {
                if (!socket.Waiters.Wait(deadline))
                {
                    socket.Tcp.Abort();
                    socket.Connecting = false;
                    return SocketError.TimedOut;
                }
            }
            return FinishConnect(socket);
        }

        private static SocketError FinishConnect(NetSocket socket)
        {
            socket.Connecting = false;
            TcpError pending = socket.Tcp.TakeError();
            if (pending != TcpError.None)
                return Map(pending);
            return socket.Tcp.State == TcpState.Closed ? SocketError.ConnectionRefused : SocketError.Success;
        }

        [RuntimeExport("tb_net_send", WhenImported = true)]
        private static int Send(object handle, byte* data, int length, SocketFlags flags, bool blocking, int timeoutMilliseconds, out SocketError error)
        {
            var socket = (NetSocket)handle;
            error = SocketError.Success;
            if (!socket.IsTcp)
            {
                if (socket.Udp.RemotePort == 0)
                {
                    error = SocketError.NotConnected;
                    return 0;
                }
                return SendTo(handle, data, length, socket.Udp.RemoteAddress, socket.Udp.RemotePort, out error);
            }
            if (NeverConnected(socket))
            {
                // Linux's EPIPE, which .NET reports as Shutdown ("Broken pipe").
                error = SocketError.Shutdown;
                return 0;
            }
            ulong deadline = Deadline(timeoutMilliseconds);
            int total = 0;
            while (true)
            {
                int sent = socket.Tcp.Send(new ReadOnlySpan<byte>(data + total, length - total), out TcpError tcpError);
                total += sent;
                if (sent > 0)
                    NetworkLoop.AfterOperation();
                if (total == length)
                    return total;
                if (tcpError != TcpError.None && tcpError != TcpError.WouldBlock)
                {
                    if (total == 0)
                        error = Map(tcpError);
                    return total;
                }
                // Delivering the loopback frames may already have brought the ACKs that free space,
                // and their wake-up came before this thread waited: try again before waiting.
                if (sent > 0)
                    continue;
                if (!blocking)
                {
                    if (total == 0)
                        error = SocketError.WouldBlock;
                    return total;
                }
                if (!socket.Waiters.Wait(deadline))
                {
                    if (total == 0)
                        error = SocketError.TimedOut;
                    return total;
                }
                if (socket.Closed)
                {
                    error = SocketError.OperationAborted;
                    return total;
                }
            }
        }

        [RuntimeExport("tb_net_receive", WhenImported = true)]
        private static int Receive(object handle, byte* data, int length, SocketFlags flags, bool blocking, int timeoutMilliseconds, out SocketError error)
        {
            var socket = (NetSocket)handle;
            if (!socket.IsTcp)
            {
                int received = ReceiveFrom(handle, data, length, flags, blocking, timeoutMilliseconds, out uint _, out int _, out error);
                return received;
            }
            error = SocketError.Success;
            if (NeverConnected(socket))
            {
                error = SocketError.NotConnected;
                return 0;
            }
            if (length == 0)
                return 0;
            ulong deadline = Deadline(timeoutMilliseconds);
            while (true)
            {
                int received = socket.Tcp.Receive(new Span<byte>(data, length), out TcpError tcpError);
                if (received > 0)
                {
                    // Reading may reopen the window: the loop sends the update.
                    NetworkLoop.AfterOperation();
                    return received;
                }
                if (tcpError == TcpError.None)
                    return 0;
                if (tcpError != TcpError.WouldBlock)
                {
                    error = Map(tcpError);
                    return 0;
                }
                if (!blocking)
                {
                    error = SocketError.WouldBlock;
                    return 0;
                }
                if (!socket.Waiters.Wait(deadline))
                {
                    error = SocketError.TimedOut;
                    return 0;
                }
                if (socket.Closed)
                {
                    error = SocketError.OperationAborted;
                    return 0;
                }
            }
        }

        [RuntimeExport("tb_net_send_to", WhenImported = true)]
        private static int SendTo(object handle, byte* data, int length, uint address, int port, out SocketError error)
        {
            var socket = (NetSocket)handle;
            error = SocketError.Success;
            if (socket.IsTcp)
                return Send(handle, data, length, SocketFlags.None, true, 0, out error);
            int sent = socket.Udp.SendTo(new ReadOnlySpan<byte>(data, length), address, (ushort)port, out UdpError udpError);
            NetworkLoop.AfterOperation();
            if (sent < 0)
            {
                error = Map(udpError);
                return 0;
            }
            return sent;
        }

        [RuntimeExport("tb_net_receive_from", WhenImported = true)]
        private static int ReceiveFrom(object handle, byte* data, int length, SocketFlags flags, bool blocking, int timeoutMilliseconds,
            out uint address, out int port, out SocketError error)
        {
            var socket = (NetSocket)handle;
            address = 0;
            port = 0;
            error = SocketError.Success;
            if (socket.IsTcp)
            {
                if (socket.Tcp.State != TcpState.Closed && socket.Tcp.State != TcpState.Listen)
                {
                    address = socket.Tcp.RemoteAddress;
                    port = socket.Tcp.RemotePort;
                }
                return Receive(handle, data, length, flags, blocking, timeoutMilliseconds, out error);
            }
            ulong deadline = Deadline(timeoutMilliseconds);
            while (true)
            {
                int received = socket.Udp.Receive(new Span<byte>(data, length), (flags & SocketFlags.Peek) != 0, out uint source, out ushort sourcePort, out bool truncated);
                if (received >= 0)
                {
                    address = source;
                    port = sourcePort;
                    // A longer datagram loses its excess silently, as .NET's ReceiveFrom on Linux reports it.
                    return truncated ? length : received;
                }
                if (!blocking)
                {
                    error = SocketError.WouldBlock;
                    return 0;
                }
                if (!socket.Waiters.Wait(deadline))
                {
                    error = SocketError.TimedOut;
                    return 0;
                }
                if (socket.Closed)
                {
                    error = SocketError.OperationAborted;
                    return 0;
                }
            }
        }

        [RuntimeExport("tb_net_shutdown", WhenImported = true)]
        private static SocketError Shutdown(object handle, SocketShutdown how)
        {
            var socket = (NetSocket)handle;
            if (!socket.IsTcp)
                return socket.Udp.RemotePort == 0 ? SocketError.NotConnected : SocketError.Success;
            TcpState state = socket.Tcp.State;
            if (state == TcpState.Closed || state == TcpState.Listen || state == TcpState.SynSent)
                return SocketError.NotConnected;
            if (how == SocketShutdown.Send || how == SocketShutdown.Both)
                socket.Tcp.ShutdownSend();
            if (how == SocketShutdown.Receive || how == SocketShutdown.Both)
                socket.Tcp.ShutdownReceive();
            NetworkLoop.AfterOperation();
            return SocketError.Success;
        }

        [RuntimeExport("tb_net_close", WhenImported = true)]
        private static void Close(object handle)
        {
            var socket = (NetSocket)handle;
            if (socket.Closed)
                return;
            socket.Closed = true;
            if (socket.IsTcp)
            {
                if (socket.LingerSeconds == 0)
                    socket.Tcp.Abort();
                else
                    socket.Tcp.Close();
                socket.Tcp.UserState = null;
            }
            else
            {
                socket.Udp.Close();
                socket.Udp.UserState = null;
            }
            // Threads blocked on the socket see Closed and give up.
            socket.Waiters.WakeAll();
            NetworkLoop.AfterOperation();
        }

        [RuntimeExport("tb_net_poll", WhenImported = true)]
        private static bool Poll(object handle, SelectMode mode)
        {
            var socket = (NetSocket)handle;
            if (!socket.IsTcp)
                return mode == SelectMode.SelectRead ? socket.Udp.HasDatagram : mode == SelectMode.SelectWrite;
            TcpSocket tcp = socket.Tcp;
            switch (mode)
            {
                case SelectMode.SelectRead:
                    // Listeners: a connection to accept. Others: data, the peer's FIN or an error.
                    return tcp.CanReceive || (tcp.State == TcpState.Closed && !socket.Listening && !socket.Connecting);
                case SelectMode.SelectWrite:
                    return tcp.CanSend && tcp.PendingError == TcpError.None && !socket.Listening;
                default:
                    return socket.Connecting && tcp.PendingError != TcpError.None;
            }
        }

        [RuntimeExport("tb_net_wait", WhenImported = true)]
        private static bool WaitForChange(long timeoutMicroseconds)
        {
            ulong deadline = timeoutMicroseconds < 0 ? ulong.MaxValue : Clock.DeadlineIn((ulong)timeoutMicroseconds * 1000UL);
            return NetworkLoop.WaitForAnyChange(deadline);
        }

        [RuntimeExport("tb_net_now_microseconds", WhenImported = true)]
        private static long NowMicroseconds() => NetworkLoop.NowMicroseconds();

        [RuntimeExport("tb_net_available", WhenImported = true)]
        private static int Available(object handle)
        {
            var socket = (NetSocket)handle;
            return socket.IsTcp ? socket.Tcp.Available : socket.Udp.Available;
        }

        [RuntimeExport("tb_net_endpoint", WhenImported = true)]
        private static bool EndPoint(object handle, bool remote, out uint address, out int port)
        {
            var socket = (NetSocket)handle;
            if (socket.IsTcp)
            {
                TcpSocket tcp = socket.Tcp;
                bool connected = tcp.State != TcpState.Closed && tcp.State != TcpState.Listen;
                address = remote ? tcp.RemoteAddress : tcp.LocalAddress;
                port = remote ? tcp.RemotePort : tcp.LocalPort;
                return remote ? connected && port != 0 : port != 0;
            }
            UdpSocket udp = socket.Udp;
            address = remote ? udp.RemoteAddress : udp.LocalAddress;
            port = remote ? udp.RemotePort : udp.LocalPort;
            return port != 0;
        }

        [RuntimeExport("tb_net_set_option", WhenImported = true)]
        private static SocketError SetOption(object handle, SocketOptionName name, int value)
        {
            var socket = (NetSocket)handle;
            switch (name)
            {
                case SocketOptionName.NoDelay:
                    if (socket.IsTcp)
                        socket.Tcp.NoDelay = value != 0;
                    return socket.IsTcp ? SocketError.Success : SocketError.ProtocolOption;
                case SocketOptionName.ReuseAddress:
                    socket.ReuseAddress = value != 0;
                    return SocketError.Success;
                case SocketOptionName.KeepAlive:
                    socket.KeepAlive = value != 0;
                    return SocketError.Success;
                case SocketOptionName.Broadcast:
                    if (!socket.IsTcp)
                        socket.Udp.Broadcast = value != 0;
                    return SocketError.Success;
                case SocketOptionName.Linger:
                    socket.LingerSeconds = value;
                    return SocketError.Success;
                case SocketOptionName.ReceiveBuffer:
                    if (value <= 0)
                        return SocketError.InvalidArgument;
                    if (socket.IsTcp)
                        socket.Tcp.ReceiveBufferSize = value;
                    else
                        socket.Udp.ReceiveBufferBytes = value;
                    return SocketError.Success;
                case SocketOptionName.SendBuffer:
                    if (value <= 0)
                        return SocketError.InvalidArgument;
                    if (socket.IsTcp)
                        socket.Tcp.SendBufferSize = value;
                    return SocketError.Success;
                default:
                    return SocketError.ProtocolOption;
            }
        }

        [RuntimeExport("tb_net_get_option", WhenImported = true)]
        private static SocketError GetOption(object handle, SocketOptionName name, out int value)
        {
            var socket = (NetSocket)handle;
            value = 0;
            switch (name)
            {
                case SocketOptionName.NoDelay:
                    value = socket.IsTcp && socket.Tcp.NoDelay ? 1 : 0;
                    return socket.IsTcp ? SocketError.Success : SocketError.ProtocolOption;
                case SocketOptionName.ReuseAddress:
                    value = socket.ReuseAddress ? 1 : 0;
                    return SocketError.Success;
                case SocketOptionName.KeepAlive:
                    value = socket.KeepAlive ? 1 : 0;
                    return SocketError.Success;
                case SocketOptionName.Broadcast:
                    value = !socket.IsTcp && socket.Udp.Broadcast ? 1 : 0;
                    return SocketError.Success;
                case SocketOptionName.Linger:
                    value = socket.LingerSeconds;
                    return SocketError.Success;
                case SocketOptionName.ReceiveBuffer:
                    value = socket.IsTcp ? socket.Tcp.ReceiveBufferSize : socket.Udp.ReceiveBufferBytes;
                    return SocketError.Success;
                case SocketOptionName.SendBuffer:
                    value = socket.IsTcp ? socket.Tcp.SendBufferSize : UdpSocket.DefaultReceiveBufferBytes;
                    return SocketError.Success;
                case SocketOptionName.AcceptConnection:
                    value = socket.Listening ? 1 : 0;
                    return SocketError.Success;
                case SocketOptionName.Error:
                    value = socket.IsTcp ? (int)Map(socket.Tcp.TakeError()) : 0;
                    return SocketError.Success;
                default:
                    return SocketError.ProtocolOption;
            }
        }

        /// <summary>A TCP socket that is neither connected nor connecting, nor was ever (a listener, a fresh socket).</summary>
        private static bool NeverConnected(NetSocket socket) =>
            socket.Listening || !socket.EverConnected;

        private static ulong Deadline(int timeoutMilliseconds) =>
            timeoutMilliseconds <= 0 ? ulong.MaxValue : Clock.DeadlineIn((ulong)timeoutMilliseconds * 1_000_000UL);

        internal static SocketError Map(TcpError error)
        {
            switch (error)
            {
                case TcpError.None: return SocketError.Success;
                case TcpError.WouldBlock: return SocketError.WouldBlock;
                case TcpError.AddressInUse: return SocketError.AddressAlreadyInUse;
                case TcpError.AddressNotAvailable: return SocketError.AddressNotAvailable;
                case TcpError.InvalidArgument: return SocketError.InvalidArgument;
                case TcpError.IsConnected: return SocketError.IsConnected;
                case TcpError.NotConnected: return SocketError.NotConnected;
                case TcpError.AlreadyInProgress: return SocketError.AlreadyInProgress;
                case TcpError.ConnectionRefused: return SocketError.ConnectionRefused;
                case TcpError.ConnectionReset: return SocketError.ConnectionReset;
                case TcpError.ConnectionAborted: return SocketError.ConnectionAborted;
                case TcpError.TimedOut: return SocketError.TimedOut;
                case TcpError.Shutdown: return SocketError.Shutdown;
                case TcpError.NoBufferSpace: return SocketError.NoBufferSpaceAvailable;
                case TcpError.HostUnreachable: return SocketError.HostUnreachable;
                default: return SocketError.SocketError;
            }
        }

        private static SocketError Map(UdpError error)
        {
            switch (error)
            {
                case UdpError.None: return SocketError.Success;
                case UdpError.MessageSize: return SocketError.MessageSize;
                case UdpError.HostUnreachable: return SocketError.NetworkUnreachable;
                case UdpError.AddressNotAvailable: return SocketError.AddressNotAvailable;
                case UdpError.AccessDenied: return SocketError.AccessDenied;
                default: return SocketError.InvalidArgument;
            }
        }
    }
}
