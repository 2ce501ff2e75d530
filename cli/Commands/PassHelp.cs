using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Commands;

/// <summary>
/// `--help` on opt, build and run: after the usual help, every pass the pipeline may name (with the
/// plugins given by --load-pass-plugin), its kind, one-line description and parameters, and the -O pipelines.
/// </summary>
internal sealed class PassHelp : SynchronousCommandLineAction
{
    private readonly HelpAction standard;
    private readonly IReadOnlyList<(Command Command, PassOptions Options)> commands;

    private PassHelp(HelpAction standard, IReadOnlyList<(Command, PassOptions)> commands)
    {
        this.standard = standard;
        this.commands = commands;
    }

    public static void Install(RootCommand root, IReadOnlyList<(Command, PassOptions)> commands)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new PassHelp((HelpAction)help.Action!, commands);
    }

    public override int Invoke(ParseResult parse)
    {
        int status = standard.Invoke(parse);
        var (_, options) = commands.FirstOrDefault(c => c.Command == parse.CommandResult.Command);
        if (options is null) return status;
        // System.CommandLine also shows help after a usage error (and `build --help` alone has one: the
        // missing input). Only an error in --load-pass-plugin itself keeps its value from being read
        // (GetValue throws); then the error, not the list of passes, is what matters.
        if (parse.GetResult(options.Plugins) is { } plugins && plugins.Errors.Any()) return status;
        var output = parse.InvocationConfiguration.Output;
        PassRegistry registry;
        try
        {
            registry = PassSession.LoadRegistry(parse.GetValue(options.Plugins) ?? Array.Empty<string>());
        }
        catch (DiagnosticException e)
        {
            foreach (var d in e.Diagnostics) parse.InvocationConfiguration.Error.WriteLine(d);
            return Program.ExitDiagnostics;
        }
        Write(registry, output);
        return status;
    }

    public static void Write(PassRegistry registry, TextWriter output)
    {
        output.WriteLine("Passes (--passes=NAME, function(NAME), module(NAME), NAME<param=value;...>):");
        int width = registry.Passes.Select(p => p.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var pass in registry.Passes)
        {
            var origin = pass.Type.Assembly == typeof(PassRegistry).Assembly ? "" : $" [from {pass.AssemblyName}]";
            output.WriteLine($"  {pass.Name.PadRight(width)}  {(pass.Kind == PassKind.Module ? "module  " : "function")}  {pass.Description}{origin}");
            foreach (var p in pass.Parameters)
                output.WriteLine($"  {"".PadRight(width)}    <{p.Name}={p.TypeName}> default {(p.DefaultText.Length == 0 ? "\"\"" : p.DefaultText)}. {p.Description}");
        }
        output.WriteLine();
        output.WriteLine("Default pipelines:");
        for (int level = 0; level <= DefaultPipelines.MaxLevel; level++)
            output.WriteLine($"  -O{level}  {DefaultPipelines.Text(level)}{(level == DefaultPipelines.DefaultLevel ? "   (build and run use it when no pipeline is given)" : "")}");
        output.WriteLine();
    }
}
