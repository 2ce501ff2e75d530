using Testbed.LibOS.Net;

namespace Testbed.Net.Tests.Stack;

/// <summary>A NIC for tests: frames the test injects come out of Receive; transmitted frames are recorded as byte arrays.</summary>
internal sealed class FakeDevice : INetworkDevice
{
    public static readonly byte[] MacBytes = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x0F };

    private readonly Queue<PacketBuffer> incoming = new();
    public readonly List<byte[]> Sent = new();

    public string Name => "fake0";

    public void CopyMac(Span<byte> mac) => MacBytes.CopyTo(mac);

    public int Mtu => 1500;

    public NetOffloads Offloads => NetOffloads.None;

    public PacketBuffer? Receive() => incoming.Count > 0 ? incoming.Dequeue() : null;

    public bool Transmit(PacketBuffer frame)
    {
        Sent.Add(frame.Data.ToArray());
        frame.Release();
        return true;
    }

    public void WaitForActivity(ulong deadlineTicks) { }

    public void Inject(byte[] frame)
    {
        var buffer = PacketPool.Shared.Rent();
        frame.CopyTo(buffer.Append(frame.Length));
        incoming.Enqueue(buffer);
    }
}
