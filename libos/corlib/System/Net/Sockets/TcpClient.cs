namespace System.Net.Sockets
{
    /// <summary>
    /// .NET's TcpClient, synchronous API. Host names: dotted addresses and "localhost". TcpClient() makes an
    /// IPv4 socket (CoreCLR here: a dual-mode IPv6 one, whose endpoints print as [::ffff:a.b.c.d]:port).
    /// </summary>
    public class TcpClient : IDisposable
    {
        private AddressFamily _family;
        private Socket _clientSocket;
        private NetworkStream _dataStream;
        private bool _disposed;
        private bool _active;

        public TcpClient() : this(AddressFamily.InterNetwork) { }

        public TcpClient(AddressFamily family)
        {
            if (family != AddressFamily.InterNetwork && family != AddressFamily.InterNetworkV6 && family != AddressFamily.Unknown)
                throw new ArgumentException("'TCP' Client can only accept InterNetwork or InterNetworkV6 addresses.", nameof(family));
            _family = family == AddressFamily.Unknown ? AddressFamily.InterNetwork : family;
            _clientSocket = new Socket(_family, SocketType.Stream, ProtocolType.Tcp);
        }

        public TcpClient(IPEndPoint localEP)
        {
            if (localEP == null) throw new ArgumentNullException(nameof(localEP));
            _family = localEP.AddressFamily;
            _clientSocket = new Socket(_family, SocketType.Stream, ProtocolType.Tcp);
            _clientSocket.Bind(localEP);
        }

        public TcpClient(string hostname, int port)
        {
            if (hostname == null) throw new ArgumentNullException(nameof(hostname));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            try
            {
                Connect(hostname, port);
            }
            catch
            {
                _clientSocket?.Close();
                throw;
            }
        }

        internal TcpClient(Socket acceptedSocket)
        {
            _clientSocket = acceptedSocket;
            _active = true;
        }

        protected bool Active
        {
            get => _active;
            set => _active = value;
        }

        public int Available => Client?.Available ?? 0;

        public Socket Client
        {
            get => _disposed ? null : _clientSocket;
            set
            {
                _clientSocket = value;
                _family = _clientSocket?.AddressFamily ?? AddressFamily.Unknown;
            }
        }

        public bool Connected => Client?.Connected ?? false;

        public void Connect(string hostname, int port)
        {
            ThrowIfDisposed();
            if (hostname == null) throw new ArgumentNullException(nameof(hostname));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            if (_active) throw new SocketException((int)SocketError.IsConnected);
            IPAddress address = Socket.ResolveHost(hostname);
            if (_clientSocket == null)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                _clientSocket = socket;
                try
                {
                    socket.Connect(address, port);
                }
                catch
                {
                    _clientSocket = null;
                    throw;
                }
                _family = address.AddressFamily;
            }
            else
            {
                Connect(new IPEndPoint(address, port));
            }
            _active = true;
        }

        public void Connect(IPAddress address, int port)
        {
            ThrowIfDisposed();
            if (address == null) throw new ArgumentNullException(nameof(address));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            Connect(new IPEndPoint(address, port));
        }

        public void Connect(IPEndPoint remoteEP)
        {
            ThrowIfDisposed();
            if (remoteEP == null) throw new ArgumentNullException(nameof(remoteEP));
            Client.Connect(remoteEP);
            _family = Client.AddressFamily;
            _active = true;
        }

        public NetworkStream GetStream()
        {
            ThrowIfDisposed();
            if (!Connected) throw new InvalidOperationException("The operation is not allowed on non-connected sockets.");
            _dataStream ??= new NetworkStream(Client, true);
            return _dataStream;
        }

        public void Close() => Dispose();

        protected virtual void Dispose(bool disposing)
        {
            if (_disposed) return;
            _disposed = true;
            if (!disposing) return;
            if (_dataStream != null)
            {
                _dataStream.Dispose();
            }
            else if (_clientSocket != null)
            {
                try
                {
                    _clientSocket.InternalShutdown(SocketShutdown.Both);
                }
                finally
                {
                    _clientSocket.Close();
                }
            }
        }

        public void Dispose() => Dispose(true);

        public int ReceiveBufferSize
        {
            get => (int)Client.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer);
            set => Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, value);
        }

        public int SendBufferSize
        {
            get => (int)Client.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer);
            set => Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, value);
        }

        public int ReceiveTimeout
        {
            get => (int)Client.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout);
            set => Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, value);
        }

        public int SendTimeout
        {
            get => (int)Client.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout);
            set => Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout, value);
        }

        public LingerOption LingerState
        {
            get => Client.LingerState;
            set => Client.LingerState = value;
        }

        public bool NoDelay
        {
            get => Client.NoDelay;
            set => Client.NoDelay = value;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(GetType().FullName);
        }
    }
}
