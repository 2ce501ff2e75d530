using System.Collections;

namespace System.Net.Sockets
{
    /// <summary>
    /// .NET's Socket, synchronous API, over the library OS's socket service (<see cref="SocketService"/>).
    /// State, argument checks and their order, and errors follow .NET's Socket.cs and SocketPal.Unix
    /// (CoreCLR 10 on Linux is the oracle). IPv4 only: <see cref="OSSupportsIPv6"/> is false, so the
    /// (SocketType, ProtocolType) constructor makes an InterNetwork socket, as .NET does on a host
    /// without IPv6 (CoreCLR on this machine makes a dual-mode IPv6 socket instead).
    /// Threads are cooperative: no locks.
    /// </summary>
    public class Socket : IDisposable
    {
        internal const int DefaultCloseTimeout = -1;

        private object _handle;
        private EndPoint _rightEndPoint;
        private EndPoint _remoteEndPoint;
        private EndPoint _localEndPoint;
        private EndPoint _pendingConnectRightEndPoint;
        private bool _isConnected;
        private bool _isDisconnected;
        private bool _willBlock = true;
        private bool _isListening;
        private bool _nonBlockingConnectInProgress;
        private bool _disposed;
        private readonly AddressFamily _addressFamily;
        private readonly SocketType _socketType;
        private readonly ProtocolType _protocolType;
        private int _closeTimeout = DefaultCloseTimeout;
        private int _receiveTimeout;   // milliseconds, 0: none (what getsockopt reports)
        private int _sendTimeout;

        public Socket(SocketType socketType, ProtocolType protocolType)
            : this(AddressFamily.InterNetwork, socketType, protocolType)
        {
        }

        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType)
        {
            SocketError error;
            if (addressFamily != AddressFamily.InterNetwork)
            {
                error = SocketError.AddressFamilyNotSupported;
            }
            else
            {
                _handle = SocketService.Open(socketType, protocolType, out error);
                if (error == SocketError.Success && _handle == null) error = SocketError.SocketError;
            }
            if (error != SocketError.Success) throw new SocketException((int)error);
            _addressFamily = addressFamily;
            _socketType = socketType;
            _protocolType = protocolType;
        }

        /// <summary>An accepted connection: the listener's families, connected, blocking as the listener.</summary>
        private Socket(object handle, Socket listener, EndPoint remoteEP)
        {
            _handle = handle;
            _addressFamily = listener._addressFamily;
            _socketType = listener._socketType;
            _protocolType = listener._protocolType;
            _remoteEndPoint = remoteEP;
            _rightEndPoint = listener._rightEndPoint;
            _localEndPoint = !IsWildcardEndPoint(listener._localEndPoint) ? listener._localEndPoint : null;
            SetToConnected();
            _willBlock = listener._willBlock;
        }

        public static bool OSSupportsIPv4 => true;

        public static bool OSSupportsIPv6 => false;

        public static bool OSSupportsUnixDomainSockets => false;

        [Obsolete("SupportsIPv4 is obsoleted for this type, please use OSSupportsIPv4 instead. https://go.microsoft.com/fwlink/?linkid=14202")]
        public static bool SupportsIPv4 => OSSupportsIPv4;

        [Obsolete("SupportsIPv6 is obsoleted for this type, please use OSSupportsIPv6 instead. https://go.microsoft.com/fwlink/?linkid=14202")]
        public static bool SupportsIPv6 => OSSupportsIPv6;

        // ---- properties ----

        public int Available
        {
            get
            {
                ThrowIfDisposed();
                return SocketService.Available(_handle);
            }
        }

        public EndPoint LocalEndPoint
        {
            get
            {
                ThrowIfDisposed();
                if (_nonBlockingConnectInProgress && Poll(0, SelectMode.SelectWrite))
                {
                    _nonBlockingConnectInProgress = false;
                    SetToConnected();
                }
                if (_rightEndPoint == null) return null;
                if (_localEndPoint == null)
                {
                    if (!SocketService.EndPoint(_handle, false, out uint address, out int port))
                        UpdateStatusAfterSocketErrorAndThrowException(SocketError.InvalidArgument);
                    _localEndPoint = new IPEndPoint(IPAddress.FromHostOrder(address), port);
                }
                return _localEndPoint;
            }
        }

        public EndPoint RemoteEndPoint
        {
            get
            {
                ThrowIfDisposed();
                if (_remoteEndPoint == null)
                {
                    if (_nonBlockingConnectInProgress && Poll(0, SelectMode.SelectWrite))
                    {
                        _nonBlockingConnectInProgress = false;
                        SetToConnected();
                    }
                    if (_rightEndPoint == null || !_isConnected) return null;
                    if (!SocketService.EndPoint(_handle, true, out uint address, out int port))
                        UpdateStatusAfterSocketErrorAndThrowException(SocketError.NotConnected);
                    _remoteEndPoint = new IPEndPoint(IPAddress.FromHostOrder(address), port);
                }
                return _remoteEndPoint;
            }
        }

        public bool Blocking
        {
            get => _willBlock;
            set
            {
                ThrowIfDisposed();
                _willBlock = value;
            }
        }

        public bool Connected
        {
            get
            {
                if (_nonBlockingConnectInProgress && Poll(0, SelectMode.SelectWrite))
                {
                    _nonBlockingConnectInProgress = false;
                    SetToConnected();
                }
                return _isConnected;
            }
        }

        public AddressFamily AddressFamily => _addressFamily;

        public SocketType SocketType => _socketType;

        public ProtocolType ProtocolType => _protocolType;

        public bool IsBound => _rightEndPoint != null;

        public bool DualMode
        {
            get => false;
            set => throw new NotSupportedException("This protocol version is not supported.");
        }

        public int ReceiveBufferSize
        {
            get => (int)GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer);
            set
            {
                if (value < 0) ThrowNegative(nameof(value), value);
                SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, value);
            }
        }

        public int SendBufferSize
        {
            get => (int)GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer);
            set
            {
                if (value < 0) ThrowNegative(nameof(value), value);
                SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, value);
            }
        }

        public int ReceiveTimeout
        {
            get => (int)GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout);
            set
            {
                if (value < -1) ThrowLessThanMinusOne(nameof(value), value);
                if (value == -1) value = 0;
                SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, value);
            }
        }

        public int SendTimeout
        {
            get => (int)GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout);
            set
            {
                if (value < -1) ThrowLessThanMinusOne(nameof(value), value);
                if (value == -1) value = 0;
                SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout, value);
            }
        }

        public LingerOption LingerState
        {
            get => (LingerOption)GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Linger);
            set => SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Linger, value);
        }

        public bool NoDelay
        {
            get => (int)GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay) != 0;
            set => SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, value ? 1 : 0);
        }

        public bool EnableBroadcast
        {
            get => (int)GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast) != 0;
            set => SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, value ? 1 : 0);
        }

        // ---- binding and connecting ----

        public void Bind(EndPoint localEP)
        {
            ThrowIfDisposed();
            if (localEP == null) throw new ArgumentNullException(nameof(localEP));
            SocketError error = Serialize(localEP, out uint address, out int port);
            if (error == SocketError.Success) error = SocketService.Bind(_handle, address, port);
            if (error != SocketError.Success) UpdateStatusAfterSocketErrorAndThrowException(error);
            _rightEndPoint = localEP;
        }

        public void Listen() => Listen(int.MaxValue);

        public void Listen(int backlog)
        {
            ThrowIfDisposed();
            SocketError error = SocketService.Listen(_handle, backlog);
            if (error != SocketError.Success) UpdateStatusAfterSocketErrorAndThrowException(error);
            _isListening = true;
        }

        public Socket Accept()
        {
            ThrowIfDisposed();
            if (_rightEndPoint == null) throw new InvalidOperationException("You must call the Bind method before performing this operation.");
            if (!_isListening) throw new InvalidOperationException("You must call the Listen method before performing this operation.");
            if (_isDisconnected) throw new InvalidOperationException("Once the socket has been disconnected, you can only accept again asynchronously.");

            object accepted = SocketService.Accept(_handle, _willBlock, out SocketError error);
            if (error == SocketError.Success && accepted == null) error = SocketError.SocketError;
            if (error != SocketError.Success)
            {
                if (_disposed) error = SocketError.Interrupted;
                UpdateStatusAfterSocketErrorAndThrowException(error);
            }
            EndPoint remote = null;
            if (SocketService.EndPoint(accepted, true, out uint address, out int port))
                remote = new IPEndPoint(IPAddress.FromHostOrder(address), port);
            return new Socket(accepted, this, remote);
        }

        public void Connect(EndPoint remoteEP)
        {
            ThrowIfDisposed();
            if (remoteEP == null) throw new ArgumentNullException(nameof(remoteEP));
            if (_isDisconnected)
                throw new InvalidOperationException("Once the socket has been disconnected, you can only reconnect again asynchronously, and only to a different EndPoint.  BeginConnect must be called on a thread that won't exit until the operation has been completed.");
            if (_isListening) throw new InvalidOperationException("You may not perform this operation after calling the Listen method.");
            if (_isConnected) throw new SocketException((int)SocketError.IsConnected);

            SocketError error = Serialize(remoteEP, out uint address, out int port);
            _pendingConnectRightEndPoint = remoteEP;
            _nonBlockingConnectInProgress = !Blocking;
            if (error == SocketError.Success)
                error = SocketService.Connect(_handle, address, port, _willBlock, _sendTimeout);
            if (error != SocketError.Success)
            {
                if (_disposed) error = SocketError.NotSocket;
                SocketException exception = SocketException.WithEndPoint(error, remoteEP);
                UpdateStatusAfterSocketError(error);
                throw exception;
            }
            _pendingConnectRightEndPoint = remoteEP;
            _nonBlockingConnectInProgress = false;
            SetToConnected();
        }

        public void Connect(IPAddress address, int port)
        {
            ThrowIfDisposed();
            if (address == null) throw new ArgumentNullException(nameof(address));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            if (_isConnected) throw new SocketException((int)SocketError.IsConnected);
            if (address.AddressFamily != _addressFamily) throw new NotSupportedException("This protocol version is not supported.");
            Connect(new IPEndPoint(address, port));
        }

        /// <summary>Host names: dotted addresses and "localhost" only (there is no resolver).</summary>
        public void Connect(string host, int port)
        {
            ThrowIfDisposed();
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            Connect(ResolveHost(host), port);
        }

        /// <summary>IPAddress.TryParse, else "localhost" (any case, as the resolver's hosts file): what this library resolves.</summary>
        internal static IPAddress ResolveHost(string host)
        {
            if (IPAddress.TryParse(host, out IPAddress parsed)) return parsed;
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
            throw new SocketException(SocketError.HostNotFound);
        }

        public void Shutdown(SocketShutdown how)
        {
            ThrowIfDisposed();
            SocketError error = SocketService.Shutdown(_handle, how);
            // SocketPal.Unix: ENOTCONN on a socket that was ever connected is ignored (Winsock's behaviour).
            if (error == SocketError.NotConnected && (_isConnected || _isDisconnected)) error = SocketError.Success;
            if (error != SocketError.Success && error != SocketError.NotSocket) UpdateStatusAfterSocketErrorAndThrowException(error);
            SetToDisconnected();
        }

        internal void InternalShutdown(SocketShutdown how)
        {
            if (_disposed) return;
            SocketService.Shutdown(_handle, how);
        }

        public void Close() => Dispose();

        public void Close(int timeout)
        {
            if (timeout < -1) ThrowLessThanMinusOne(nameof(timeout), timeout);
            _closeTimeout = timeout;
            Dispose();
        }

        public void Dispose()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (_disposed) return;
            _disposed = true;
            SetToDisconnected();
            if (!disposing) return;
            if (_closeTimeout == 0)
            {
                // Abortive close: linger on with a zero timeout resets the connection.
                SocketService.SetOption(_handle, SocketOptionName.Linger, 0);
            }
            else if (_closeTimeout > 0)
            {
                SocketService.Shutdown(_handle, SocketShutdown.Send);
            }
            SocketService.Close(_handle);
        }

        // ---- sending and receiving ----

        public int Send(byte[] buffer) => Send(buffer, 0, buffer != null ? buffer.Length : 0, SocketFlags.None);

        public int Send(byte[] buffer, SocketFlags socketFlags) => Send(buffer, 0, buffer != null ? buffer.Length : 0, socketFlags);

        public int Send(byte[] buffer, int size, SocketFlags socketFlags) => Send(buffer, 0, size, socketFlags);

        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags)
        {
            int sent = Send(buffer, offset, size, socketFlags, out SocketError error);
            if (error != SocketError.Success) throw new SocketException((int)error);
            return sent;
        }

        public unsafe int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags, out SocketError errorCode)
        {
            ThrowIfDisposed();
            ValidateBufferArguments(buffer, offset, size);
            fixed (byte* data = buffer)
                return SendCore(data + offset, size, socketFlags, out errorCode);
        }

        public int Send(ReadOnlySpan<byte> buffer) => Send(buffer, SocketFlags.None);

        public int Send(ReadOnlySpan<byte> buffer, SocketFlags socketFlags)
        {
            int sent = Send(buffer, socketFlags, out SocketError error);
            if (error != SocketError.Success) throw new SocketException((int)error);
            return sent;
        }

        public unsafe int Send(ReadOnlySpan<byte> buffer, SocketFlags socketFlags, out SocketError errorCode)
        {
            ThrowIfDisposed();
            fixed (byte* data = buffer)
                return SendCore(data, buffer.Length, socketFlags, out errorCode);
        }

        private unsafe int SendCore(byte* data, int length, SocketFlags flags, out SocketError errorCode)
        {
            int sent = SocketService.Send(_handle, data, length, flags, _willBlock, _sendTimeout, out errorCode);
            if (errorCode != SocketError.Success)
            {
                if (_disposed) errorCode = IsConnectionOriented ? SocketError.ConnectionAborted : SocketError.Interrupted;
                UpdateStatusAfterSocketError(errorCode);
                return 0;
            }
            return sent;
        }

        public int Receive(byte[] buffer) => Receive(buffer, 0, buffer != null ? buffer.Length : 0, SocketFlags.None);

        public int Receive(byte[] buffer, SocketFlags socketFlags) => Receive(buffer, 0, buffer != null ? buffer.Length : 0, socketFlags);

        public int Receive(byte[] buffer, int size, SocketFlags socketFlags) => Receive(buffer, 0, size, socketFlags);

        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags)
        {
            int received = Receive(buffer, offset, size, socketFlags, out SocketError error);
            if (error != SocketError.Success) throw new SocketException((int)error);
            return received;
        }

        public unsafe int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags, out SocketError errorCode)
        {
            ThrowIfDisposed();
            ValidateBufferArguments(buffer, offset, size);
            fixed (byte* data = buffer)
                return ReceiveCore(data + offset, size, socketFlags, out errorCode);
        }

        public int Receive(Span<byte> buffer) => Receive(buffer, SocketFlags.None);

        public int Receive(Span<byte> buffer, SocketFlags socketFlags)
        {
            int received = Receive(buffer, socketFlags, out SocketError error);
            if (error != SocketError.Success) throw new SocketException((int)error);
            return received;
        }

        public unsafe int Receive(Span<byte> buffer, SocketFlags socketFlags, out SocketError errorCode)
        {
            ThrowIfDisposed();
            fixed (byte* data = buffer)
                return ReceiveCore(data, buffer.Length, socketFlags, out errorCode);
        }

        private unsafe int ReceiveCore(byte* data, int length, SocketFlags flags, out SocketError errorCode)
        {
            int received = SocketService.Receive(_handle, data, length, flags, _willBlock, _receiveTimeout, out errorCode);
            if (errorCode != SocketError.Success) received = 0;
            if (received == 0 && _disposed) errorCode = IsConnectionOriented ? SocketError.ConnectionAborted : SocketError.Interrupted;
            if (errorCode != SocketError.Success)
            {
                UpdateStatusAfterSocketError(errorCode);
                return 0;
            }
            return received;
        }

        public int SendTo(byte[] buffer, EndPoint remoteEP) => SendTo(buffer, 0, buffer != null ? buffer.Length : 0, SocketFlags.None, remoteEP);

        public int SendTo(byte[] buffer, SocketFlags socketFlags, EndPoint remoteEP) => SendTo(buffer, 0, buffer != null ? buffer.Length : 0, socketFlags, remoteEP);

        public int SendTo(byte[] buffer, int size, SocketFlags socketFlags, EndPoint remoteEP) => SendTo(buffer, 0, size, socketFlags, remoteEP);

        public unsafe int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP)
        {
            ThrowIfDisposed();
            ValidateBufferArguments(buffer, offset, size);
            if (remoteEP == null) throw new ArgumentNullException(nameof(remoteEP));
            fixed (byte* data = buffer)
                return SendToCore(data + offset, size, remoteEP);
        }

        public int SendTo(ReadOnlySpan<byte> buffer, EndPoint remoteEP) => SendTo(buffer, SocketFlags.None, remoteEP);

        public unsafe int SendTo(ReadOnlySpan<byte> buffer, SocketFlags socketFlags, EndPoint remoteEP)
        {
            ThrowIfDisposed();
            if (remoteEP == null) throw new ArgumentNullException(nameof(remoteEP));
            fixed (byte* data = buffer)
                return SendToCore(data, buffer.Length, remoteEP);
        }

        private unsafe int SendToCore(byte* data, int length, EndPoint remoteEP)
        {
            int sent = 0;
            SocketError error = Serialize(remoteEP, out uint address, out int port);
            if (error == SocketError.Success) sent = SocketService.SendTo(_handle, data, length, address, port, out error);
            if (error != SocketError.Success)
            {
                if (_disposed) error = IsConnectionOriented ? SocketError.ConnectionAborted : SocketError.Interrupted;
                UpdateStatusAfterSocketErrorAndThrowException(error);
            }
            _rightEndPoint ??= remoteEP;
            return sent;
        }

        public int ReceiveFrom(byte[] buffer, ref EndPoint remoteEP) => ReceiveFrom(buffer, 0, buffer != null ? buffer.Length : 0, SocketFlags.None, ref remoteEP);

        public int ReceiveFrom(byte[] buffer, SocketFlags socketFlags, ref EndPoint remoteEP) => ReceiveFrom(buffer, 0, buffer != null ? buffer.Length : 0, socketFlags, ref remoteEP);

        public int ReceiveFrom(byte[] buffer, int size, SocketFlags socketFlags, ref EndPoint remoteEP) => ReceiveFrom(buffer, 0, size, socketFlags, ref remoteEP);

        public unsafe int ReceiveFrom(byte[] buffer, int offset, int size, SocketFlags socketFlags, ref EndPoint remoteEP)
        {
            ThrowIfDisposed();
            ValidateBufferArguments(buffer, offset, size);
            ValidateReceiveFromEndpointAndState(remoteEP);
            fixed (byte* data = buffer)
                return ReceiveFromCore(data + offset, size, socketFlags, ref remoteEP);
        }

        public int ReceiveFrom(Span<byte> buffer, ref EndPoint remoteEP) => ReceiveFrom(buffer, SocketFlags.None, ref remoteEP);

        public unsafe int ReceiveFrom(Span<byte> buffer, SocketFlags socketFlags, ref EndPoint remoteEP)
        {
            ThrowIfDisposed();
            ValidateReceiveFromEndpointAndState(remoteEP);
            fixed (byte* data = buffer)
                return ReceiveFromCore(data, buffer.Length, socketFlags, ref remoteEP);
        }

        private unsafe int ReceiveFromCore(byte* data, int length, SocketFlags flags, ref EndPoint remoteEP)
        {
            int received = SocketService.ReceiveFrom(_handle, data, length, flags, _willBlock, _receiveTimeout,
                out uint address, out int port, out SocketError error);
            if (error != SocketError.Success && error != SocketError.MessageSize) received = 0;
            if (received == 0 && _disposed) error = IsConnectionOriented ? SocketError.ConnectionAborted : SocketError.Interrupted;
            SocketException exception = null;
            if (error != SocketError.Success)
            {
                exception = new SocketException(error);
                UpdateStatusAfterSocketError(error);
                if (error != SocketError.MessageSize) throw exception;
            }
            // .NET replaces remoteEP only when the sender differs from what it held.
            IPEndPoint original = remoteEP as IPEndPoint;
            if (original == null || original.Port != port || original.Address.AddressFamily != AddressFamily.InterNetwork
                || original.Address.HostOrderIPv4 != address)
            {
                remoteEP = new IPEndPoint(IPAddress.FromHostOrder(address), port);
                _rightEndPoint ??= remoteEP;
            }
            if (exception != null) throw exception;
            return received;
        }

        private void ValidateReceiveFromEndpointAndState(EndPoint remoteEndPoint)
        {
            if (remoteEndPoint == null) throw new ArgumentNullException("remoteEP");
            if (remoteEndPoint.AddressFamily != _addressFamily)
                throw new ArgumentException("The supplied EndPoint of AddressFamily " + remoteEndPoint.AddressFamily.ToString()
                    + " is not valid for this Socket, use " + _addressFamily.ToString() + " instead.", "remoteEP");
            if (_rightEndPoint == null) throw new InvalidOperationException("You must call the Bind method before performing this operation.");
        }

        // ---- readiness ----

        public bool Poll(int microSeconds, SelectMode mode)
        {
            ThrowIfDisposed();
            if (SocketService.Poll(_handle, mode)) return true;
            long deadline = Deadline(microSeconds);
            while (true)
            {
                long remaining = Remaining(deadline);
                if (remaining == 0) return false;
                bool changed = SocketService.WaitForChange(remaining);
                if (SocketService.Poll(_handle, mode)) return true;
                if (!changed && deadline >= 0 && Remaining(deadline) == 0) return false;
            }
        }

        /// <summary>
        /// Keeps in each list only the sockets that are ready (removing from the end, as .NET's FilterPollList),
        /// waiting up to <paramref name="microSeconds"/> (-1: forever) for the first to become ready. Like
        /// SocketPal.Unix, the wait is in whole milliseconds (poll(2)'s unit).
        /// </summary>
        public static void Select(IList checkRead, IList checkWrite, IList checkError, int microSeconds)
        {
            if ((checkRead == null || checkRead.Count == 0) && (checkWrite == null || checkWrite.Count == 0) && (checkError == null || checkError.Count == 0))
                throw new ArgumentNullException(null, "All lists are either null or empty.");
            const int MaxSelect = 65536;
            if (checkRead != null && checkRead.Count > MaxSelect) ThrowTooLarge(nameof(checkRead));
            if (checkWrite != null && checkWrite.Count > MaxSelect) ThrowTooLarge(nameof(checkWrite));
            if (checkError != null && checkError.Count > MaxSelect) ThrowTooLarge(nameof(checkError));
            CheckSockets(checkRead);
            CheckSockets(checkWrite);
            CheckSockets(checkError);

            long deadline = Deadline(microSeconds);
            while (true)
            {
                if (AnyReady(checkRead, SelectMode.SelectRead) || AnyReady(checkWrite, SelectMode.SelectWrite) || AnyReady(checkError, SelectMode.SelectError))
                    break;
                long remaining = Remaining(deadline);
                if (remaining == 0)
                {
                    checkRead?.Clear();
                    checkWrite?.Clear();
                    checkError?.Clear();
                    return;
                }
                SocketService.WaitForChange(remaining);
            }
            Filter(checkRead, SelectMode.SelectRead);
            Filter(checkWrite, SelectMode.SelectWrite);
            Filter(checkError, SelectMode.SelectError);
        }

        private static void ThrowTooLarge(string name) =>
            throw new ArgumentOutOfRangeException(name, "The " + name + " list is too large. Maximum size is 65536 entries.");

        private static void CheckSockets(IList list)
        {
            if (list == null) return;
            for (int i = 0; i < list.Count; i++)
            {
                if (!(list[i] is Socket))
                    throw new ArgumentException("The operation is not allowed on objects of type "
                        + (list[i] == null ? "null" : list[i].GetType().FullName) + ". Use only objects of type System.Net.Sockets.Socket.", "socketList");
            }
        }

        private static bool IsReady(Socket socket, SelectMode mode) => !socket._disposed && SocketService.Poll(socket._handle, mode);

        private static bool AnyReady(IList list, SelectMode mode)
        {
            if (list == null) return false;
            for (int i = 0; i < list.Count; i++)
                if (IsReady((Socket)list[i], mode)) return true;
            return false;
        }

        private static void Filter(IList list, SelectMode mode)
        {
            if (list == null) return;
            for (int i = list.Count - 1; i >= 0; --i)
                if (!IsReady((Socket)list[i], mode)) list.RemoveAt(i);
        }

        /// <summary>The absolute deadline in microseconds, or -1 for none; like SocketPal.Unix, whole milliseconds.</summary>
        private static long Deadline(int microSeconds)
        {
            int milliseconds = microSeconds == -1 ? -1 : microSeconds / 1000;
            if (milliseconds < 0) return -1;
            return SocketService.NowMicroseconds() + (long)milliseconds * 1000;
        }

        /// <summary>Microseconds left until <paramref name="deadline"/> (0 when passed), or -1 when there is none.</summary>
        private static long Remaining(long deadline)
        {
            if (deadline < 0) return -1;
            long remaining = deadline - SocketService.NowMicroseconds();
            return remaining > 0 ? remaining : 0;
        }

        // ---- options ----

        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, int optionValue)
        {
            ThrowIfDisposed();
            SocketError error = SetOption(optionLevel, optionName, optionValue);
            if (error != SocketError.Success) UpdateStatusAfterSocketErrorAndThrowException(error);
        }

        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, bool optionValue) =>
            SetSocketOption(optionLevel, optionName, optionValue ? 1 : 0);

        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, object optionValue)
        {
            ThrowIfDisposed();
            if (optionValue == null) throw new ArgumentNullException(nameof(optionValue));
            if (optionLevel == SocketOptionLevel.Socket && optionName == SocketOptionName.Linger)
            {
                LingerOption lingerOption = optionValue as LingerOption;
                if (lingerOption == null)
                    throw new ArgumentException("The specified value is not a valid 'LingerOption'.", nameof(optionValue));
                if (lingerOption.LingerTime < 0 || lingerOption.LingerTime > ushort.MaxValue)
                    throw new ArgumentException("'optionValue.LingerTime' must be greater than or equal to 0 and less than or equal to 65535.", nameof(optionValue));
                SocketError error = SocketService.SetOption(_handle, SocketOptionName.Linger, lingerOption.Enabled ? lingerOption.LingerTime : -1);
                if (error != SocketError.Success) UpdateStatusAfterSocketErrorAndThrowException(error);
                return;
            }
            throw new ArgumentException("The specified value is not valid.", nameof(optionValue));
        }

        public object GetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName)
        {
            ThrowIfDisposed();
            if (optionLevel == SocketOptionLevel.Socket && optionName == SocketOptionName.Linger)
            {
                SocketError lingerError = SocketService.GetOption(_handle, SocketOptionName.Linger, out int seconds);
                if (lingerError != SocketError.Success) UpdateStatusAfterSocketErrorAndThrowException(lingerError);
                return seconds < 0 ? new LingerOption(false, 0) : new LingerOption(true, seconds);
            }
            SocketError error = GetOption(optionLevel, optionName, out int value);
            if (error != SocketError.Success) UpdateStatusAfterSocketErrorAndThrowException(error);
            return value;
        }

        /// <summary>
        /// The (level, name) pairs this library knows: the timeouts, type, listening state and pending error
        /// are answered here; NoDelay (Tcp) and ReuseAddress, ReceiveBuffer, SendBuffer, Broadcast, KeepAlive,
        /// Linger (Socket) by the service; anything else is ENOPROTOOPT (ProtocolOption), as Linux answers
        /// an option it does not have.
        /// </summary>
        private SocketError SetOption(SocketOptionLevel level, SocketOptionName name, int value)
        {
            if (level == SocketOptionLevel.Socket)
            {
                switch (name)
                {
                    case SocketOptionName.ReceiveTimeout:
                        _receiveTimeout = value < 0 ? 0 : value;
                        return SocketError.Success;
                    case SocketOptionName.SendTimeout:
                        _sendTimeout = value < 0 ? 0 : value;
                        return SocketError.Success;
                    case SocketOptionName.ReuseAddress:
                    case SocketOptionName.ReceiveBuffer:
                    case SocketOptionName.SendBuffer:
                    case SocketOptionName.Broadcast:
                    case SocketOptionName.KeepAlive:
                        return SocketService.SetOption(_handle, name, value);
                }
            }
            else if (level == SocketOptionLevel.Tcp && name == SocketOptionName.NoDelay)
            {
                return SocketService.SetOption(_handle, name, value);
            }
            return SocketError.ProtocolOption;
        }

        private SocketError GetOption(SocketOptionLevel level, SocketOptionName name, out int value)
        {
            value = 0;
            if (level == SocketOptionLevel.Socket)
            {
                switch (name)
                {
                    case SocketOptionName.ReceiveTimeout: value = _receiveTimeout; return SocketError.Success;
                    case SocketOptionName.SendTimeout: value = _sendTimeout; return SocketError.Success;
                    case SocketOptionName.Type: value = (int)_socketType; return SocketError.Success;
                    case SocketOptionName.AcceptConnection: value = _isListening ? 1 : 0; return SocketError.Success;
                    case SocketOptionName.Error: value = 0; return SocketError.Success;
                    case SocketOptionName.ReuseAddress:
                    case SocketOptionName.ReceiveBuffer:
                    case SocketOptionName.SendBuffer:
                    case SocketOptionName.Broadcast:
                    case SocketOptionName.KeepAlive:
                        return SocketService.GetOption(_handle, name, out value);
                }
            }
            else if (level == SocketOptionLevel.Tcp && name == SocketOptionName.NoDelay)
            {
                return SocketService.GetOption(_handle, name, out value);
            }
            return SocketError.ProtocolOption;
        }

        // ---- state ----

        internal bool Disposed => _disposed;

        private bool IsConnectionOriented => _socketType == SocketType.Stream;

        /// <summary>The service's form of an endpoint: an IPv4 address in host order and a port.</summary>
        private SocketError Serialize(EndPoint endPoint, out uint address, out int port)
        {
            address = 0;
            port = 0;
            IPEndPoint ip = endPoint as IPEndPoint;
            if (ip == null || ip.Address.AddressFamily != AddressFamily.InterNetwork) return SocketError.AddressFamilyNotSupported;
            address = ip.Address.HostOrderIPv4;
            port = ip.Port;
            return SocketError.Success;
        }

        private void SetToConnected()
        {
            if (_isConnected) return;
            _isConnected = true;
            _isDisconnected = false;
            _rightEndPoint ??= _pendingConnectRightEndPoint;
            _pendingConnectRightEndPoint = null;
            if (IsWildcardEndPoint(_localEndPoint)) _localEndPoint = null;
        }

        private static bool IsWildcardEndPoint(EndPoint endPoint) =>
            endPoint is IPEndPoint ip && (IPAddress.Any.Equals(ip.Address) || IPAddress.IPv6Any.Equals(ip.Address));

        private void SetToDisconnected()
        {
            if (!_isConnected) return;
            _isConnected = false;
            _isDisconnected = true;
        }

        private void UpdateStatusAfterSocketErrorAndThrowException(SocketError error)
        {
            var exception = new SocketException(error);
            UpdateStatusAfterSocketError(error);
            throw exception;
        }

        private void UpdateStatusAfterSocketError(SocketError errorCode)
        {
            if (_isConnected && (errorCode != SocketError.WouldBlock && errorCode != SocketError.IOPending
                && errorCode != SocketError.NoBufferSpaceAvailable && errorCode != SocketError.TimedOut))
                SetToDisconnected();
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException("System.Net.Sockets.Socket");
        }

        private static void ValidateBufferArguments(byte[] buffer, int offset, int size)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if ((uint)offset > (uint)buffer.Length) ThrowGreaterThan(nameof(offset), (uint)offset, (uint)buffer.Length);
            if ((uint)size > (uint)(buffer.Length - offset)) ThrowGreaterThan(nameof(size), (uint)size, (uint)(buffer.Length - offset));
        }

        private static void ThrowGreaterThan(string name, uint value, uint other) =>
            throw new ArgumentOutOfRangeException(name, value, name + " ('" + value.ToString() + "') must be less than or equal to '" + other.ToString() + "'.");

        internal static void ThrowNegative(string name, int value) =>
            throw new ArgumentOutOfRangeException(name, value, name + " ('" + value.ToString() + "') must be a non-negative value.");

        internal static void ThrowLessThanMinusOne(string name, int value) =>
            throw new ArgumentOutOfRangeException(name, value, name + " ('" + value.ToString() + "') must be greater than or equal to '-1'.");
    }

    /// <summary>.NET's LingerOption: whether to linger on close, and for how many seconds.</summary>
    public class LingerOption
    {
        private bool _enabled;
        private int _lingerTime;

        public LingerOption(bool enable, int seconds)
        {
            _enabled = enable;
            _lingerTime = seconds;
        }

        public bool Enabled
        {
            get => _enabled;
            set => _enabled = value;
        }

        public int LingerTime
        {
            get => _lingerTime;
            set => _lingerTime = value;
        }

        public override bool Equals(object comparand) =>
            comparand is LingerOption other && other.Enabled == _enabled && other.LingerTime == _lingerTime;

        public override int GetHashCode() => _lingerTime.GetHashCode();
    }
}
