using System.Text;

namespace Testbed.Tests;

/// <summary>A stream a runner writes a guest's output into and nothing reads from: the overrides every such sink needs.</summary>
internal abstract class WriteOnlyStream : Stream
{
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

/// <summary>Collects a program's stdout and completes <see cref="Ready"/> at the first line starting with a prefix.</summary>
internal sealed class WatchedStream(string prefix) : WriteOnlyStream
{
    private readonly MemoryStream all = new();
    private readonly TaskCompletionSource readyness = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => readyness.Task;

    public string Text
    {
        get { lock (all) return Encoding.UTF8.GetString(all.ToArray()); }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (all) all.Write(buffer, offset, count);
        if (!readyness.Task.IsCompleted)
            foreach (var line in Text.Split('\n')[..^1])
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                    readyness.TrySetResult();
    }
}
