using System.IO;

namespace System.Net.Sockets
{
    /// <summary>.NET's NetworkStream over a connected, blocking stream socket; failures are IOExceptions wrapping the SocketException.</summary>
    public class NetworkStream : Stream
    {
        private readonly Socket _streamSocket;
        private readonly bool _ownsSocket;
        private bool _readable;
        private bool _writeable;
        private bool _disposed;
        private int _closeTimeout = Socket.DefaultCloseTimeout;
        private int _currentReadTimeout = -1;
        private int _currentWriteTimeout = -1;

        public NetworkStream(Socket socket) : this(socket, false) { }

        public NetworkStream(Socket socket, bool ownsSocket)
        {
            if (socket == null) throw new ArgumentNullException(nameof(socket));
            if (!socket.Blocking)
                throw new IOException("The operation is not allowed on a non-blocking Socket.");
            if (!socket.Connected) throw new IOException("The operation is not allowed on non-connected sockets.");
            if (socket.SocketType != SocketType.Stream) throw new IOException("The operation is not allowed on non-stream oriented sockets.");
            _streamSocket = socket;
            _ownsSocket = ownsSocket;
            _readable = true;
            _writeable = true;
        }

        public Socket Socket => _streamSocket;

        protected bool Readable
        {
            get => _readable;
            set => _readable = value;
        }

        protected bool Writeable
        {
            get => _writeable;
            set => _writeable = value;
        }

        public override bool CanRead => _readable;

        public override bool CanSeek => false;

        public override bool CanWrite => _writeable;

        public override bool CanTimeout => true;

        public override int ReadTimeout
        {
            get
            {
                int timeout = (int)_streamSocket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout);
                return timeout == 0 ? -1 : timeout;
            }
            set
            {
                if (value <= 0 && value != -1)
                    throw new ArgumentOutOfRangeException(nameof(value), "Timeout can be only be set to 'System.Threading.Timeout.Infinite' or a value > 0.");
                SetSocketTimeoutOption(SocketShutdown.Receive, value);
            }
        }

        public override int WriteTimeout
        {
            get
            {
                int timeout = (int)_streamSocket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout);
                return timeout == 0 ? -1 : timeout;
            }
            set
            {
                if (value <= 0 && value != -1)
                    throw new ArgumentOutOfRangeException(nameof(value), "Timeout can be only be set to 'System.Threading.Timeout.Infinite' or a value > 0.");
                SetSocketTimeoutOption(SocketShutdown.Send, value);
            }
        }

        private void SetSocketTimeoutOption(SocketShutdown mode, int timeout)
        {
            if (timeout < 0) timeout = 0;
            if (mode == SocketShutdown.Send || mode == SocketShutdown.Both)
            {
                if (timeout != _currentWriteTimeout)
                {
                    _streamSocket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout, timeout);
                    _currentWriteTimeout = timeout;
                }
            }
            if (mode == SocketShutdown.Receive || mode == SocketShutdown.Both)
            {
                if (timeout != _currentReadTimeout)
                {
                    _streamSocket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, timeout);
                    _currentReadTimeout = timeout;
                }
            }
        }

        public virtual bool DataAvailable
        {
            get
            {
                ThrowIfDisposed();
                return _streamSocket.Available != 0;
            }
        }

        public override long Length => throw new NotSupportedException("This stream does not support seek operations.");

        public override long Position
        {
            get => throw new NotSupportedException("This stream does not support seek operations.");
            set => throw new NotSupportedException("This stream does not support seek operations.");
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("This stream does not support seek operations.");

        public override void SetLength(long value) => throw new NotSupportedException("This stream does not support seek operations.");

        public override int Read(byte[] buffer, int offset, int count)
        {
            bool canRead = CanRead;
            ThrowIfDisposed();
            if (!canRead) throw new InvalidOperationException("The stream does not support reading.");
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if ((uint)offset > buffer.Length) throw new ArgumentOutOfRangeException(nameof(offset));
            if ((uint)count > buffer.Length - offset) throw new ArgumentOutOfRangeException("size");
            try
            {
                return _streamSocket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException socketException)
            {
                throw ReadFailure(socketException);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                throw ReadFailure(exception);
            }
        }

        public override int Read(Span<byte> buffer)
        {
            ThrowIfDisposed();
            if (!CanRead) throw new InvalidOperationException("The stream does not support reading.");
            int bytesRead = _streamSocket.Receive(buffer, SocketFlags.None, out SocketError errorCode);
            if (errorCode != SocketError.Success) throw ReadFailure(new SocketException((int)errorCode));
            return bytesRead;
        }

        public override unsafe int ReadByte()
        {
            byte b;
            return Read(new Span<byte>(&b, 1)) == 0 ? -1 : b;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            bool canWrite = CanWrite;
            ThrowIfDisposed();
            if (!canWrite) throw new InvalidOperationException("The stream does not support writing.");
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if ((uint)offset > buffer.Length) throw new ArgumentOutOfRangeException(nameof(offset));
            if ((uint)count > buffer.Length - offset) throw new ArgumentOutOfRangeException("size");
            try
            {
                _streamSocket.Send(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException socketException)
            {
                throw WriteFailure(socketException);
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                throw WriteFailure(exception);
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ThrowIfDisposed();
            if (!CanWrite) throw new InvalidOperationException("The stream does not support writing.");
            _streamSocket.Send(buffer, SocketFlags.None, out SocketError errorCode);
            if (errorCode != SocketError.Success) throw WriteFailure(new SocketException((int)errorCode));
        }

        public override unsafe void WriteByte(byte value) => Write(new ReadOnlySpan<byte>(&value, 1));

        public override void Flush() { }

        public void Close(int timeout)
        {
            if (timeout < -1) Socket.ThrowLessThanMinusOne(nameof(timeout), timeout);
            _closeTimeout = timeout;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            bool disposed = _disposed;
            _disposed = true;
            if (!disposed && disposing)
            {
                _readable = false;
                _writeable = false;
                if (_ownsSocket)
                {
                    _streamSocket.InternalShutdown(SocketShutdown.Both);
                    _streamSocket.Close(_closeTimeout);
                }
            }
            base.Dispose(disposing);
        }

        private static IOException ReadFailure(Exception inner) =>
            new IOException("Unable to read data from the transport connection: " + inner.Message + ".", inner);

        private static IOException WriteFailure(Exception inner) =>
            new IOException("Unable to write data to the transport connection: " + inner.Message + ".", inner);

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(GetType().FullName);
        }
    }
}
