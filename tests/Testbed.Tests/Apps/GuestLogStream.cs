using System.Text;

namespace Testbed.Tests.Apps;

/// <summary>
/// A server guest's standard output as the runner streams it, appended to a log that the test reads
/// while the guest runs (the servers' start-up line, warnings); shared by the kv and http tests.
/// </summary>
internal sealed class GuestLogStream(StringBuilder log) : Stream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (log) log.Append(Encoding.UTF8.GetString(buffer, offset, count));
    }

    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
