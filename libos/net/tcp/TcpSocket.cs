using System;
using System.Collections.Generic;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// One TCP endpoint: a listener, or a connection with its transmission control block (RFC 9293,
    /// section 3.3.1). Every operation is non-blocking; the sockets layer above waits on
    /// <see cref="ITcpHost.SocketChanged"/>. This file holds the state and the user's operations; the
    /// protocol is split by concern into TcpSocket.Input, .Output, .Timers, .Congestion and .Options.
    /// </summary>
    public sealed partial class TcpSocket
    {
        public const int DefaultBufferSize = 64 * 1024;
        public const int MinimumBufferSize = 2 * 1024;
        public const int MaximumBufferSize = 16 * 1024 * 1024;

        internal readonly TcpLayer layer;
        internal readonly TcpSettings settings;
        internal TcpState state;

        internal uint localAddress;
        internal ushort localPort;
        internal uint remoteAddress;
        internal ushort remotePort;

        // Owned by TcpLayer and TcpConnectionTable.
        internal TcpSocket NextInBucket;
        internal int TableIndex = -1;
        internal TcpPortBinding binding;

        private TcpError pendingError;
        private int sendBufferSize = DefaultBufferSize;
        /// <summary>The application set the size: no auto-tuning.</summary>
        private bool sendBufferFixed;
        /// <summary>A Send found the buffer full since the last auto-tuning step.</summary>
        private bool sendBufferFilled;
        /// <summary>Bytes this connection's send buffer has grown by, counted against <see cref="TcpSettings.AutoSendBufferBudget"/>.</summary>
        private int sendBufferGrowth;
        private int receiveBufferSize = DefaultBufferSize;
        internal TcpSendBuffer sendBuffer;
        internal TcpReceiveBuffer receiveBuffer;

        // A listener's queues: completed connections waiting for Accept, and the count of half-open ones.
        private Queue<TcpSocket> acceptQueue;
        private int backlog;
        internal int synQueueCount;
        /// <summary>For a passive connection until accepted: the listener whose queues it is in.</summary>
        internal TcpSocket listener;
        internal bool inSynQueue;

        /// <summary>The user has closed (or aborted) the socket: the connection lives on as an orphan.</summary>
        internal bool userClosed;
        private bool wasConnected;
        private bool finRequested;
        private bool receiveShutdown;
        private bool peerFinReceived;
        /// <summary>Something the user may wait for happened; the layer tells the host once per event.</summary>
        internal bool notifyPending;

        internal TcpSocket(TcpLayer layer)
        {
            this.layer = layer;
            settings = layer.Settings;
        }

        public TcpState State => state;
        public uint LocalAddress => localAddress;
        public ushort LocalPort => localPort;
        public uint RemoteAddress => remoteAddress;
        public ushort RemotePort => remotePort;

        /// <summary>Disables Nagle's algorithm (RFC 9293, section 3.7.4): small segments go out at once.</summary>
        public bool NoDelay { get; set; }

        /// <summary>Lets Bind take a port held by connections (TIME-WAIT included) but not by a listener, as SO_REUSEADDR on Linux.</summary>
        public bool ReuseAddress { get; set; }

        /// <summary>The sockets layer's wait queue; TCP only stores it.</summary>
        public object UserState { get; set; }

        /// <summary>Settable until the connection is established (or the listener accepts it).</summary>
        /// <summary>
        /// Setting it fixes the size; left alone, the buffer starts at <see cref="DefaultBufferSize"/> and
        /// grows while a bulk sender keeps it full (as Linux's SO_SNDBUF turns off its auto-tuning).
        /// Reads the current size.
        /// </summary>
        public int SendBufferSize
        {
            get => sendBuffer != null ? sendBuffer.Capacity : sendBufferSize;
            set
            {
                if (sendBuffer == null)
                {
                    sendBufferSize = ClampBufferSize(value);
                    sendBufferFixed = true;
                }
            }
        }

        /// <summary>Settable before Connect/Listen: the window scale is chosen from it in the SYN.</summary>
        public int ReceiveBufferSize
        {
            get => receiveBufferSize;
            set { if (receiveBuffer == null && (state == TcpState.Closed || state == TcpState.Listen)) receiveBufferSize = ClampBufferSize(value); }
        }

        private static int ClampBufferSize(int value)
        {
            if (value < MinimumBufferSize)
                return MinimumBufferSize;
            return value > MaximumBufferSize ? MaximumBufferSize : value;
        }

        /// <summary>The error the connection ended with (refused, reset, timed out), until taken.</summary>
        public TcpError PendingError => pendingError;

        public TcpError TakeError()
        {
            TcpError error = pendingError;
            pendingError = TcpError.None;
            return error;
        }

        /// <summary>Bytes that a Receive would return now.</summary>
        public int Available => receiveBuffer == null || receiveShutdown ? 0 : receiveBuffer.Count;

        /// <summary>A Receive (or, on a listener, an Accept) would not block.</summary>
        public bool CanReceive
        {
            get
            {
                if (pendingError != TcpError.None)
                    return true;
                if (state == TcpState.Listen)
                    return acceptQueue.Count > 0;
                return state == TcpState.Closed || Available > 0 || peerFinReceived || receiveShutdown;
            }
        }

        /// <summary>A Send would not block: room in the send buffer, or an error or shutdown to report.</summary>
        public bool CanSend
        {
            get
            {
                if (pendingError != TcpError.None)
                    return true;
                switch (state)
                {
                    case TcpState.SynSent:
                    case TcpState.SynReceived:
                        return false;
                    case TcpState.Established:
                    case TcpState.CloseWait:
                        return finRequested || sendBuffer.Free > 0;
                    default:
                        return true;
                }
            }
        }

        public TcpError Listen(int backlog)
        {
            if (backlog < 1)
                backlog = 1;
            if (backlog > settings.MaximumBacklog)
                backlog = settings.MaximumBacklog;
            if (state == TcpState.Listen)
            {
                this.backlog = backlog;
                return TcpError.None;
            }
            if (state != TcpState.Closed || wasConnected || userClosed)
                return TcpError.InvalidArgument;
            if (binding == TcpPortBinding.None)
            {
                TcpError error = layer.Bind(this, 0, 0);
                if (error != TcpError.None)
                    return error;
            }
            if (layer.FindListener(localAddress, localPort, this) != null)
                return TcpError.AddressInUse;
            this.backlog = backlog;
            acceptQueue = new Queue<TcpSocket>();
            state = TcpState.Listen;
            return TcpError.None;
        }

        /// <summary>The next completed connection, or null with WouldBlock.</summary>
        public TcpSocket Accept(out TcpError error)
        {
            if (state != TcpState.Listen)
            {
                error = TcpError.InvalidArgument;
                return null;
            }
            if (acceptQueue.Count == 0)
            {
                error = TcpError.WouldBlock;
                return null;
            }
            TcpSocket child = acceptQueue.Dequeue();
            child.listener = null;
            error = TcpError.None;
            return child;
        }

        /// <summary>Starts the three-way handshake; completion, refusal or time-out is reported through SocketChanged.</summary>
        public TcpError Connect(uint address, ushort port)
        {
            switch (state)
            {
                case TcpState.Closed:
                    break;
                case TcpState.SynSent:
                case TcpState.SynReceived:
                    return TcpError.AlreadyInProgress;
                case TcpState.Listen:
                    return TcpError.InvalidArgument;
                default:
                    return TcpError.IsConnected;
            }
            if (userClosed)
                return TcpError.InvalidArgument;
            if (address == 0 || port == 0)
                return TcpError.AddressNotAvailable;
            layer.RefreshClock();
            uint source = layer.host.SourceAddressFor(address);
            if (source == 0)
                return TcpError.HostUnreachable;
            if (binding == TcpPortBinding.None)
            {
                TcpError error = layer.Bind(this, 0, 0);
                if (error != TcpError.None)
                    return error;
            }
            if (localAddress == 0)
                localAddress = source;
            TcpSocket existing = layer.connections.Find(localAddress, localPort, address, port);
            if (existing != null)
            {
                if (existing.state != TcpState.TimeWait || !ReuseAddress)
                    return TcpError.AddressInUse;
                TcpCounters.TimeWaitReused++;
                existing.EnterClosed(TcpError.None);
            }
            pendingError = TcpError.None;
            peerFinReceived = false;
            finRequested = false;
            receiveShutdown = false;
            InitializeConnection(localAddress, localPort, address, port);
            state = TcpState.SynSent;
            layer.connections.Add(this);
            SendSyn();
            return TcpError.None;
        }

        /// <summary>Copies as much of <paramref name="data"/> as fits into the send buffer and sends what the windows allow.</summary>
        public int Send(ReadOnlySpan<byte> data, out TcpError error)
        {
            if (pendingError != TcpError.None)
            {
                error = TakeError();
                return 0;
            }
            if (finRequested)
            {
                error = TcpError.Shutdown;
                return 0;
            }
            switch (state)
            {
                case TcpState.Established:
                case TcpState.CloseWait:
                    break;
                case TcpState.SynSent:
                case TcpState.SynReceived:
                    error = TcpError.WouldBlock;
                    return 0;
                default:
                    error = wasConnected ? TcpError.Shutdown : TcpError.NotConnected;
                    return 0;
            }
            if (data.Length == 0)
            {
                error = TcpError.None;
                return 0;
            }
            int n = sendBuffer.Write(data);
            if (n < data.Length)
                sendBufferFilled = true;
            if (n == 0)
            {
                error = TcpError.WouldBlock;
                return 0;
            }
            NetCounters.CopiedIntoSendBuffer += n;
            layer.RefreshClock();
            Output();
            error = TcpError.None;
            return n;
        }

        /// <summary>
        /// Received bytes (more than 0), or 0 with None at the orderly end of the stream, 0 with
        /// WouldBlock when nothing has arrived yet, or 0 with the error that ended the connection.
        /// </summary>
        public int Receive(Span<byte> into, out TcpError error)
        {
            if (state == TcpState.Listen)
            {
                error = TcpError.InvalidArgument;
                return 0;
            }
            if (receiveBuffer != null && !receiveShutdown && receiveBuffer.Count > 0 && into.Length > 0)
            {
                int n = receiveBuffer.Read(into);
                NetCounters.CopiedToApplication += n;
                layer.RefreshClock();
                OnApplicationRead();
                error = TcpError.None;
                return n;
            }
            if (pendingError != TcpError.None)
            {
                error = TakeError();
                return 0;
            }
            error = TcpError.None;
            if (peerFinReceived || receiveShutdown || into.Length == 0)
                return 0;
            switch (state)
            {
                case TcpState.Closed:
                    if (!wasConnected)
                        error = TcpError.NotConnected;
                    return 0;
                default:
                    error = TcpError.WouldBlock;
                    return 0;
            }
        }

        /// <summary>Sends a FIN once the data already queued has been sent (half close).</summary>
        public void ShutdownSend()
        {
            switch (state)
            {
                case TcpState.Established:
                    finRequested = true;
                    state = TcpState.FinWait1;
                    break;
                case TcpState.CloseWait:
                    finRequested = true;
                    state = TcpState.LastAck;
                    break;
                case TcpState.SynSent:
                    EnterClosed(TcpError.None);
                    return;
                default:
                    return;
            }
            layer.RefreshClock();
            Output();
        }

        /// <summary>Discards what has arrived and what will arrive; Receive returns 0 from now on.</summary>
        public void ShutdownReceive()
        {
            receiveShutdown = true;
            if (receiveBuffer != null)
                receiveBuffer.DiscardReadable();
        }

        /// <summary>
        /// Graceful close: the connection sends what is queued, then a FIN, and lives on in the layer
        /// until done. With unread received data it is reset instead, as Linux does (RFC 9293,
        /// section 3.6, allows either), so that the peer learns its data was not consumed.
        /// </summary>
        public void Close()
        {
            if (userClosed)
                return;
            userClosed = true;
            layer.RefreshClock();
            switch (state)
            {
                case TcpState.Closed:
                    layer.Release(this);
                    return;
                case TcpState.Listen:
                    CloseListener();
                    return;
                case TcpState.SynSent:
                    EnterClosed(TcpError.None);
                    return;
                case TcpState.TimeWait:
                    receiveBuffer = null;
                    return;
            }
            if (receiveBuffer != null && receiveBuffer.Count > 0 || state == TcpState.SynReceived)
            {
                Abort();
                return;
            }
            switch (state)
            {
                case TcpState.Established:
                    finRequested = true;
                    state = TcpState.FinWait1;
                    Output();
                    break;
                case TcpState.CloseWait:
                    finRequested = true;
                    state = TcpState.LastAck;
                    Output();
                    break;
                case TcpState.FinWait2:
                    ArmStateTimer(settings.FinWait2TimeoutMicroseconds);
                    break;
            }
        }

        /// <summary>Resets the connection (RST) and frees it at once.</summary>
        public void Abort()
        {
            userClosed = true;
            layer.RefreshClock();
            switch (state)
            {
                case TcpState.Listen:
                    CloseListener();
                    return;
                case TcpState.SynReceived:
                case TcpState.Established:
                case TcpState.FinWait1:
                case TcpState.FinWait2:
                case TcpState.CloseWait:
                case TcpState.Closing:
                case TcpState.LastAck:
                    SendReset();
                    break;
            }
            EnterClosed(TcpError.None);
            receiveBuffer = null;
        }

        private void CloseListener()
        {
            // Completed connections nobody accepted are reset; half-open ones are dropped silently.
            while (acceptQueue.Count > 0)
            {
                TcpSocket child = acceptQueue.Dequeue();
                child.listener = null;
                child.userClosed = true;
                child.Abort();
            }
            layer.DropHalfOpenChildren(this);
            state = TcpState.Closed;
            layer.Release(this);
        }

        /// <summary>The connection is over: timers stop, the layer forgets it, the user may still read what arrived before a FIN.</summary>
        internal void EnterClosed(TcpError error)
        {
            rtoDeadline = long.MaxValue;
            persistDeadline = long.MaxValue;
            delayedAckDeadline = long.MaxValue;
            stateDeadline = long.MaxValue;
            state = TcpState.Closed;
            if (error != TcpError.None)
            {
                pendingError = error;
                receiveBuffer = null;
            }
            ReleaseSendBuffer();
            if (userClosed)
                receiveBuffer = null;
            notifyPending = true;
            layer.Release(this);
        }

        /// <summary>SYN-RECEIVED/SYN-SENT -> ESTABLISHED: buffers are allocated only now, so a SYN flood costs no buffer memory.</summary>
        private void Establish()
        {
            state = TcpState.Established;
            wasConnected = true;
            if (sendBuffer == null)
                sendBuffer = new TcpSendBuffer(sendBufferSize);
            if (receiveBuffer == null)
                receiveBuffer = new TcpReceiveBuffer(receiveBufferSize, settings.MaximumOutOfOrderRanges);
            InitializeCongestion();
            TcpCounters.ConnectionsEstablished++;
            if (listener != null)
            {
                TcpSocket l = listener;
                if (inSynQueue)
                {
                    inSynQueue = false;
                    l.synQueueCount--;
                }
                l.acceptQueue.Enqueue(this);
                layer.NotifyUser(l);
            }
            else
                notifyPending = true;
        }

        internal bool AcceptQueueFull => acceptQueue.Count >= backlog;

        internal void InheritFrom(TcpSocket parent)
        {
            sendBufferSize = parent.sendBufferSize;
            sendBufferFixed = parent.sendBufferFixed;
            receiveBufferSize = parent.receiveBufferSize;
            NoDelay = parent.NoDelay;
        }
    }

    internal enum TcpPortBinding
    {
        None,
        /// <summary>Bound explicitly or by Connect/Listen: listed in the port's entry.</summary>
        Owner,
        /// <summary>A passive connection sharing its listener's port: only counted.</summary>
        Child,
    }
}
