using System.CommandLine;
using Spectre.Console;
using Testbed.Backend.Llvm;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.IR;

namespace Testbed.Cli;

/// <summary>The `testbed` command: parses the command line and wires the stages together.</summary>
public static class Program
{
    public const int ExitDiagnostics = 2;
    public const int ExitMissingTool = 3;
    public const int ExitGuestReset = 125;

    public static int Main(string[] args) => BuildCommandLine().Parse(args).Invoke();

    public static RootCommand BuildCommandLine()
    {
        var root = new RootCommand("Testbed: compiles a C# application and the library OS it needs into one optimised image (bare-metal PVH for QEMU/KVM, or a Linux executable).");
        root.Subcommands.Add(BuildCommand());
        root.Subcommands.Add(RunCommand());
        return root;
    }

    private static Argument<string> InputArgument() => new("input")
    {
        Description = "An app project (folder or .csproj), a built .dll, or a single .cs file (compiled against the project's core library).",
    };

    private static Option<string> TargetOption() => new Option<string>("--target", "-t")
    {
        Description = "pvh: bare-metal ELF booted by QEMU (-M microvm); linux: static Linux executable, no libc.",
        DefaultValueFactory = _ => "pvh",
    }.AcceptOnlyFromAmong("pvh", "linux");

    private static Option<string> PipelineOption() => new("--llvm-passes")
    {
        Description = "The LLVM pass pipeline run on the lowered module, in opt's -passes= syntax.",
        DefaultValueFactory = _ => "default<O2>",
    };

    private static Command BuildCommand()
    {
        var input = InputArgument();
        var target = TargetOption();
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the result (default: the input's name with the target and kind as extension)." };
        var emit = new Option<string>("--emit")
        {
            Description = "What to write: image (linked ELF), ir (Testbed IR text), llvm-ir, asm or obj.",
            DefaultValueFactory = _ => "image",
        }.AcceptOnlyFromAmong("image", "ir", "llvm-ir", "asm", "obj");
        var pipeline = PipelineOption();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time each stage took." };
        var command = new Command("build", "Compile an application and the library OS into one image.") { input, target, output, emit, pipeline, verbose };
        command.SetAction(parse => Guard(() =>
        {
            var t = Target.FromName(parse.GetValue(target)!)!;
            var kind = ParseEmit(parse.GetValue(emit)!);
            var path = parse.GetValue(output) ?? DefaultOutput(parse.GetValue(input)!, t, kind);
            var result = Compile(new BuildRequest(parse.GetValue(input)!, t, path, kind, parse.GetValue(pipeline)!), parse.GetValue(verbose));
            Console.Error.WriteLine($"testbed: wrote {result.OutputPath} ({new FileInfo(result.OutputPath).Length} bytes)");
            return 0;
        }));
        return command;
    }

    private static Command RunCommand()
    {
        var input = InputArgument();
        var target = TargetOption();
        var accel = new Option<string>("--accel")
        {
            Description = "QEMU accelerator for pvh: kvm, tcg, or auto (KVM when /dev/kvm is usable).",
            DefaultValueFactory = _ => "auto",
        }.AcceptOnlyFromAmong("auto", "kvm", "tcg");
        var machine = new Option<string>("--machine")
        {
            Description = "QEMU machine type for pvh.",
            DefaultValueFactory = _ => "microvm",
        }.AcceptOnlyFromAmong("microvm", "q35", "pc");
        var memory = new Option<string>("--mem") { Description = "Guest memory for pvh, as for QEMU's -m.", DefaultValueFactory = _ => "128M" };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Stop the program after this many seconds and exit with 124.",
            DefaultValueFactory = _ => 60,
        };
        var pipeline = PipelineOption();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print stage times, the QEMU command line and the guest's boot-to-Main time." };
        var command = new Command("run", "Compile, then run: boot the image under QEMU (pvh) or start it (linux). Streams the program's output and exits with its exit code.")
        {
            input, target, accel, machine, memory, timeout, pipeline, verbose,
        };
        command.SetAction(parse => Guard(() =>
        {
            var t = Target.FromName(parse.GetValue(target)!)!;
            var path = DefaultOutput(parse.GetValue(input)!, t, EmitKind.Image);
            var isVerbose = parse.GetValue(verbose);
            Compile(new BuildRequest(parse.GetValue(input)!, t, path, EmitKind.Image, parse.GetValue(pipeline)!), isVerbose);
            var options = new RunOptions
            {
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Accelerator = Enum.Parse<QemuAccelerator>(parse.GetValue(accel)!, ignoreCase: true),
                Machine = Enum.Parse<QemuMachine>(parse.GetValue(machine)!, ignoreCase: true),
                Memory = parse.GetValue(memory)!,
            };
            using var stdout = Console.OpenStandardOutput();
            var result = t.Run(path, stdout, options);
            stdout.Flush();
            Console.Error.Write(result.ProgramStderr);
            if (isVerbose) ReportRun(result);
            switch (result.Outcome)
            {
                case RunOutcome.Exited: return result.ExitCode ?? 0;
                case RunOutcome.TimedOut:
                    Console.Error.WriteLine($"testbed: the program did not finish within {parse.GetValue(timeout)} s and was stopped (--timeout)");
                    return RunResult.TimeoutExitCode;
                case RunOutcome.GuestReset:
                    Console.Error.WriteLine("testbed: " + result.Describe());
                    return ExitGuestReset;
                default:
                    Console.Error.WriteLine("testbed: " + result.Describe());
                    return 1;
            }
        }));
        return command;
    }

    private static void ReportRun(RunResult result)
    {
        Console.Error.WriteLine($"testbed: {result.CommandLine}");
        if (result.CommandLine.Contains("qemu", StringComparison.Ordinal)) Console.Error.WriteLine($"testbed: KVM {Kvm.Reason}");
        Console.Error.WriteLine($"testbed: {result.Describe()} after {result.WallTime.TotalMilliseconds:0} ms wall");
        foreach (var (key, value) in result.Control)
            Console.Error.WriteLine($"testbed: guest reports {key}={value}");
        if (result.Control.TryGetValue("boot_tsc_to_main", out var cycles) && long.TryParse(cycles, out var c) && HostTsc.KiloHertz() is { } khz)
            Console.Error.WriteLine($"testbed: boot to Main took {c / (double)khz:0.###} ms ({c} TSC cycles at {khz / 1000.0:0} MHz)");
    }

    private static BuildResult Compile(BuildRequest request, bool verbose)
    {
        var driver = (Action<string> report) => new BuildDriver(RepositoryLayout.Locate(), report).Build(request);
        BuildResult result;
        if (!Console.IsErrorRedirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            result = console.Status().Start("compiling", ctx => driver(stage => ctx.Status(Markup.Escape(stage))));
        }
        else
        {
            result = driver(stage => Console.Error.WriteLine($"testbed: {stage}"));
        }
        if (verbose)
            foreach (var (stage, time) in result.StageTimes)
                Console.Error.WriteLine($"testbed: {time.TotalMilliseconds,8:0} ms  {stage}");
        return result;
    }

    private static string DefaultOutput(string input, Target target, EmitKind kind)
    {
        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(Path.GetFullPath(input)));
        var extension = kind switch
        {
            EmitKind.Ir => "tbir", EmitKind.LlvmIr => "ll", EmitKind.Asm => "s", EmitKind.Obj => "o",
            _ => target.Name == "pvh" ? "elf" : "exe",
        };
        var dir = Path.Combine(RepositoryLayout.Locate().Cache, "out");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $"{name}.{target.Name}.{extension}");
    }

    private static EmitKind ParseEmit(string text) => text switch
    {
        "ir" => EmitKind.Ir, "llvm-ir" => EmitKind.LlvmIr, "asm" => EmitKind.Asm, "obj" => EmitKind.Obj, _ => EmitKind.Image,
    };

    /// <summary>Expected failures become messages and exit codes; anything else is a bug and keeps its stack trace.</summary>
    private static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (DiagnosticException e)
        {
            foreach (var d in e.Diagnostics) Console.Error.WriteLine(d);
            return ExitDiagnostics;
        }
        catch (Exception e) when (e is ToolNotFoundException or LlvmUnavailableException)
        {
            Console.Error.WriteLine($"testbed: {e.Message}");
            return ExitMissingTool;
        }
        catch (Exception e) when (e is TargetToolException or LlvmException)
        {
            Console.Error.WriteLine($"testbed: {e.Message}");
            return 1;
        }
    }
}
