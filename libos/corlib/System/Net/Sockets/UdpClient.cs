namespace System.Net.Sockets
{
    /// <summary>.NET's UdpClient, synchronous API, IPv4. Host names: dotted addresses and "localhost".</summary>
    public class UdpClient : IDisposable
    {
        private const int MaxUDPSize = 0x10000;

        private Socket _clientSocket;
        private bool _active;
        private readonly byte[] _buffer = new byte[MaxUDPSize];
        private AddressFamily _family = AddressFamily.InterNetwork;
        private bool _disposed;
        private bool _isBroadcast;

        public UdpClient() : this(AddressFamily.InterNetwork) { }

        public UdpClient(AddressFamily family)
        {
            if (family != AddressFamily.InterNetwork && family != AddressFamily.InterNetworkV6)
                throw new ArgumentException("'UDP' Client can only accept InterNetwork or InterNetworkV6 addresses.", nameof(family));
            _family = family;
            CreateClientSocket();
        }

        public UdpClient(int port) : this(port, AddressFamily.InterNetwork) { }

        public UdpClient(int port, AddressFamily family)
        {
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            if (family != AddressFamily.InterNetwork && family != AddressFamily.InterNetworkV6)
                throw new ArgumentException("'UDP' Client can only accept InterNetwork or InterNetworkV6 addresses.", nameof(family));
            _family = family;
            IPEndPoint localEP = _family == AddressFamily.InterNetwork ? new IPEndPoint(IPAddress.Any, port) : new IPEndPoint(IPAddress.IPv6Any, port);
            CreateClientSocket();
            _clientSocket.Bind(localEP);
        }

        public UdpClient(IPEndPoint localEP)
        {
            if (localEP == null) throw new ArgumentNullException(nameof(localEP));
            _family = localEP.AddressFamily;
            CreateClientSocket();
            _clientSocket.Bind(localEP);
        }

        public UdpClient(string hostname, int port)
        {
            if (hostname == null) throw new ArgumentNullException(nameof(hostname));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            Connect(hostname, port);
        }

        protected bool Active
        {
            get => _active;
            set => _active = value;
        }

        public int Available => _clientSocket.Available;

        public Socket Client
        {
            get => _clientSocket;
            set => _clientSocket = value;
        }

        public bool EnableBroadcast
        {
            get => _clientSocket.EnableBroadcast;
            set => _clientSocket.EnableBroadcast = value;
        }

        private void CreateClientSocket() => _clientSocket = new Socket(_family, SocketType.Dgram, ProtocolType.Udp);

        public void Connect(string hostname, int port)
        {
            ThrowIfDisposed();
            if (hostname == null) throw new ArgumentNullException(nameof(hostname));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            IPAddress address = Socket.ResolveHost(hostname);
            if (_clientSocket == null)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    socket.Connect(address, port);
                }
                catch
                {
                    socket.Close();
                    throw;
                }
                _clientSocket = socket;
                _family = address.AddressFamily;
            }
            else
            {
                Connect(new IPEndPoint(address, port));
            }
            _active = true;
        }

        public void Connect(IPAddress addr, int port)
        {
            ThrowIfDisposed();
            if (addr == null) throw new ArgumentNullException(nameof(addr));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            Connect(new IPEndPoint(addr, port));
        }

        public void Connect(IPEndPoint endPoint)
        {
            ThrowIfDisposed();
            if (endPoint == null) throw new ArgumentNullException(nameof(endPoint));
            CheckForBroadcast(endPoint.Address);
            Client.Connect(endPoint);
            _active = true;
        }

        public byte[] Receive(ref IPEndPoint remoteEP)
        {
            ThrowIfDisposed();
            EndPoint tempRemoteEP = _family == AddressFamily.InterNetwork ? new IPEndPoint(IPAddress.Any, 0) : new IPEndPoint(IPAddress.IPv6Any, 0);
            int received = Client.ReceiveFrom(_buffer, MaxUDPSize, 0, ref tempRemoteEP);
            remoteEP = (IPEndPoint)tempRemoteEP;
            if (received < MaxUDPSize)
            {
                byte[] newBuffer = new byte[received];
                Array.Copy(_buffer, 0, newBuffer, 0, received);
                return newBuffer;
            }
            return _buffer;
        }

        public int Send(byte[] dgram, int bytes, IPEndPoint endPoint)
        {
            ThrowIfDisposed();
            if (dgram == null) throw new ArgumentNullException(nameof(dgram));
            if (_active && endPoint != null) throw new InvalidOperationException("Cannot send packets to an arbitrary host while connected.");
            if (endPoint == null) return Client.Send(dgram, 0, bytes, SocketFlags.None);
            CheckForBroadcast(endPoint.Address);
            return Client.SendTo(dgram, 0, bytes, SocketFlags.None, endPoint);
        }

        public int Send(byte[] dgram, int bytes, string hostname, int port)
        {
            ThrowIfDisposed();
            if (dgram == null) throw new ArgumentNullException(nameof(dgram));
            if (_active && (hostname != null || port != 0)) throw new InvalidOperationException("Cannot send packets to an arbitrary host while connected.");
            if (hostname == null || port == 0) return Client.Send(dgram, 0, bytes, SocketFlags.None);
            IPAddress address = Socket.ResolveHost(hostname);
            CheckForBroadcast(address);
            return Client.SendTo(dgram, 0, bytes, SocketFlags.None, new IPEndPoint(address, port));
        }

        public int Send(byte[] dgram, int bytes)
        {
            ThrowIfDisposed();
            if (dgram == null) throw new ArgumentNullException(nameof(dgram));
            if (!_active) throw new InvalidOperationException("The operation is not allowed on non-connected sockets.");
            return Client.Send(dgram, 0, bytes, SocketFlags.None);
        }

        private void CheckForBroadcast(IPAddress ipAddress)
        {
            if (_clientSocket != null && !_isBroadcast && ipAddress.AddressFamily == AddressFamily.InterNetwork && ipAddress.Equals(IPAddress.Broadcast))
            {
                _isBroadcast = true;
                _clientSocket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, 1);
            }
        }

        public void Close() => Dispose(true);

        public void Dispose() => Dispose(true);

        protected virtual void Dispose(bool disposing)
        {
            if (!disposing || _disposed) return;
            Socket chkClientSocket = _clientSocket;
            if (chkClientSocket != null)
            {
                chkClientSocket.InternalShutdown(SocketShutdown.Both);
                chkClientSocket.Dispose();
                _clientSocket = null;
            }
            _disposed = true;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(GetType().FullName);
        }
    }
}
