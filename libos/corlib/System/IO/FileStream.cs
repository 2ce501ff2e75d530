namespace System.IO
{
    /// <summary>
    /// .NET's FileStream over the library OS's file service (<see cref="FileService"/>), synchronous, with
    /// .NET's argument checks, messages and Unix semantics (CoreCLR 10 on Linux is the oracle).
    ///
    /// There is no buffer: whatever the bufferSize, each Read is one read and each Write one write of
    /// all its bytes, at the stream's own position (pread/pwrite), which is what .NET does with a buffer
    /// size of 0 or 1. What a .NET buffer would make visible is not reproduced: a write error surfaces
    /// at the Write rather than at a later Flush or Dispose, and another stream on the same file sees each
    /// write at once. As on .NET for Unix: FileShare is an advisory flock (None exclusive, anything else
    /// shared); Create and Truncate truncate after the lock is taken and leave what cannot be truncated
    /// (a device) as it is; Append never uses O_APPEND but starts at the end and refuses to seek or
    /// truncate before it.
    /// </summary>
    public class FileStream : Stream
    {
        private const int DefaultBufferSize = 4096;
        private const long Closed = -1;

        private long _handle = Closed;
        private readonly string _path;
        private readonly FileAccess _access;
        private readonly bool _canSeek;
        private long _position;
        /// <summary>FileMode.Append: the length at the open, below which nothing may be overwritten; else -1.</summary>
        private readonly long _appendStart = -1;

        public FileStream(string path, FileMode mode)
            : this(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite, FileShare.Read, DefaultBufferSize) { }

        public FileStream(string path, FileMode mode, FileAccess access)
            : this(path, mode, access, FileShare.Read, DefaultBufferSize) { }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share)
            : this(path, mode, access, share, DefaultBufferSize) { }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize)
        {
            ValidateArguments(path, mode, access, share, bufferSize);
            _path = Path.GetFullPath(path);
            _access = access;
            _handle = OpenHandle(_path, mode, access, share);
            _canSeek = FileService.Seekable(_handle);
            if (mode == FileMode.Append && _canSeek)
                _appendStart = _position = Length;
        }

        private static void ValidateArguments(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            if (path.Length == 0) throw new ArgumentException("The value cannot be an empty string.", nameof(path));
            string badArgument = null;
            if (mode < FileMode.CreateNew || mode > FileMode.Append) badArgument = nameof(mode);
            else if (access < FileAccess.Read || access > FileAccess.ReadWrite) badArgument = nameof(access);
            else if ((share & ~FileShare.Inheritable) < FileShare.None || (share & ~FileShare.Inheritable) > (FileShare.ReadWrite | FileShare.Delete))
                badArgument = nameof(share);
            if (badArgument != null) throw new ArgumentOutOfRangeException(badArgument, "Enum value was out of legal range.");
            if (bufferSize < 0) throw new ArgumentOutOfRangeException(nameof(bufferSize), "Non-negative number required.");
            if ((access & FileAccess.Write) == 0
                && (mode == FileMode.Truncate || mode == FileMode.CreateNew || mode == FileMode.Create || mode == FileMode.Append))
                throw new ArgumentException("Combining FileMode: " + ModeName(mode) + " with FileAccess: " + AccessName(access) + " is invalid.", nameof(access));
            if ((access & FileAccess.Read) != 0 && mode == FileMode.Append)
                throw new ArgumentException("Append access can be requested only in write-only mode.", nameof(access));
        }

        /// <summary>Open, refuse a directory, lock, truncate: .NET's order, so that a file is truncated only once it is ours.</summary>
        private static unsafe long OpenHandle(string fullPath, FileMode mode, FileAccess access, FileShare share)
        {
            FileMode disposition = mode == FileMode.CreateNew ? FileMode.CreateNew
                : mode == FileMode.Open || mode == FileMode.Truncate ? FileMode.Open
                : FileMode.OpenOrCreate;
            long handle;
            fixed (byte* path = FileService.NativePath(fullPath))
                handle = FileService.Open(path, access, disposition, (share & FileShare.Inheritable) != 0);
            if (handle < 0)
            {
                int error = (int)-handle;
                throw FileErrors.For(error == FileErrors.EISDIR ? FileErrors.EACCES : error, fullPath);
            }
            int failure = 0;
            if ((access & FileAccess.Write) == 0)
            {
                int kind = FileService.Status(handle, out _);
                if (kind < 0) failure = -kind;
                else if (kind == FileService.KindDirectory) failure = FileErrors.EACCES;
            }
            if (failure == 0)
            {
                int locked = FileService.Lock(handle, share == FileShare.None);
                // Only a conflicting lock matters; a file system without locks is no reason to fail.
                if (locked == -FileErrors.EWOULDBLOCK) failure = FileErrors.EWOULDBLOCK;
            }
            if (failure == 0 && (mode == FileMode.Create || mode == FileMode.Truncate))
            {
                int truncated = FileService.SetLength(handle, 0);
                if (truncated < 0 && truncated != -FileErrors.EBADF && truncated != -FileErrors.EINVAL) failure = -truncated;
            }
            if (failure != 0)
            {
                FileService.Close(handle);
                throw FileErrors.For(failure, fullPath);
            }
            return handle;
        }

        private static string ModeName(FileMode mode)
        {
            switch (mode)
            {
                case FileMode.CreateNew: return "CreateNew";
                case FileMode.Create: return "Create";
                case FileMode.Open: return "Open";
                case FileMode.OpenOrCreate: return "OpenOrCreate";
                case FileMode.Truncate: return "Truncate";
                default: return "Append";
            }
        }

        private static string AccessName(FileAccess access) =>
            access == FileAccess.Read ? "Read" : access == FileAccess.Write ? "Write" : "ReadWrite";

        private bool IsClosed => _handle == Closed;

        /// <summary>The full path of the file.</summary>
        public virtual string Name => _path;

        public virtual bool IsAsync => false;

        public override bool CanRead => !IsClosed && (_access & FileAccess.Read) != 0;

        public override bool CanWrite => !IsClosed && (_access & FileAccess.Write) != 0;

        public override bool CanSeek => !IsClosed && _canSeek;

        public override long Length
        {
            get
            {
                EnsureSeekable();
                int kind = FileService.Status(_handle, out long length);
                if (kind < 0) throw FileErrors.For(-kind, _path);
                return length;
            }
        }

        public override long Position
        {
            get
            {
                EnsureSeekable();
                return _position;
            }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Non-negative number required.");
                EnsureSeekable();
                Seek(value, SeekOrigin.Begin);
            }
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            if (origin < SeekOrigin.Begin || origin > SeekOrigin.End)
                throw new ArgumentException("Invalid seek origin.", nameof(origin));
            EnsureSeekable();
            long position = origin == SeekOrigin.Begin ? offset
                : origin == SeekOrigin.Current ? unchecked(_position + offset)
                : unchecked(Length + offset);
            if (position < 0) throw FileErrors.InvalidArgument(_path);
            if (_appendStart != -1 && position < _appendStart)
                throw new IOException("Unable seek backward to overwrite data that previously existed in a file opened in Append mode.");
            _position = position;
            return position;
        }

        public override void SetLength(long value)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Non-negative number required.");
            EnsureSeekable();
            if ((_access & FileAccess.Write) == 0) throw new NotSupportedException("Stream does not support writing.");
            if (_appendStart != -1 && value < _appendStart)
                throw new IOException("Unable to truncate data that previously existed in a file opened in Append mode.");
            int result = FileService.SetLength(_handle, value);
            if (result < 0) throw FileErrors.For(-result, _path);
            if (_position > value) _position = value;
        }

        public override void Flush() => Flush(false);

        /// <summary>With <paramref name="flushToDisk"/>, fsync: the bytes written so far reach the device. Without, nothing to do (no buffer).</summary>
        public virtual void Flush(bool flushToDisk)
        {
            EnsureOpen();
            if (!flushToDisk || (_access & FileAccess.Write) == 0) return;
            int result = FileService.Sync(_handle);
            // As .NET: what cannot be synchronised (a pipe, a read-only file system) is not an error.
            if (result < 0 && result != -FileErrors.EINVAL && result != -FileErrors.EROFS && result != -FileErrors.ENOTSUP)
                throw FileErrors.For(-result, _path);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            ValidateBufferArguments(buffer, offset, count);
            EnsureReadable();
            return ReadCore(new Span<byte>(buffer, offset, count));
        }

        public override int Read(Span<byte> buffer)
        {
            EnsureReadable();
            return ReadCore(buffer);
        }

        public override int ReadByte()
        {
            EnsureReadable();
            Span<byte> one = stackalloc byte[1];
            return ReadCore(one) == 0 ? -1 : one[0];
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            ValidateBufferArguments(buffer, offset, count);
            EnsureWritable();
            WriteCore(new ReadOnlySpan<byte>(buffer, offset, count));
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            EnsureWritable();
            WriteCore(buffer);
        }

        public override void WriteByte(byte value)
        {
            EnsureWritable();
            Span<byte> one = stackalloc byte[1];
            one[0] = value;
            WriteCore(one);
        }

        private unsafe int ReadCore(Span<byte> buffer)
        {
            long read;
            fixed (byte* data = buffer)
                read = FileService.Read(_handle, data, buffer.Length, _canSeek ? _position : -1);
            if (read < 0) throw FileErrors.For((int)-read, _path);
            _position += read;
            return (int)read;
        }

        private unsafe void WriteCore(ReadOnlySpan<byte> buffer)
        {
            long written;
            fixed (byte* data = buffer)
                written = FileService.Write(_handle, data, buffer.Length, _canSeek ? _position : -1);
            if (written < 0) throw FileErrors.For((int)-written, _path);
            _position += buffer.Length;
        }

        private void EnsureOpen()
        {
            if (IsClosed) throw new ObjectDisposedException(null, "Cannot access a closed file.");
        }

        private void EnsureSeekable()
        {
            EnsureOpen();
            if (!_canSeek) throw new NotSupportedException("Stream does not support seeking.");
        }

        private void EnsureReadable()
        {
            EnsureOpen();
            if ((_access & FileAccess.Read) == 0) throw new NotSupportedException("Stream does not support reading.");
        }

        private void EnsureWritable()
        {
            EnsureOpen();
            if ((_access & FileAccess.Write) == 0) throw new NotSupportedException("Stream does not support writing.");
        }

        protected override void Dispose(bool disposing)
        {
            if (IsClosed) return;
            long handle = _handle;
            _handle = Closed;
            FileService.Close(handle);
        }
    }
}
