namespace Testbed.Backend.Targets;

/// <summary>
/// Two network namespaces joined by a veth pair: Linux's own TCP/IP stack on both sides, the counterpart
/// of <see cref="TapNetwork"/> for programs that use kernel sockets (the benchmark harness runs native
/// redis-server, nginx and the CoreCLR servers in <see cref="ServerNamespace"/> and their clients in
/// <see cref="ClientNamespace"/>). The names and the clean-up are TapNetwork's: signals delete both, and a
/// pair left by a killed process is removed by the next <see cref="TapNetwork.Create"/> or <see cref="Create"/>.
/// </summary>
public sealed class VethPair : IDisposable
{
    private int disposed;

    private VethPair(string server, string client, string serverAddress, string clientAddress)
    {
        ServerNamespace = server;
        ClientNamespace = client;
        ServerAddress = serverAddress;
        ClientAddress = clientAddress;
    }

    public string ServerNamespace { get; }
    public string ClientNamespace { get; }
    /// <summary>Addresses without prefix length, e.g. 10.0.3.1.</summary>
    public string ServerAddress { get; }
    public string ClientAddress { get; }

    /// <param name="serverAddress">ADDR/PREFIX of the server side, e.g. 10.0.3.1/24.</param>
    /// <param name="clientAddress">ADDR/PREFIX of the client side, in the same subnet.</param>
    public static VethPair Create(string serverAddress = "10.0.3.1/24", string clientAddress = "10.0.3.2/24")
    {
        TapNetwork.RemoveStale();
        var pair = new VethPair(TapNetwork.NewNamespaceName(), TapNetwork.NewNamespaceName(),
            serverAddress.Split('/')[0], clientAddress.Split('/')[0]);
        TapNetwork.Register(pair.ServerNamespace);
        TapNetwork.Register(pair.ClientNamespace);
        try
        {
            foreach (var (space, address) in new[] { (pair.ServerNamespace, serverAddress), (pair.ClientNamespace, clientAddress) })
            {
                TapNetwork.Ip("netns", "add", space);
                TapNetwork.Ip("-n", space, "link", "set", "lo", "up");
            }
            // Created in the server's namespace with its peer moved straight into the client's: neither end
            // ever exists in the host's namespace, so no name there can clash.
            TapNetwork.Ip("-n", pair.ServerNamespace, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1", "netns", pair.ClientNamespace);
            TapNetwork.Ip("-n", pair.ServerNamespace, "addr", "add", serverAddress, "dev", "veth0");
            TapNetwork.Ip("-n", pair.ClientNamespace, "addr", "add", clientAddress, "dev", "veth1");
            TapNetwork.Ip("-n", pair.ServerNamespace, "link", "set", "veth0", "up");
            TapNetwork.Ip("-n", pair.ClientNamespace, "link", "set", "veth1", "up");
        }
        catch
        {
            pair.Dispose();
            throw;
        }
        return pair;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        foreach (var space in new[] { ServerNamespace, ClientNamespace })
        {
            NetworkNamespace.KillProcesses(space);
            TapNetwork.Unregister(space);
        }
    }
}
