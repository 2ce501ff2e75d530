using System.CommandLine;
using Spectre.Console;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Cli.Metrics;
using Testbed.Cli.Profiling;
using Testbed.Passes;

namespace Testbed.Cli.Commands;

/// <summary>`testbed build` and `testbed run`: compile (and run) an application with the library OS.</summary>
internal static class BuildCommands
{
    /// <summary>The longest --timeout: a week, far beyond any run, and well within TimeSpan.</summary>
    public const double MaximumTimeoutSeconds = 7 * 24 * 3600;

    /// <summary>The least guest memory a PVH image boots in (hello world: the image, page tables and a heap); below it
    /// QEMU's machine cannot even start the boot code (2M: a triple fault; 1K: a hang).</summary>
    public const long MinimumGuestMemoryBytes = 8L << 20;

    /// <summary>Null when <paramref name="seconds"/> is a usable --timeout, else what is wrong.</summary>
    public static string? CheckTimeout(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= MaximumTimeoutSeconds
            ? null
            : $"expected a number of seconds greater than 0 and at most {MaximumTimeoutSeconds} (a week)";

    /// <summary>Null when <paramref name="text"/> is a memory size QEMU's -m takes (a number, optionally with K, M, G or T;
    /// M without) and is at least <see cref="MinimumGuestMemoryBytes"/>, else what is wrong.</summary>
    public static string? CheckMemory(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(\d+(?:\.\d+)?)([KMGTkmgt]?)[Bb]?$");
        if (!match.Success)
            return "expected a size as QEMU's -m takes it: 128M, 1G, 512 (megabytes)";
        double value = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int shift = char.ToUpperInvariant(match.Groups[2].Value.FirstOrDefault('M')) switch { 'K' => 10, 'M' => 20, 'G' => 30, _ => 40 };
        double bytes = value * Math.Pow(2, shift);
        if (bytes < MinimumGuestMemoryBytes)
            return $"a PVH guest needs at least {MinimumGuestMemoryBytes >> 20}M (its image, page tables and a heap)";
        if (bytes > 1L << 40)
            return "more than 1T";
        return null;
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

    public static (Command, PassOptions) Build()
    {
        var input = InputArgument();
        var target = TargetOption();
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the result (default: the input's name with the target and kind as extension)." };
        var emit = new Option<string>("--emit")
        {
            Description = "What to write: image (linked ELF), ir (Testbed IR text, after the passes), llvm-ir, asm or obj.",
            DefaultValueFactory = _ => "image",
        }.AcceptOnlyFromAmong("image", "ir", "llvm-ir", "asm", "obj");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the time each stage took." };
        var passes = new PassOptions(withLlvm: true);
        var command = new Command("build", "Compile an application and the library OS into one image.") { input, target, output, emit, verbose };
        passes.AddTo(command);
        command.SetAction(parse => Program.Guard(parse, () =>
        {
            var t = Target.FromName(parse.GetValue(target)!)!;
            var kind = ParseEmit(parse.GetValue(emit)!);
            if (CommandLineChecks.RefuseUnknownOption(parse, parse.GetValue(input)) is { } unknown) return unknown;
            if (passes.CheckOutputPaths(parse) is { } badPath) return badPath;
            BuildDriver.ResolveInput(parse.GetValue(input)!);
            var path = parse.GetValue(output) ?? DefaultOutput(parse.GetValue(input)!, t, kind);
            if (CommandLineChecks.CheckOutputPath(path) is { } badOutput)
                return CommandLineChecks.Refuse(parse, "-o", path, badOutput);
            var result = Compile(parse, passes, new BuildRequest(parse.GetValue(input)!, t, path, kind), parse.GetValue(verbose));
            parse.InvocationConfiguration.Error.WriteLine($"testbed: wrote {result.OutputPath} ({new FileInfo(result.OutputPath).Length} bytes)");
            return 0;
        }));
        return (command, passes);
    }

    public static (Command, PassOptions) Run()
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
            Description = $"Stop the program after this many seconds and exit with 124: more than 0 and at most {MaximumTimeoutSeconds} (a week), fractions allowed. There is no unlimited run: 0, a negative number, NaN or Infinity is a usage error on both targets.",
            DefaultValueFactory = _ => 60,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print stage times, the QEMU command line and the guest's boot-to-Main time." };
        var gdb = new Option<string?>("--gdb")
        {
            Description = $"Debug with gdb (implies -g; docs/debugging.md). pvh: QEMU stops at the first instruction and waits for gdb on 127.0.0.1:PORT (default {DefaultGdbPort}); the command prints the gdb line to attach. linux: the program runs under gdb in this terminal.",
            HelpName = "PORT",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var disk = new Option<string[]>("--disk")
        {
            Description = "A raw disk image for the guest, as a virtio-blk device (repeat for more disks).",
            AllowMultipleArgumentsPerToken = false,
        };
        var net = new Option<string>("--net")
        {
            Description = "A network card: user (pvh: virtio-net on QEMU's user networking; --forward ports on 127.0.0.1 only) or tap (both targets: a tap device in a network namespace that testbed creates and removes; pvh: virtio-net on it, linux: the executable runs in the namespace and drives the tap).",
            DefaultValueFactory = _ => "none",
        }.AcceptOnlyFromAmong("none", "user", "tap");
        var forward = new Option<string[]>("--forward")
        {
            Description = "With --net user: forward TCP port HOST (on 127.0.0.1) to the guest's port GUEST, as HOST:GUEST or PORT (repeatable).",
        };
        var ip = new Option<string?>("--ip")
        {
            Description = $"With --net: the guest's address and prefix length, ADDR/PREFIX (default {GuestNetwork.DefaultAddress}).",
        };
        var gateway = new Option<string?>("--gateway")
        {
            Description = $"With --net: the guest's default gateway; with --net tap also the address of the tap's host side (default {GuestNetwork.DefaultGateway}).",
        };
        var pcap = new Option<string?>("--pcap")
        {
            Description = "With --net: write every frame the guest sends and receives to FILE, in pcap format (pvh: QEMU's filter-dump; linux: the library OS).",
        };
        var faults = new Option<string?>("--faults")
        {
            Description = "With --net: the library OS's fault injector, e.g. drop=0.05,reorder=0.02,duplicate=0.01,corrupt=0.001,seed=42 (and dir=both|rx|tx).",
        };
        var noOffload = new Option<bool>("--no-offload")
        {
            Description = "With --net tap on linux: open the tap without checksum and TCP segmentation offload, so the stack moves 1514-byte frames one system call each (offloads are also off under --faults).",
        };
        var programArguments = new Argument<string[]>("args")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "The arguments of the program's Main(string[] args), after --: testbed run app.cs --target linux -- a \"b c\" (pvh: on the kernel command line, docs/libos.md).",
        };
        var profile = ProfileOption.Create();
        var passes = new PassOptions(withLlvm: true);
        var command = new Command("run", "Compile, then run: boot the image under QEMU (pvh) or start it (linux). Streams the program's output and exits with its exit code.")
        {
            input, programArguments, target, accel, machine, memory, timeout, verbose, disk, net, forward, ip, gateway, pcap, faults, noOffload, gdb,
            profile,
        };
        passes.AddTo(command);
        command.SetAction(parse => Program.Guard(parse, () =>
        {
            var error = parse.InvocationConfiguration.Error;
            var t = Target.FromName(parse.GetValue(target)!)!;
            // Checked before anything is built or started: a bad value found later would leave a guest running.
            if (CommandLineChecks.RefuseUnknownOption(parse, parse.GetValue(input)) is { } unknown) return unknown;
            if (CheckTimeout(parse.GetValue(timeout)) is { } badTimeout)
            {
                error.WriteLine($"testbed: --timeout {parse.GetValue(timeout)}: {badTimeout}");
                return CommandLineChecks.UsageError;
            }
            if (CheckMemory(parse.GetValue(memory)!) is { } badMemory)
            {
                error.WriteLine($"testbed: --mem {parse.GetValue(memory)}: {badMemory}");
                return CommandLineChecks.UsageError;
            }
            if (passes.CheckOutputPaths(parse) is { } badPath) return badPath;
            if (parse.GetValue(pcap) is { } pcapFile && CommandLineChecks.CheckOutputPath(pcapFile) is { } badPcap)
                return CommandLineChecks.Refuse(parse, "--pcap", pcapFile, badPcap);
            BuildDriver.ResolveInput(parse.GetValue(input)!);
            var path = DefaultOutput(parse.GetValue(input)!, t, EmitKind.Image);
            var isVerbose = parse.GetValue(verbose);
            var disks = parse.GetValue(disk) ?? [];
            foreach (var image in disks)
                if (!File.Exists(image))
                {
                    error.WriteLine($"testbed: --disk {image}: no such file (create one first, e.g. truncate -s 64M {image})");
                    return CommandLineChecks.UsageError;
                }
            var forwards = new List<PortForward>();
            foreach (var text in parse.GetValue(forward) ?? [])
            {
                if (PortForward.Parse(text) is not { } parsed)
                {
                    error.WriteLine($"testbed: --forward {text}: expected HOST:GUEST or PORT, ports 1-65535");
                    return CommandLineChecks.UsageError;
                }
                forwards.Add(parsed);
            }
            var network = Enum.Parse<QemuNetwork>(parse.GetValue(net)!, ignoreCase: true);
            if (forwards.Count > 0 && network != QemuNetwork.User)
            {
                error.WriteLine("testbed: --forward needs --net user");
                return CommandLineChecks.UsageError;
            }
            if (network == QemuNetwork.User && t.Name == "linux")
            {
                error.WriteLine("testbed: --net user is QEMU's user network, for --target pvh; the linux target has --net tap");
                return CommandLineChecks.UsageError;
            }
            var guestAddress = parse.GetValue(ip);
            var guestGateway = parse.GetValue(gateway);
            var pcapPath = parse.GetValue(pcap);
            var faultSpec = parse.GetValue(faults);
            if (network == QemuNetwork.None && (guestAddress ?? guestGateway ?? pcapPath ?? faultSpec) is not null)
            {
                error.WriteLine("testbed: --ip, --gateway, --pcap and --faults need --net user or --net tap");
                return CommandLineChecks.UsageError;
            }
            var offloads = !parse.GetValue(noOffload);
            if (!offloads && (network != QemuNetwork.Tap || t.Name != "linux"))
            {
                error.WriteLine("testbed: --no-offload is for --net tap on --target linux (the pvh target's virtio-net has no offloads yet)");
                return CommandLineChecks.UsageError;
            }
            foreach (var (name, value, check) in new (string, string?, Func<string, string?>)[]
            {
                ("--ip", guestAddress, GuestNetwork.CheckAddress), ("--gateway", guestGateway, GuestNetwork.CheckGateway),
                ("--faults", faultSpec, GuestNetwork.CheckFaults),
            })
                if (value is not null && check(value) is { } problem)
                {
                    error.WriteLine($"testbed: {name} {value}: {problem}");
                    return CommandLineChecks.UsageError;
                }
            bool debugging = parse.GetResult(gdb) is not null;
            int gdbPort = DefaultGdbPort;
            if (debugging && CheckGdb(t, parse.GetValue(gdb), network, out gdbPort) is { } badGdb)
            {
                error.WriteLine($"testbed: --gdb: {badGdb}");
                return CommandLineChecks.UsageError;
            }
            var profileHz = parse.GetValue(profile);
            if (debugging && profileHz is not null)
            {
                // A program stopped in a debugger would be sampled while it waits: the profile would say nothing.
                error.WriteLine("testbed: --gdb and --profile: one at a time (a program stopped in gdb is not running to be sampled)");
                return CommandLineChecks.UsageError;
            }
            var built = Compile(parse, passes, new BuildRequest(parse.GetValue(input)!, t, path, EmitKind.Image) { DebugInfo = debugging }, isVerbose,
                profiling: profileHz is not null);
            if (debugging && t.Name == "linux")
                return RunUnderGdb(path, parse.GetValue(programArguments) ?? [], error);
            if (profileHz is not null) File.Delete(ProfileReport.RawPath(path));
            var options = new RunOptions
            {
                // Someone stepping through the program is not a hung guest: no limit unless one is asked for.
                Timeout = debugging && parse.GetResult(timeout) is null ? null : TimeSpan.FromSeconds(parse.GetValue(timeout)),
                ExtraQemuArguments = debugging ? ["-gdb", $"tcp:127.0.0.1:{gdbPort}", "-S"] : [],
                Accelerator = Enum.Parse<QemuAccelerator>(parse.GetValue(accel)!, ignoreCase: true),
                Machine = Enum.Parse<QemuMachine>(parse.GetValue(machine)!, ignoreCase: true),
                Memory = parse.GetValue(memory)!,
                Disks = disks.Select(Path.GetFullPath).ToList(),
                Network = network,
                PortForwards = forwards,
                GuestAddress = guestAddress,
                Gateway = guestGateway,
                PcapPath = pcapPath is null ? null : Path.GetFullPath(pcapPath),
                Faults = faultSpec,
                NetStatistics = isVerbose,
                NetOffloads = offloads,
                ProgramArguments = parse.GetValue(programArguments) ?? [],
                Notice = line => error.WriteLine($"testbed: {line}"),
                Profile = profileHz is { } hz ? new ProfileRequest(hz, ProfileReport.RawPath(path)) : null,
            };
            if (debugging)
                error.WriteLine($"testbed: QEMU waits for gdb on 127.0.0.1:{gdbPort}, stopped before the first instruction; attach with:\n" +
                    $"  gdb -q {Path.GetFullPath(path)} -ex 'target remote 127.0.0.1:{gdbPort}'");
            using var stdout = Console.OpenStandardOutput();
            var result = t.Run(path, stdout, options);
            stdout.Flush();
            error.Write(result.ProgramStderr);
            if (isVerbose) RunReport.Write(result, error);
            if (profileHz is not null) ProfileOption.Report(path, built.Module, passes.MetricsPath(parse), error);
            switch (result.Outcome)
            {
                case RunOutcome.Exited: return result.ExitCode ?? 0;
                case RunOutcome.TimedOut:
                    error.WriteLine($"testbed: the program did not finish within {parse.GetValue(timeout)} s and was stopped (--timeout)");
                    return RunResult.TimeoutExitCode;
                case RunOutcome.GuestReset:
                    error.WriteLine("testbed: " + result.Describe());
                    return Program.ExitGuestReset;
                default:
                    error.WriteLine("testbed: " + result.Describe());
                    return Program.ExitToolFailed;
            }
        }));
        return (command, passes);
    }

    public const int DefaultGdbPort = 1234;

    /// <summary>A bare `--gdb` becomes `--gdb=` (no port) unless a port follows it (`--gdb 1235`).</summary>
    public static IReadOnlyList<string> GiveBareGdb(IReadOnlyList<string> args) =>
        CommandLineChecks.GiveBareOptionItsValue(args, "--gdb", "--gdb=", next => next.Length > 0 && char.IsAsciiDigit(next[0]));

    /// <summary>Why --gdb's value cannot be used with this target and network, or null (the port in <paramref name="port"/>).</summary>
    private static string? CheckGdb(Target target, string? value, QemuNetwork network, out int port)
    {
        port = DefaultGdbPort;
        if (value is { Length: 0 }) value = null;
        if (target.Name == "linux")
        {
            if (value is not null) return "a port is for pvh (QEMU's gdbstub); on the linux target the program runs under gdb in this terminal: give --gdb alone";
            if (network != QemuNetwork.None) return "on the linux target the program runs under gdb in this terminal, without --net";
            return null;
        }
        if (value is not null && !(int.TryParse(value, out port) && port is > 0 and < 65536)) return $"'{value}' is not a TCP port (1-65535)";
        return null;
    }

    /// <summary>run --gdb on the linux target: gdb in this terminal, the program and its arguments loaded, not yet started.</summary>
    private static int RunUnderGdb(string imagePath, IReadOnlyList<string> arguments, TextWriter error)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Tools.Gdb) { UseShellExecute = false };
        foreach (var a in new[] { "-q", "--args", Path.GetFullPath(imagePath) }.Concat(arguments)) start.ArgumentList.Add(a);
        error.WriteLine($"testbed: {string.Join(' ', start.ArgumentList)}");
        // Ctrl-C belongs to gdb (it interrupts the program); this process just waits for gdb to end.
        ConsoleCancelEventHandler keep = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += keep;
        try
        {
            using var process = System.Diagnostics.Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= keep;
        }
    }

    /// <summary>Validates the pipeline options, builds, then reports what the pipeline observed and measured.</summary>
    /// <param name="profiling">run --profile: the image starts the library OS's profiler (the start-profiler pass).</param>
    private static BuildResult Compile(ParseResult parse, PassOptions passOptions, BuildRequest request, bool verbose, bool profiling = false)
    {
        var error = parse.InvocationConfiguration.Error;
        var options = passOptions.Read(parse) with { StartProfiler = profiling };
        request = request with
        {
            Passes = PassSession.Create(options), LlvmArguments = passOptions.LlvmArguments(parse),
            ExceptionChecksAfterCalls = !passOptions.AblateExceptionChecks(parse),
            HandlerRecords = !passOptions.AblateHandlerRecords(parse),
            WriteBarriers = !passOptions.AblateWriteBarriers(parse),
            DebugInfo = request.DebugInfo || passOptions.DebugInfo(parse),
            CodegenThreads = passOptions.CodegenThreads(parse),
        };
        var driver = (Action<string> report) =>
        {
            try
            {
                return new BuildDriver(RepositoryLayout.Locate(), report, error).Build(request);
            }
            catch (BadImageFormatException e)
            {
                throw new BadImageFormatException($"{request.Input} is not a .NET assembly ({e.Message})", request.Input, e);
            }
        };
        BuildResult result;
        // The spinner redraws stderr: only where nothing else is printed there while compiling.
        if (error == Console.Error && !Console.IsErrorRedirected && !PassOptions.PrintsWhileRunning(options))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            result = console.Status().Start("compiling", ctx => driver(stage => ctx.Status(Markup.Escape(stage))));
        }
        else
        {
            result = driver(stage => error.WriteLine($"testbed: {stage}"));
        }
        if (verbose)
            foreach (var (stage, time) in result.StageTimes)
                error.WriteLine($"testbed: {time.TotalMilliseconds,8:0} ms  {stage}");
        if (result.Passes is { } run) PassOutput.Report(result.Session, run, error);
        if (passOptions.MetricsPath(parse) is { } metricsPath)
            new MetricsReport
            {
                Input = request.Input, Target = request.Target.Name, Session = result.Session, Passes = result.Passes,
                IrBeforePasses = result.IrBeforePasses, Ir = result.IrAfterPasses!, ObjectTextBytes = result.ObjectTextBytes,
                ImageTextBytes = result.ImageTextBytes, ImageTextByLayer = result.ImageTextByLayer, Stages = result.StageTimes,
            }.WriteTo(metricsPath);
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
}
