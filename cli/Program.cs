using System.CommandLine;
using Testbed.Backend.Llvm;
using Testbed.Backend.Targets;
using Testbed.Cli.Commands;
using Testbed.Cli.Commands.TestIr;
using Testbed.Cli.Profiling;
using Testbed.IR;

namespace Testbed.Cli;

/// <summary>The `testbed` command: parses the command line and wires the stages together.</summary>
public static class Program
{
    // One scheme for every command (README, "The testbed command"). testbed's own failures after the
    // input is accepted take the shell's codes for a command that could not run (126) or was not found
    // (127), which programs do not use, rather than small numbers a program may well return.
    public const int ExitUsage = 1;
    public const int ExitDiagnostics = 2;
    public const int ExitGuestReset = 125;
    public const int ExitToolFailed = 126;
    public const int ExitMissingTool = 127;

    public static int Main(string[] args) => BuildCommandLine().Parse(SplitEmptyValues(BuildCommands.GiveBareGdb(ProfileOption.GiveBareRate(args)))).Invoke();

    /// <summary>Runs a command line with its output and error text going to the given writers, in this process.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        BuildCommandLine().Parse(SplitEmptyValues(BuildCommands.GiveBareGdb(ProfileOption.GiveBareRate(args)))).Invoke(new InvocationConfiguration { Output = output, Error = error });

    /// <summary>
    /// `--option=` (an explicitly empty value, e.g. the documented empty pipeline `--passes=`) becomes
    /// `--option ""`: System.CommandLine would otherwise take the next token as the value, so that
    /// `--passes= --stats` ran `--stats` as a pipeline. Arguments after `--` are the program's, left alone.
    /// </summary>
    public static IReadOnlyList<string> SplitEmptyValues(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        bool programArguments = false;
        foreach (var arg in args)
        {
            if (arg == "--") programArguments = true;
            if (!programArguments && arg.Length > 3 && arg.StartsWith("--", StringComparison.Ordinal) && arg.EndsWith('='))
            {
                result.Add(arg[..^1]);
                result.Add("");
            }
            else
                result.Add(arg);
        }
        return result;
    }

    public static RootCommand BuildCommandLine()
    {
        var root = new RootCommand("Testbed: compiles a C# application and the library OS it needs into one optimised image (bare-metal PVH for QEMU/KVM, or a Linux executable).");
        var build = BuildCommands.Build();
        var run = BuildCommands.Run();
        var opt = OptCommand.Create();
        foreach (var (command, _) in new[] { build, run, opt }) root.Subcommands.Add(command);
        root.Subcommands.Add(TestIrCommand.Create());
        PassHelp.Install(root, new[] { build, run, opt });
        return root;
    }

    /// <summary>Expected failures become messages and exit codes; anything else is a bug and keeps its stack trace.</summary>
    internal static int Guard(ParseResult parse, Func<int> action)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return action();
        }
        catch (DiagnosticException e)
        {
            foreach (var d in e.Diagnostics) error.WriteLine(d);
            return ExitDiagnostics;
        }
        catch (Exception e) when (e is ToolNotFoundException or LlvmUnavailableException)
        {
            error.WriteLine($"testbed: {e.Message}");
            return ExitMissingTool;
        }
        catch (Exception e) when (e is TargetToolException or LlvmException)
        {
            error.WriteLine($"testbed: {e.Message}");
            return ExitToolFailed;
        }
        catch (BadImageFormatException e)
        {
            error.WriteLine($"testbed: {e.Message}");
            return ExitDiagnostics;
        }
    }
}
