namespace System.Net.Sockets
{
    /// <summary>.NET's TcpListener, synchronous API.</summary>
    public class TcpListener
    {
        private readonly IPEndPoint _serverSocketEP;
        private Socket _serverSocket;
        private bool _active;

        public TcpListener(IPEndPoint localEP)
        {
            if (localEP == null) throw new ArgumentNullException(nameof(localEP));
            _serverSocketEP = localEP;
            _serverSocket = new Socket(_serverSocketEP.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        }

        public TcpListener(IPAddress localaddr, int port)
        {
            if (localaddr == null) throw new ArgumentNullException(nameof(localaddr));
            if (!IPEndPoint.ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            _serverSocketEP = new IPEndPoint(localaddr, port);
            _serverSocket = new Socket(_serverSocketEP.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        }

        public Socket Server
        {
            get
            {
                CreateNewSocketIfNeeded();
                return _serverSocket;
            }
        }

        protected bool Active => _active;

        public EndPoint LocalEndpoint => _active ? _serverSocket.LocalEndPoint : _serverSocketEP;

        public void Start() => Start((int)SocketOptionName.MaxConnections);

        public void Start(int backlog)
        {
            if (backlog < 0) Socket.ThrowNegative(nameof(backlog), backlog);
            if (_active) return;
            CreateNewSocketIfNeeded();
            _serverSocket.Bind(_serverSocketEP);
            try
            {
                _serverSocket.Listen(backlog);
            }
            catch (SocketException)
            {
                Stop();
                throw;
            }
            _active = true;
        }

        public void Stop()
        {
            _serverSocket?.Dispose();
            _active = false;
            _serverSocket = null;
        }

        public bool Pending()
        {
            if (!_active) throw new InvalidOperationException("Not listening. You must call the Start() method before calling this method.");
            return _serverSocket.Poll(0, SelectMode.SelectRead);
        }

        public Socket AcceptSocket()
        {
            if (!_active) throw new InvalidOperationException("Not listening. You must call the Start() method before calling this method.");
            return _serverSocket.Accept();
        }

        public TcpClient AcceptTcpClient()
        {
            if (!_active) throw new InvalidOperationException("Not listening. You must call the Start() method before calling this method.");
            Socket acceptedSocket = _serverSocket.Accept();
            return new TcpClient(acceptedSocket);
        }

        private void CreateNewSocketIfNeeded()
        {
            _serverSocket ??= new Socket(_serverSocketEP.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        }
    }
}
