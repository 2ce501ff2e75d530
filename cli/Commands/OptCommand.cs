using System.CommandLine;
using System.Diagnostics;
using Testbed.Cli.Metrics;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Commands;

/// <summary>
/// `testbed opt in.tbir --passes=... [-o out.tbir]`: reads textual IR, verifies it, runs the Testbed part
/// of the pipeline, verifies again and prints the result. llvm(...) is accepted (so -O2 works) and LLVM
/// checks its text as for build, but it has nothing to run on: opt never lowers to LLVM.
/// </summary>
internal static class OptCommand
{
    public static (Command, PassOptions) Create()
    {
        var input = new Argument<string?>("input") { Description = "A .tbir file (textual Testbed IR).", Arity = ArgumentArity.ZeroOrOne };
        var printPipeline = new Option<bool>("--print-pipeline")
        {
            Description = "Print the pipeline that -O, --pipeline or --passes chose, every pass with its parameters, and stop (no input needed).",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the resulting IR (default: standard output)." };
        var passes = new PassOptions(withLlvm: false);
        var command = new Command("opt", "Run a pass pipeline over textual IR and print the result (no pipeline: parse, verify and print).") { input, output, printPipeline };
        passes.AddTo(command);
        command.SetAction(parse => Program.Guard(parse, () =>
        {
            if (CommandLineChecks.RefuseUnknownOption(parse, parse.GetValue(input)) is { } unknown) return unknown;
            if (passes.CheckOutputPaths(parse) is { } badPath) return badPath;
            if (parse.GetValue(output) is { } outputPath && outputPath != "-" && CommandLineChecks.CheckOutputPath(outputPath) is { } badOutput)
                return CommandLineChecks.Refuse(parse, "-o", outputPath, badOutput);
            var options = passes.Read(parse);
            var session = PassSession.Create(options, defaultOptLevel: null);
            Testbed.Cli.Driver.BuildDriver.CheckLlvmPipeline(session.Pipeline, Testbed.Backend.Targets.Target.FromName("linux")!);
            if (parse.GetValue(printPipeline))
            {
                parse.InvocationConfiguration.Output.WriteLine(session.Pipeline.ToString());
                return 0;
            }
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(input) ?? throw new DiagnosticException(new Diagnostic("TB0003", "command line", "give a .tbir file to run the pipeline on (or --print-pipeline)"));
            var stages = new List<(string, TimeSpan)>();
            var clock = Stopwatch.StartNew();
            var module = Parser.ParseModule(ReadInput(name), name);
            Verify(module, $"{name}: input");
            stages.Add(("parsing and verifying", clock.Elapsed));
            var before = IrMeasurement.Of(module);

            clock.Restart();
            var run = session.Run(module, error);
            if (session.Pipeline.Steps.Count > 0) Verify(module, $"{name}: after {session.Pipeline}");
            stages.Add(("running Testbed passes", clock.Elapsed));

            var text = Printer.Print(module);
            if (parse.GetValue(output) is { } path && path != "-")
                WriteFile(path, text);
            else
                parse.InvocationConfiguration.Output.Write(text);
            PassOutput.Report(session, run, error);
            if (passes.MetricsPath(parse) is { } metricsPath)
                new MetricsReport { Input = name, Session = session, Passes = run, IrBeforePasses = before, Ir = IrMeasurement.Of(module), Stages = stages }
                    .WriteTo(metricsPath);
            return 0;
        }));
        return (command, passes);
    }

    private static string ReadInput(string name)
    {
        if (!File.Exists(name)) throw new DiagnosticException(new Diagnostic("TB0003", name, "no such file"));
        return File.ReadAllText(name);
    }

    private static void Verify(Module module, string location)
    {
        var errors = Verifier.Verify(module);
        if (errors.Count > 0) throw new DiagnosticException(errors.Take(20).Select(e => new Diagnostic("TB2001", location, e)).ToList());
    }

    private static void WriteFile(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(new Diagnostic("TB0004", path, $"cannot write: {e.Message}"));
        }
    }
}
