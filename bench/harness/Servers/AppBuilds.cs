using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Passes;

namespace Testbed.Bench.Servers;

/// <summary>
/// What the servers need built, cached in .testbed/bench between runs: the CoreCLR app (MSBuild is
/// incremental), each Testbed image (rebuilt when a source of the app, the library OS or the compiler is
/// newer than it, or its pipeline changed), and nginx's document root (the files tbhttp embeds).
/// </summary>
public sealed class AppBuilds(RepositoryLayout layout, string bench, Action<string> progress)
{
    private readonly string cache = Path.Combine(layout.Cache, "bench");

    /// <summary>bench/apps/kv or bench/apps/http.</summary>
    public string AppDirectory => Path.Combine(layout.Root, "bench", "apps", bench);

    public string CoreClrDll()
    {
        string property = bench == "kv" ? "KvRuntime" : "HttpRuntime";
        progress($"dotnet build bench/apps/{bench} -p:{property}=coreclr");
        using var guestBuilds = GuestBuild.LockGuestBuilds(layout);
        var (exit, stdout, stderr) = HostCommand.Run("dotnet", ["build", AppDirectory, $"-p:{property}=coreclr", "-nologo", "-v:q", "-t:Build", "-getProperty:TargetPath"]);
        string path = stdout.Trim().Split('\n').Last().Trim();
        if (exit != 0 || !File.Exists(path))
            throw new InvalidOperationException($"building {bench} for CoreCLR failed:\n{stdout}{stderr}");
        return path;
    }

    /// <summary>The image of <paramref name="config"/>, built unless the cached one is newer than every source.</summary>
    public string TestbedImage(BenchConfig config)
    {
        Directory.CreateDirectory(cache);
        string image = Path.Combine(cache, $"{bench}-{config.Name}{(config.CountLayerCalls ? "-layer-calls" : "")}.{(config.IsPvh ? "elf" : "exe")}");
        string pipelineFile = image + ".pipeline";
        string pipeline = (config.Passes ?? "(default)") + (config.CountLayerCalls ? " --count-layer-calls" : "");
        if (File.Exists(image) && File.Exists(pipelineFile) && File.ReadAllText(pipelineFile) == pipeline
            && File.GetLastWriteTimeUtc(image) > NewestSource(layout.Root, Path.Combine("bench", "apps", bench)))
            return image;
        progress($"testbed build bench/apps/{bench} --target {config.Target}" + (config.Passes is { } p ? (DefaultPipelines.Find(p) is not null ? $" --pipeline {p}" : $" --passes '{p}'") : "")
            + (config.CountLayerCalls ? " --count-layer-calls" : ""));
        var request = new BuildRequest(AppDirectory, Target.FromName(config.Target!)!, image)
        {
            Passes = config.Passes is null && !config.CountLayerCalls ? null
                : PassSession.Create((config.Passes is { } passes ? Pipeline(passes) : new PipelineOptions()) with { CountLayerCalls = config.CountLayerCalls }),
        };
        new BuildDriver(layout).Build(request);
        File.WriteAllText(pipelineFile, pipeline);
        return image;
    }

    /// <summary>A pipeline in opt's grammar, one of the default pipelines by its flag (-O0 … -O3), or a named one (separate, whole-system).</summary>
    internal static PipelineOptions Pipeline(string passes) =>
        passes is ['-', 'O', >= '0' and <= '3'] ? PipelineOptions.OptLevelOnly(passes[2] - '0')
        : DefaultPipelines.Find(passes) is not null ? new PipelineOptions { PipelineName = passes }
        : PipelineOptions.FromText(passes);

    /// <summary>The served tree as files (tools/embed.py --materialize), readable by nginx's unprivileged worker.</summary>
    public string DocumentRoot()
    {
        string root = Path.Combine(cache, "http-www");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(cache);
        var (exit, stdout, stderr) = HostCommand.Run("python3", [Path.Combine(AppDirectory, "tools", "embed.py"), "--materialize", root, Path.Combine(AppDirectory, "www")]);
        if (exit != 0) throw new InvalidOperationException($"tools/embed.py --materialize failed:\n{stdout}{stderr}");
        MakeWorldReadable(root);
        return root;
    }

    /// <summary>nginx's worker drops to nobody: every directory up to the root must be searchable by it.</summary>
    internal static void MakeWorldReadable(string root)
    {
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
            File.SetUnixFileMode(dir, File.GetUnixFileMode(dir) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.OtherRead | UnixFileMode.GroupRead);
        for (var dir = Directory.GetParent(root); dir != null; dir = dir.Parent)
            if ((File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
                File.SetUnixFileMode(dir.FullName, File.GetUnixFileMode(dir.FullName) | UnixFileMode.OtherExecute);
    }

    /// <summary>The newest write time of the compiler's and the library OS's sources and of <paramref name="more"/> (folders under the root).</summary>
    internal static DateTime NewestSource(string root, params string[] more)
    {
        var newest = DateTime.MinValue;
        string sep = Path.DirectorySeparatorChar.ToString();
        foreach (var folder in new[] { "libos", "frontend", "backend", "ir", "passes", "cli" }.Concat(more))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                if (file.Contains(sep + "bin" + sep) || file.Contains(sep + "obj" + sep)) continue;
                var t = File.GetLastWriteTimeUtc(file);
                if (t > newest) newest = t;
            }
        return newest;
    }
}
