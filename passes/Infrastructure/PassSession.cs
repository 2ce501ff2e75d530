using System.Diagnostics;
using System.Text.RegularExpressions;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>What one run of the pipeline produced: counters and remarks (in the context) and pass times.</summary>
public sealed record PassRun(PassContext Context, IReadOnlyList<PassTiming> Timings, TimeSpan Total);

/// <summary>
/// A validated pipeline with its observation options: the one object the CLI hands to the build.
/// Everything a user can get wrong (pipeline text, plugin, --print-after name, remark regex) is checked
/// by <see cref="Create"/>, before any compilation work starts.
/// </summary>
public sealed class PassSession
{
    private readonly Regex? remarksFilter;

    private PassSession(PipelineOptions options, PassRegistry registry, Pipeline pipeline, Regex? remarksFilter)
    {
        Options = options;
        Registry = registry;
        Pipeline = pipeline;
        this.remarksFilter = remarksFilter;
    }

    public PipelineOptions Options { get; }
    public PassRegistry Registry { get; }
    public Pipeline Pipeline { get; }

    /// <summary>The built-in passes (or <paramref name="baseRegistry"/>) with the plugins' added; --help lists it.</summary>
    /// <exception cref="DiagnosticException">TB5010 for a plugin that cannot be loaded.</exception>
    public static PassRegistry LoadRegistry(IEnumerable<string> plugins, PassRegistry? baseRegistry = null) =>
        plugins.Aggregate(baseRegistry ?? PassRegistry.BuiltIn, (registry, path) => registry.WithPlugin(PluginLoader.Load(path), path));

    /// <param name="defaultOptLevel">The -O level to use when neither --passes nor -O is given; null for the empty pipeline.</param>
    /// <param name="baseRegistry">The passes before plugins are added; the built-in ones unless a test brings its own.</param>
    /// <exception cref="DiagnosticException">TB5xxx: see <see cref="PipelineErrors"/>.</exception>
    public static PassSession Create(PipelineOptions options, int? defaultOptLevel = DefaultPipelines.DefaultLevel, PassRegistry? baseRegistry = null)
    {
        if (options.Passes is not null && options.OptLevel is not null)
            throw Option($"give either --passes or -O{options.OptLevel}, not both (-O{options.OptLevel} is --passes='{DefaultPipelines.Text(options.OptLevel.Value)}')");
        if (options.OptLevel is < 0 || options.OptLevel > DefaultPipelines.MaxLevel)
            throw Option($"-O{options.OptLevel}: the levels are -O0 to -O{DefaultPipelines.MaxLevel}");
        if (options.PipelineName is { } pipelineName)
        {
            if (options.Passes is not null || options.OptLevel is not null)
                throw Option($"give one of --pipeline, --passes and -O, not several (--pipeline {pipelineName} is --passes='{DefaultPipelines.Find(pipelineName)?.Text}')");
            if (DefaultPipelines.Find(pipelineName) is null)
                throw Option($"--pipeline {pipelineName}: the named pipelines are {string.Join(", ", DefaultPipelines.Names)}"
                    + EditDistance.Suggestion(EditDistance.CloseMatches(pipelineName, DefaultPipelines.Names.ToList())));
        }
        var registry = LoadRegistry(options.Plugins, baseRegistry);
        var level = options.OptLevel ?? (options.Passes is null && options.PipelineName is null ? defaultOptLevel : null);
        var pipeline = options.PipelineName is { } named ? Pipeline.Parse(DefaultPipelines.Find(named)!, registry)
            : level is { } l ? Pipeline.Parse(DefaultPipelines.Source(l), registry)
            : Pipeline.Parse(new PipelineSource("--passes", options.Passes ?? ""), registry);
        // Last, so that it counts the calls the other passes left.
        if (options.CountLayerCalls) pipeline = pipeline.ThenRun(registry.Find(CountLayerCalls.Name)!);
        if (options.StartProfiler) pipeline = pipeline.ThenRun(registry.Find(StartProfiler.Name)!);
        foreach (var name in options.PrintAfter)
            if (registry.Find(name) is null)
                throw Option($"--print-after={name}: no pass is named '{name}'" + EditDistance.Suggestion(registry.CloseMatches(name)));
        return new PassSession(options, registry, pipeline, RemarksFilter(options.Remarks));
    }

    private static Regex? RemarksFilter(string? pattern)
    {
        if (pattern is null) return null;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw Option($"--remarks={pattern}: not a regular expression: {e.Message}");
        }
    }

    private static DiagnosticException Option(string message) =>
        new(new Diagnostic(PipelineErrors.BadOption, "command line", message));

    /// <summary>
    /// Runs the Testbed part of the pipeline on <paramref name="module"/>. IR dumps, diffs and matching
    /// remarks go to <paramref name="log"/> as they happen; the remarks file is written at the end.
    /// </summary>
    /// <exception cref="DiagnosticException">TB5020/TB5021 under --verify-each.</exception>
    public PassRun Run(Module module, TextWriter log)
    {
        var context = new PassContext(module);
        if (remarksFilter is not null)
            context.RemarkEmitted = r => { if (remarksFilter.IsMatch(r.Pass)) log.WriteLine(PassReports.Text(r)); };
        var timer = new PassTimer();
        var instrumentations = new List<IPassInstrumentation>();
        if (Options.VerifyEach) instrumentations.Add(new VerifyEach());
        if (Options.PrintChanged) instrumentations.Add(new PrintChanged(log, context.Numbering));
        if (Options.PrintAfterAll || Options.PrintAfter.Count > 0)
            instrumentations.Add(new PrintAfter(Options.PrintAfterAll ? _ => true : Options.PrintAfter.Contains, log, context.Numbering));
        instrumentations.Add(timer);
        var clock = Stopwatch.StartNew();
        new PassManager(Pipeline, instrumentations).Run(context);
        var run = new PassRun(context, timer.Timings, clock.Elapsed);
        if (Options.RemarksFile is { } path) WriteRemarksFile(run, path);
        return run;
    }

    private void WriteRemarksFile(PassRun run, string path)
    {
        var lines = run.Context.Remarks.Where(r => remarksFilter?.IsMatch(r.Pass) ?? true).Select(PassReports.JsonLine);
        try
        {
            File.WriteAllLines(path, lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(new Diagnostic(PipelineErrors.BadOption, path, $"--remarks-file: cannot write: {e.Message}"));
        }
    }
}
