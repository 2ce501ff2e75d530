using System.Text.Json.Serialization;
using Testbed.Backend.Targets;

namespace Testbed.Bench;

/// <summary>What a result depends on besides the code: recorded with every run.</summary>
public sealed record Machine(
    [property: JsonPropertyName("cpu")] string Cpu,
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("kernel")] string Kernel,
    [property: JsonPropertyName("kvm")] string Kvm,
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("server_cpu")] int ServerCpu,
    [property: JsonPropertyName("client_cpu")] int ClientCpu)
{
    public static Machine Describe(string root)
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        int cores = Environment.ProcessorCount;
        // Server and client on different cores where there are two; on one core they share it.
        int clientCpu = cores >= 2 ? 1 : 0;
        return new Machine(cpu, cores, HostCommand.Output("uname", "-r").Trim(), Testbed.Backend.Targets.Kvm.Reason, CommitOf(root), 0, clientCpu);
    }

    private static string CommitOf(string root)
    {
        string head = HostCommand.Output("git", "-C", root, "rev-parse", "--short=12", "HEAD").Trim();
        if (head.Length == 0) return "unknown";
        bool dirty = HostCommand.Output("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Trim().Length > 0;
        return dirty ? head + "+uncommitted" : head;
    }
}
