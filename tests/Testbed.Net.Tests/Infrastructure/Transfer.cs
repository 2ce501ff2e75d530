using System.Security.Cryptography;
using Testbed.LibOS.Net.Tcp;
using Xunit;

namespace Testbed.Net.Tests.Infrastructure;

/// <summary>
/// Applications on the simulated network: a bulk sender that writes a seeded pseudo-random stream
/// as fast as the socket takes it, then shuts down; a receiver that reads everything and hashes it.
/// </summary>
public sealed class BulkSender
{
    private readonly TcpSocket socket;
    private readonly long total;
    private readonly Random data;
    private readonly byte[] chunk = new byte[16384];
    private int chunkOffset, chunkLength;
    public long Sent;
    public readonly IncrementalHash Hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool shut;

    public BulkSender(TcpSocket socket, long total, int seed)
    {
        this.socket = socket;
        this.total = total;
        data = new Random(seed);
    }

    public void Step()
    {
        while (Sent < total && socket.State == TcpState.Established || socket.State == TcpState.CloseWait && Sent < total)
        {
            if (chunkOffset == chunkLength)
            {
                chunkLength = (int)Math.Min(chunk.Length, total - Sent);
                data.NextBytes(chunk.AsSpan(0, chunkLength));
                Hash.AppendData(chunk, 0, chunkLength);
                chunkOffset = 0;
            }
            int n = socket.Send(chunk.AsSpan(chunkOffset, chunkLength - chunkOffset), out TcpError error);
            if (n == 0)
            {
                Assert.Equal(TcpError.WouldBlock, error);
                return;
            }
            chunkOffset += n;
            Sent += n;
        }
        if (Sent == total && !shut)
        {
            shut = true;
            socket.ShutdownSend();
        }
    }
}

public sealed class BulkReceiver
{
    private readonly TcpSocket socket;
    private readonly byte[] buffer = new byte[32768];
    public long Received;
    public bool Eof;
    public readonly IncrementalHash Hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public BulkReceiver(TcpSocket socket) { this.socket = socket; }

    public void Step()
    {
        while (!Eof)
        {
            int n = socket.Receive(buffer, out TcpError error);
            if (n > 0)
            {
                Hash.AppendData(buffer, 0, n);
                Received += n;
                continue;
            }
            if (error == TcpError.WouldBlock)
                return;
            Assert.Equal(TcpError.None, error);
            Eof = true;
        }
    }
}
