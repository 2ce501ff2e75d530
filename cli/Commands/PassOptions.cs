using System.CommandLine;
using Testbed.Backend.Llvm;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Commands;

/// <summary>
/// The options that choose and observe the pass pipeline, the same on `opt`, `build` and `run`
/// (docs/passes.md). Each command gets its own instances: System.CommandLine options belong to one command.
/// </summary>
internal sealed class PassOptions
{
    private readonly Option<string?> passes = new("--passes")
    {
        Description = "The pass pipeline, in opt's grammar: module(inline<threshold=200>),function(sccp,dce),llvm(default<O2>).",
        HelpName = "pipeline",
    };
    private readonly Option<string?> pipelineName = new("--pipeline")
    {
        Description = $"A named pipeline of the cross-layer study: {string.Join(", ", DefaultPipelines.Names)} (docs/cross-layer.md).",
        HelpName = "name",
    };
    private readonly Option<bool>[] levels = Enumerable.Range(0, DefaultPipelines.MaxLevel + 1)
        .Select(l => new Option<bool>($"-O{l}") { Description = $"The default pipeline {DefaultPipelines.Text(l)}" }).ToArray();
    private readonly Option<string[]> plugins = new("--load-pass-plugin")
    {
        Description = "Load the passes of this assembly (any class marked [Pass]); may be repeated.",
        HelpName = "dll",
    };
    private readonly Option<bool> printAfterAll = new("--print-after-all") { Description = "Print the IR after every pass (stderr)." };
    private readonly Option<string[]> printAfter = new("--print-after") { Description = "Print the IR after each run of this pass; may be repeated.", HelpName = "pass" };
    private readonly Option<bool> printChanged = new("--print-changed") { Description = "After each pass, a unified diff of every function it changed (stderr)." };
    private readonly Option<bool> timePasses = new("--time-passes") { Description = "A table of the time spent in each pass (stderr)." };
    private readonly Option<bool> stats = new("--stats") { Description = "Each pass's counters, e.g. \"inline: 37 call sites inlined\" (stderr)." };
    private readonly Option<string?> remarks = new("--remarks") { Description = "Print the remarks of passes whose name matches this regex (stderr).", HelpName = "regex" };
    private readonly Option<string?> remarksFile = new("--remarks-file") { Description = "Write remarks as JSON lines to this file (those matching --remarks, if given).", HelpName = "path" };
    private readonly Option<bool> verifyEach = new("--verify-each") { Description = "Run the IR verifier after every pass; stop at the first pass that breaks the IR." };
    private readonly Option<bool> countLayerCalls = new("--count-layer-calls")
    {
        Description = "Count the calls that cross layers (app -> corlib, ...) at run time and print the counts at exit (the count-layer-calls pass, after the Testbed passes).",
    };
    private readonly Option<string?> metrics = new("--metrics") { Description = "Write IR counts by opcode and layer, cross-layer calls, .text size and stage times as JSON.", HelpName = "out.json" };
    private readonly Option<string[]> llvmArguments = new("--llvm-arg")
    {
        Description = $"An LLVM option, from those known to work in-process: {string.Join(", ", LlvmCommandLine.Known.Select(f => f.Usage))}; may be repeated.",
        HelpName = "flag",
    };
    private readonly Option<bool> ablateExceptionChecks = new("--ablate-exception-checks")
    {
        Description = "For measuring only: no test for a pending exception after calls (docs/exceptions.md). A program that throws through a call then goes wrong.",
    };
    private readonly Option<bool> ablateHandlerRecords = new("--ablate-handler-records")
    {
        Description = "For measuring only: try blocks do not link their handler records for the first pass (docs/exceptions.md). A program that throws then finds no handler.",
    };
    private readonly Option<bool> ablateWriteBarriers = new("--ablate-write-barriers")
    {
        Description = "For measuring only: no card marking after reference stores (docs/gc.md); the collector is told so and marks the whole heap at every collection.",
    };
    private readonly Option<bool> debugInfo = new("-g", "--debug-info")
    {
        Description = "Emit DWARF: C# source lines, method names, parameters and locals (at -O0 all of them; optimised, what LLVM keeps). docs/debugging.md.",
    };
    private readonly Option<int> codegenThreads = CodegenThreadsOption();
    private readonly bool withLlvm;

    /// <summary>Most --codegen-threads: more partitions than this only add bitcode copies.</summary>
    public const int MaximumCodegenThreads = 16;

    private static Option<int> CodegenThreadsOption()
    {
        var option = new Option<int>("--codegen-threads")
        {
            Description = $"Generate machine code in this many threads, over as many partitions of the optimised module, linked together (1 to {MaximumCodegenThreads}; default: the processors, at most {Testbed.Backend.Lowering.ParallelCodeGeneration.MaxAutomaticPartitions}, and 1 for a small program). The code of each function is the same either way.",
            HelpName = "n",
        };
        // Reads the token itself: a value that is not a number is the parser's error already, and asking
        // the result for it here would throw.
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, out int n) && (n < 1 || n > MaximumCodegenThreads))
                result.AddError($"--codegen-threads {n}: expected 1 to {MaximumCodegenThreads}");
        });
        return option;
    }

    /// <param name="withLlvm">Whether the command reaches LLVM (build and run do; opt stops at Testbed IR).</param>
    public PassOptions(bool withLlvm) { this.withLlvm = withLlvm; }

    public Option<string[]> Plugins => plugins;

    public void AddTo(Command command)
    {
        command.Options.Add(passes);
        command.Options.Add(pipelineName);
        foreach (var level in levels) command.Options.Add(level);
        foreach (var option in new Option[] { plugins, printAfterAll, printAfter, printChanged, timePasses, stats, remarks, remarksFile, verifyEach, countLayerCalls, metrics })
            command.Options.Add(option);
        if (withLlvm) command.Options.Add(llvmArguments);
        if (withLlvm) command.Options.Add(ablateExceptionChecks);
        if (withLlvm) command.Options.Add(ablateHandlerRecords);
        if (withLlvm) command.Options.Add(ablateWriteBarriers);
        if (withLlvm) command.Options.Add(debugInfo);
        if (withLlvm) command.Options.Add(codegenThreads);
    }

    /// <summary>--codegen-threads, or null to decide by the processors and the program's size.</summary>
    public int? CodegenThreads(ParseResult parse) => withLlvm && parse.GetResult(codegenThreads) is not null ? parse.GetValue(codegenThreads) : null;

    public bool DebugInfo(ParseResult parse) => withLlvm && parse.GetValue(debugInfo);

    public bool AblateExceptionChecks(ParseResult parse) => withLlvm && parse.GetValue(ablateExceptionChecks);
    public bool AblateHandlerRecords(ParseResult parse) => withLlvm && parse.GetValue(ablateHandlerRecords);
    public bool AblateWriteBarriers(ParseResult parse) => withLlvm && parse.GetValue(ablateWriteBarriers);

    /// <exception cref="DiagnosticException">TB5005 when more than one -O level is given.</exception>
    public PipelineOptions Read(ParseResult parse)
    {
        var given = levels.Select((option, level) => (option, level)).Where(l => parse.GetValue(l.option)).Select(l => l.level).ToList();
        if (given.Count > 1)
            throw new DiagnosticException(new Diagnostic(PipelineErrors.BadOption, "command line", $"give one -O level, not {string.Join(" and ", given.Select(l => $"-O{l}"))}"));
        return new PipelineOptions
        {
            Passes = parse.GetValue(passes),
            PipelineName = parse.GetValue(pipelineName),
            OptLevel = given.Count == 1 ? given[0] : null,
            Plugins = parse.GetValue(plugins) ?? Array.Empty<string>(),
            PrintAfterAll = parse.GetValue(printAfterAll),
            PrintAfter = parse.GetValue(printAfter) ?? Array.Empty<string>(),
            PrintChanged = parse.GetValue(printChanged),
            TimePasses = parse.GetValue(timePasses),
            Statistics = parse.GetValue(stats),
            Remarks = parse.GetValue(remarks),
            RemarksFile = parse.GetValue(remarksFile),
            VerifyEach = parse.GetValue(verifyEach),
            CountLayerCalls = parse.GetValue(countLayerCalls),
        };
    }

    public string? MetricsPath(ParseResult parse) => parse.GetValue(metrics);

    /// <summary>A usage error's exit code when --metrics or --remarks-file cannot be written (checked before any work), else null.</summary>
    public int? CheckOutputPaths(ParseResult parse)
    {
        foreach (var option in new[] { metrics, remarksFile })
            if (parse.GetValue(option) is { } path && CommandLineChecks.CheckOutputPath(path) is { } problem)
                return CommandLineChecks.Refuse(parse, option.Name, path, problem);
        return null;
    }

    /// <summary>Whether anything of the pipeline is printed while it runs (the progress spinner would garble it).</summary>
    public static bool PrintsWhileRunning(PipelineOptions o) => o.PrintAfterAll || o.PrintAfter.Count > 0 || o.PrintChanged || o.Remarks is not null;

    /// <exception cref="DiagnosticException">TB5030 for an option not known to work in-process.</exception>
    public IReadOnlyList<string> LlvmArguments(ParseResult parse)
    {
        if (!withLlvm) return Array.Empty<string>();
        var arguments = parse.GetValue(llvmArguments) ?? Array.Empty<string>();
        var errors = arguments.Select(a => (a, error: LlvmCommandLine.Check(a))).Where(x => x.error is not null)
            .Select(x => new Diagnostic(PipelineErrors.LlvmArgument, $"--llvm-arg={x.a}", x.error!)).ToList();
        if (errors.Count > 0) throw new DiagnosticException(errors);
        return arguments;
    }
}
