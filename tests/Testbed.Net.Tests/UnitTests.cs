using Testbed.LibOS.Net.Tcp;
using Xunit;

namespace Testbed.Net.Tests;

public class SipHashTests
{
    [Fact]
    public void MatchesThePapersTestVector()
    {
        // SipHash-2-4 paper, appendix A: key 00..0f, message 00..0e.
        ulong k0 = 0x0706050403020100UL, k1 = 0x0f0e0d0c0b0a0908UL;
        var message = new byte[15];
        for (int i = 0; i < message.Length; i++) message[i] = (byte)i;
        Assert.Equal(0xa129ca6149be45e5UL, new SipHash24(k0, k1).Hash(message));
    }

    [Fact]
    public void EmptyMessageVector()
    {
        // The reference implementation's first vector (empty input).
        ulong k0 = 0x0706050403020100UL, k1 = 0x0f0e0d0c0b0a0908UL;
        Assert.Equal(0x726fdb47dd0e0e31UL, new SipHash24(k0, k1).Hash(ReadOnlySpan<byte>.Empty));
    }
}

public class ReceiveBufferTests
{
    [Fact]
    public void ReassemblesOutOfOrderInPlace()
    {
        var buffer = new TcpReceiveBuffer(100, 4);
        Assert.Equal(0, buffer.Insert(10, new byte[] { 10, 11, 12 }));
        Assert.Equal(0, buffer.Insert(20, new byte[] { 20 }));
        Assert.Equal(2, buffer.OutOfOrderRanges);
        Assert.Equal(0, buffer.Insert(13, new byte[7])); // Bridges the two ranges.
        Assert.Equal(1, buffer.OutOfOrderRanges);
        var head = new byte[10];
        for (int i = 0; i < 10; i++) head[i] = (byte)i;
        Assert.Equal(21, buffer.Insert(0, head));
        Assert.Equal(0, buffer.OutOfOrderRanges);
        var read = new byte[21];
        Assert.Equal(21, buffer.Read(read));
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, read.AsSpan(0, 13).ToArray());
        Assert.Equal(20, read[20]);
    }

    [Fact]
    public void RangeLimitRefusesNewHoles()
    {
        var buffer = new TcpReceiveBuffer(100, 2);
        Assert.Equal(0, buffer.Insert(10, new byte[1]));
        Assert.Equal(0, buffer.Insert(20, new byte[1]));
        Assert.Equal(-1, buffer.Insert(30, new byte[1]));
        Assert.Equal(0, buffer.Insert(11, new byte[1])); // Extending a range is fine.
    }

    [Fact]
    public void WrapsAroundTheRing()
    {
        var buffer = new TcpReceiveBuffer(10, 4);
        var data = new byte[7];
        buffer.Insert(0, data);
        buffer.Read(new byte[7]);
        var wrap = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        Assert.Equal(0, buffer.Insert(3, wrap.AsSpan(3)));
        Assert.Equal(8, buffer.Insert(0, wrap.AsSpan(0, 3)));
        var read = new byte[8];
        Assert.Equal(8, buffer.Read(read));
        Assert.Equal(wrap, read);
    }

    [Fact]
    public void SendBufferWraps()
    {
        var buffer = new TcpSendBuffer(8);
        Assert.Equal(6, buffer.Write(new byte[] { 1, 2, 3, 4, 5, 6 }));
        buffer.Discard(5);
        Assert.Equal(7, buffer.Write(new byte[] { 7, 8, 9, 10, 11, 12, 13, 14 }));
        var out8 = new byte[8];
        buffer.CopyOut(0, out8);
        Assert.Equal(new byte[] { 6, 7, 8, 9, 10, 11, 12, 13 }, out8);
    }
}

public class SequenceTests
{
    [Fact]
    public void ComparisonsWrap()
    {
        Assert.True(Seq.Lt(0xFFFFFFF0, 5));
        Assert.True(Seq.Gt(5, 0xFFFFFFF0));
        Assert.Equal(5u, Seq.Max(0xFFFFFFF0, 5));
    }
}
