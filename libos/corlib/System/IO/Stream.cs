namespace System.IO
{
    /// <summary>
    /// .NET's abstract byte stream, synchronous part: the abstract core, the span, byte and exact-read
    /// helpers built on it as .NET builds them, CopyTo, timeouts (unsupported unless overridden), Dispose.
    /// No asynchronous members (async is not compiled).
    /// </summary>
    public abstract class Stream : IDisposable
    {
        private const int DefaultCopyBufferSize = 81920;

        public abstract bool CanRead { get; }

        public abstract bool CanSeek { get; }

        public abstract bool CanWrite { get; }

        public virtual bool CanTimeout => false;

        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public virtual int ReadTimeout
        {
            get => throw new InvalidOperationException("Timeouts are not supported on this stream.");
            set => throw new InvalidOperationException("Timeouts are not supported on this stream.");
        }

        public virtual int WriteTimeout
        {
            get => throw new InvalidOperationException("Timeouts are not supported on this stream.");
            set => throw new InvalidOperationException("Timeouts are not supported on this stream.");
        }

        public abstract void Flush();

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void SetLength(long value);

        public abstract void Write(byte[] buffer, int offset, int count);

        public virtual int Read(Span<byte> buffer)
        {
            byte[] array = new byte[buffer.Length];
            int numRead = Read(array, 0, buffer.Length);
            if ((uint)numRead > (uint)buffer.Length) throw new IOException("Stream was too long.");
            new ReadOnlySpan<byte>(array, 0, numRead).CopyTo(buffer);
            return numRead;
        }

        public virtual void Write(ReadOnlySpan<byte> buffer)
        {
            byte[] array = buffer.ToArray();
            Write(array, 0, array.Length);
        }

        public virtual int ReadByte()
        {
            byte[] oneByteArray = new byte[1];
            int r = Read(oneByteArray, 0, 1);
            return r == 0 ? -1 : oneByteArray[0];
        }

        public virtual void WriteByte(byte value) => Write(new byte[] { value }, 0, 1);

        public void ReadExactly(Span<byte> buffer) => ReadAtLeastCore(buffer, buffer.Length, throwOnEndOfStream: true);

        public void ReadExactly(byte[] buffer, int offset, int count)
        {
            ValidateBufferArguments(buffer, offset, count);
            ReadAtLeastCore(new Span<byte>(buffer, offset, count), count, throwOnEndOfStream: true);
        }

        public int ReadAtLeast(Span<byte> buffer, int minimumBytes, bool throwOnEndOfStream = true)
        {
            if (minimumBytes < 0) throw new ArgumentOutOfRangeException(nameof(minimumBytes), minimumBytes,
                "minimumBytes ('" + minimumBytes.ToString() + "') must be a non-negative value.");
            if (buffer.Length < minimumBytes) throw new ArgumentOutOfRangeException(nameof(minimumBytes), minimumBytes,
                "minimumBytes ('" + minimumBytes.ToString() + "') must be less than or equal to '" + buffer.Length.ToString() + "'.");
            return ReadAtLeastCore(buffer, minimumBytes, throwOnEndOfStream);
        }

        private int ReadAtLeastCore(Span<byte> buffer, int minimumBytes, bool throwOnEndOfStream)
        {
            int totalRead = 0;
            while (totalRead < minimumBytes)
            {
                int read = Read(buffer.Slice(totalRead));
                if (read == 0)
                {
                    if (throwOnEndOfStream) throw new EndOfStreamException("Unable to read beyond the end of the stream.");
                    return totalRead;
                }
                totalRead += read;
            }
            return totalRead;
        }

        public void CopyTo(Stream destination) => CopyTo(destination, DefaultCopyBufferSize);

        public virtual void CopyTo(Stream destination, int bufferSize)
        {
            ValidateCopyToArguments(destination, bufferSize);
            // .NET reports a closed source or destination as ObjectDisposedException("Cannot access a closed
            // Stream."), a constructor this library lacks; only the unreadable/unwritable cases are checked.
            if (!CanRead && CanWrite) throw new NotSupportedException("Stream does not support reading.");
            byte[] buffer = new byte[bufferSize];
            int bytesRead;
            while ((bytesRead = Read(buffer, 0, buffer.Length)) != 0)
                destination.Write(buffer, 0, bytesRead);
        }

        protected static void ValidateCopyToArguments(Stream destination, int bufferSize)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (bufferSize <= 0) throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize,
                "bufferSize ('" + bufferSize.ToString() + "') must be a non-negative and non-zero value.");
            if (!destination.CanWrite && destination.CanRead) throw new NotSupportedException("Stream does not support writing.");
        }

        protected static void ValidateBufferArguments(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), "Non-negative number required.");
            if ((uint)count > buffer.Length - offset)
                throw new ArgumentOutOfRangeException(nameof(count),
                    "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        }

        public virtual void Close()
        {
            Dispose(true);
        }

        public void Dispose() => Close();

        protected virtual void Dispose(bool disposing) { }
    }
}
