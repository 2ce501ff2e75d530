using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Testbed.Net.Tests;

/// <summary>
/// The Nagle + delayed-ACK trap: a client sends a request, the server answers with one Send of N
/// bytes. Every exchange must finish in a few round trips, never wait for a 40 ms delayed ACK.
/// </summary>
public class RequestResponseTests
{
    private readonly ITestOutputHelper output;
    public RequestResponseTests(ITestOutputHelper output) { this.output = output; }

    private static IEnumerable<int> Sizes()
    {
        int[] edges = { 1, 2, 100, 535, 536, 537, 1000, 1447, 1448, 1449, 2895, 2896, 2897, 4000, 4344, 8192, 10000,
            14479, 14480, 14481, 16384, 20000, 30000, 32768, 40000, 50000, 65535, 65536 };
        foreach (int e in edges)
            yield return e;
        var random = new Random(9);
        for (int i = 0; i < 150; i++)
            yield return random.Next(1, 65537);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ResponsesOfEverySizeDoNotStall(bool noDelay)
    {
        var net = new SimulatedNetwork(17);
        var (client, server) = TransferTests.Connect(net, configureClient: s => s.NoDelay = noDelay, configureListener: s => s.NoDelay = noDelay);
        var request = new byte[64];
        var response = new byte[65536];
        new Random(1).NextBytes(response);
        var inbox = new byte[65536];
        long worst = 0;
        int worstSize = 0;
        int exchanges = 0;
        foreach (int size in Sizes())
        {
            for (int repeat = 0; repeat < 2; repeat++)
            {
                long start = net.NowMicroseconds;
                Assert.Equal(request.Length, client.Send(request, out _));
                int requestReceived = 0, responseSent = 0, responseReceived = 0;
                bool ok = net.Run(() => responseReceived == size, () =>
                {
                    while (requestReceived < request.Length)
                    {
                        int n = server.Receive(inbox, out _);
                        if (n <= 0) break;
                        requestReceived += n;
                    }
                    if (requestReceived == request.Length && responseSent < size)
                    {
                        int n = server.Send(response.AsSpan(responseSent, size - responseSent), out _);
                        responseSent += n;
                    }
                    while (true)
                    {
                        int n = client.Receive(inbox, out _);
                        if (n <= 0) break;
                        responseReceived += n;
                    }
                }, 10_000_000);
                Assert.True(ok, $"exchange of {size} bytes did not complete");
                long elapsed = net.NowMicroseconds - start;
                if (elapsed > worst)
                {
                    worst = elapsed;
                    worstSize = size;
                }
                Assert.True(elapsed < 20_000, $"a {size}-byte response took {elapsed} us (a delayed-ACK stall?)");
                exchanges++;
            }
        }
        output.WriteLine($"{exchanges} exchanges, worst {worst} us for {worstSize} bytes");
    }
}
