using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Testbed.Backend.Targets;

namespace Testbed.Bench.Servers;

/// <summary>
/// A started server: where its client reaches it (a network namespace, an address and a port), how long it
/// took from the start of its process to its first answer, and its memory. Disposing stops it and removes
/// whatever it started; nothing is left running.
/// </summary>
public abstract class ServerRun : IAsyncDisposable
{
    private readonly StringBuilder log = new();

    /// <summary>The namespace the client runs in (`ip netns exec`).</summary>
    public abstract string ClientNamespace { get; }
    public abstract string Host { get; }
    public int Port { get; protected init; }
    /// <summary>From just before the server's process was started to its first correct answer.</summary>
    public TimeSpan Startup { get; protected set; }

    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>The server's processes (the executable, QEMU, or nginx's master and worker).</summary>
    public abstract IReadOnlyList<int> Processes();

    /// <summary>Resident memory of the server's processes now, and at their peak (VmRSS, VmHWM), in bytes.</summary>
    public (long Resident, long Peak) Memory()
    {
        long resident = 0, peak = 0;
        foreach (var pid in Processes())
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) resident += Kilobytes(line) * 1024;
                    else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak += Kilobytes(line) * 1024;
                }
            }
            catch (IOException) { /* ended meanwhile */ }
        }
        return (resident, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    protected void Append(string text)
    {
        lock (log)
        {
            // A chatty server must not fill memory: keep the last 64 KiB, where a failure shows.
            log.Append(text);
            if (log.Length > 128 * 1024) log.Remove(0, log.Length - 64 * 1024);
        }
    }

    /// <summary>Polls with <paramref name="probe"/> until it answers correctly; <see cref="Startup"/> is measured from <paramref name="started"/>.</summary>
    protected void WaitUntilAnswering(Probe probe, long started, TimeSpan limit, Func<string?> failed)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        string lastError = "no attempt";
        while (true)
        {
            if (failed() is { } why)
                throw new InvalidOperationException($"the server ended before answering: {why}\n{Log}");
            try
            {
                if (Namespace() is { } space)
                {
                    using var socket = NetworkNamespace.Connect(space, Host, Port, TimeSpan.FromMilliseconds(20));
                    socket.ReceiveTimeout = 5000;
                    if (probe.Answers(socket))
                    {
                        Startup = Stopwatch.GetElapsedTime(started);
                        return;
                    }
                    lastError = "a wrong answer";
                }
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException or AggregateException)
            {
                lastError = e.GetBaseException().Message;
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"the server did not answer within {limit.TotalSeconds:0} s ({lastError}):\n{Log}");
            Thread.Sleep(2);
        }
    }

    /// <summary>
    /// Stops the server the way its counters survive, and returns what it counted over the whole run, where
    /// the build reports it (Testbed's linux target); null otherwise.
    /// </summary>
    public virtual ExitCounters? StopAndReadCounters() => null;

    /// <summary>The client's namespace once it exists (a Testbed run creates it after it starts).</summary>
    protected virtual string? Namespace() => ClientNamespace;

    public abstract ValueTask DisposeAsync();
}

/// <summary>The request that tells a server is up: PING for kv and Redis, GET of the page for http and nginx.</summary>
public sealed class Probe(string request, string expectedPrefix)
{
    public static readonly Probe Redis = new("PING\r\n", "+PONG\r\n");
    public static readonly Probe Http = new("GET /index.html HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n", "HTTP/1.1 200 ");

    public bool Answers(Socket socket)
    {
        socket.Send(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[256];
        int have = 0;
        while (have < expectedPrefix.Length)
        {
            int n = socket.Receive(buffer, have, buffer.Length - have, SocketFlags.None);
            if (n == 0) break;
            have += n;
        }
        return Encoding.ASCII.GetString(buffer, 0, have).StartsWith(expectedPrefix, StringComparison.Ordinal);
    }
}
