namespace Testbed.Backend.Targets;

/// <summary>Boots a PVH image under qemu-system-x86_64 and reports how it ended.</summary>
public static class QemuRunner
{
    /// <summary>I/O port of QEMU's debug console, which carries the control channel.</summary>
    public const int ControlPort = 0xE9;
    /// <summary>The isa-debugcon that carries the guest's standard output (the library OS's DebugConsole.OutputPort).</summary>
    public const int OutputPort = 0xEA;

    /// <summary>I/O port of isa-debug-exit: a write of v ends QEMU with status (v &lt;&lt; 1) | 1.</summary>
    public const int ExitPort = 0xF4;

    public static async Task<RunResult> RunAsync(string imagePath, Stream stdout, RunOptions options,
        CancellationToken cancellation = default)
    {
        string qemu = Tools.Qemu;
        string controlPath = Path.Combine(Path.GetTempPath(), $"testbed-control-{Guid.NewGuid():N}.txt");
        string stderrPath = StderrPath(controlPath);
        TapNetwork? ownTap = null;
        try
        {
            IReadOnlyList<string> arguments = Arguments(imagePath, options, controlPath);
            string program = qemu;
            if (options.Network == QemuNetwork.Tap)
            {
                // QEMU runs inside the namespace, so the tap it opens is the namespace's.
                string space = options.TapNamespace
                    ?? (ownTap = TapNetwork.Create(options.TapDevice, GuestNetwork.TapHostAddress(options))).Namespace;
                arguments = ["netns", "exec", space, qemu, .. arguments];
                program = TapNetwork.IpTool;
                NativeRunner.Announce(options, space);
            }
            // After a KVM internal error QEMU stops the guest but keeps running: stop it at once.
            ProcessRunner.Finished run = await ProcessRunner.RunStreamingAsync(program, arguments, stdout, options.Timeout, cancellation,
                    line => line.StartsWith("KVM internal error", StringComparison.Ordinal))
                .ConfigureAwait(false);
            IReadOnlyDictionary<string, string> control = ControlChannel.ReadFile(controlPath);
            string programStderr = PanicSymbolizer.Annotate(File.Exists(stderrPath) ? File.ReadAllText(stderrPath) : "", imagePath);
            return Interpret(run, control, ProcessRunner.Quote(program, arguments), Resolve(options.Accelerator) == QemuAccelerator.Kvm)
                with { ProgramStderr = programStderr };
        }
        finally
        {
            ownTap?.Dispose();
            File.Delete(controlPath);
            File.Delete(stderrPath);
        }
    }

    public static RunResult Run(string imagePath, Stream stdout, RunOptions options) =>
        RunAsync(imagePath, stdout, options).GetAwaiter().GetResult();

    /// <summary>The accelerator <paramref name="requested"/> resolves to on this machine.</summary>
    public static QemuAccelerator Resolve(QemuAccelerator requested) =>
        requested == QemuAccelerator.Auto ? (Kvm.IsUsable ? QemuAccelerator.Kvm : QemuAccelerator.Tcg) : requested;

    /// <summary>QEMU's command line (without the program name). See docs/targets.md for why each flag.</summary>
    public static IReadOnlyList<string> Arguments(string imagePath, RunOptions options, string controlPath)
    {
        string machine = options.Machine switch
        {
            // Without ACPI, microvm lists its virtio-mmio devices on the kernel command line
            // (virtio_mmio.device=512@0xfeb00e00:12), which is where the library OS finds them.
            QemuMachine.Microvm => "microvm,acpi=off",
            QemuMachine.Q35 => "q35",
            QemuMachine.Pc => "pc",
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
        string accelerator = Resolve(options.Accelerator) == QemuAccelerator.Kvm ? "kvm" : "tcg";
        var arguments = new List<string>
        {
            "-M", machine,
            "-accel", accelerator,
            "-m", options.Memory,
            "-no-user-config",
            "-nodefaults",
            "-no-reboot",
            "-display", "none",
            "-monitor", "none",
            // Standard output: an isa-debugcon, which QEMU writes out completely however slow the reader
            // (its 16550 drops bytes a full pipe refuses). The guest falls back to COM1 without it.
            "-chardev", "stdio,id=tb_out",
            "-device", $"isa-debugcon,iobase=0x{OutputPort:x},chardev=tb_out",
            // COM2 (0x2F8) is the guest's standard error, kept out of the program's stdout. An explicit
            // device, because microvm creates only COM1 however many -serial options it gets.
            "-chardev", $"file,id=tb_com2,path={EscapeOption(StderrPath(controlPath))}",
            "-device", "isa-serial,iobase=0x2f8,irq=3,chardev=tb_com2",
            "-chardev", $"file,id=tb_control,path={EscapeOption(controlPath)}",
            "-device", $"isa-debugcon,iobase=0x{ControlPort:x},chardev=tb_control",
            "-device", $"isa-debug-exit,iobase=0x{ExitPort:x},iosize=0x04",
            "-kernel", imagePath,
        };
        arguments.AddRange(DeviceArguments(options));
        var commandLine = new List<string>();
        if (options.Network != QemuNetwork.None)
        {
            // The network settings reach the guest on its kernel command line (docs/net.md): on microvm
            // QEMU appends its virtio_mmio.device= entries to these.
            commandLine.AddRange(GuestNetwork.Settings(options).Select(s => $"{s.Key}={s.Value}"));
        }
        else if (options.PcapPath is not null || options.Faults is not null)
            throw new TargetToolException("--pcap and --faults need a network card: --net user or --net tap");
        else if (options.NetStatistics)
            commandLine.Add($"{GuestNetwork.KeyStatistics}=1");
        if (options.Profile is { } profile)
        {
            // The samples leave the guest as raw bytes on a debug console of their own (docs/profiling.md).
            arguments.AddRange(["-chardev", $"file,id=tb_profile,path={EscapeOption(Path.GetFullPath(profile.Path))}",
                "-device", $"isa-debugcon,iobase=0x{ProfileRequest.PvhPort:x},chardev=tb_profile"]);
            commandLine.Add($"{ProfileRequest.Key}={profile.Hz}");
        }
        commandLine.AddRange(options.ProgramArguments.Select(EncodeProgramArgument));
        if (commandLine.Count > 0)
        {
            arguments.Add("-append");
            arguments.Add(string.Join(' ', commandLine));
        }
        arguments.AddRange(options.ExtraQemuArguments);
        return arguments;
    }

    /// <summary>virtio devices: disks first, then the network card. virtio 1.x only (no legacy interface),
    /// since that is what the library OS drives: microvm's virtio-mmio is legacy unless told otherwise.</summary>
    private static IEnumerable<string> DeviceArguments(RunOptions options)
    {
        bool mmio = options.Machine == QemuMachine.Microvm;
        if (mmio && (options.Disks.Count > 0 || options.Network != QemuNetwork.None))
        {
            yield return "-global";
            yield return "virtio-mmio.force-legacy=false";
        }
        string suffix = mmio ? "device" : "pci,disable-legacy=on";
        for (int i = 0; i < options.Disks.Count; i++)
        {
            yield return "-drive";
            yield return $"file={EscapeOption(options.Disks[i])},format=raw,if=none,id=tb_disk{i},cache=writeback";
            yield return "-device";
            yield return $"virtio-blk-{suffix},drive=tb_disk{i}";
        }
        if (options.Network == QemuNetwork.None)
            yield break;
        yield return "-netdev";
        yield return options.Network == QemuNetwork.User
            ? "user,id=tb_net" + string.Concat(options.PortForwards.Select(f => $",hostfwd=tcp:127.0.0.1:{f.HostPort}-:{f.GuestPort}"))
            // QEMU 7.2's filter-dump writes the tap's virtio-net header in front of each frame (fixed in
            // QEMU 10): a capture goes without it, so the device offers no checksum offload then.
            : $"tap,id=tb_net,ifname={options.TapDevice},script=no,downscript=no" + (options.PcapPath is null ? "" : ",vnet_hdr=off");
        yield return "-device";
        yield return $"virtio-net-{suffix},netdev=tb_net,mac={GuestMac}";
        if (options.PcapPath is { } pcap)
        {
            // QEMU records every frame between the card and its backend, in both directions.
            yield return "-object";
            yield return $"filter-dump,id=tb_dump,netdev=tb_net,file={EscapeOption(Path.GetFullPath(pcap))}";
        }
    }

    /// <summary>
    /// One argument of Main(string[] args) as a kernel command line word (docs/libos.md, "Program
    /// arguments"): <c>TESTBED_ARG=</c> and the argument's UTF-8 bytes, every byte outside
    /// <c>A-Z a-z 0-9 - . _ ~</c> as <c>%XX</c>. The guest (libos/platform/pvh/MainArguments.cs) decodes it.
    /// </summary>
    public static string EncodeProgramArgument(string argument)
    {
        var word = new System.Text.StringBuilder("TESTBED_ARG=");
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(argument))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                word.Append((char)b);
            else
                word.Append('%').Append(b.ToString("X2"));
        }
        return word.ToString();
    }

    /// <summary>The guest NIC's MAC address (locally administered), which tests look for in frames.</summary>
    public const string GuestMac = "52:54:00:12:34:56";

    /// <summary>Turns QEMU's status and the control channel into an outcome.</summary>
    internal static RunResult Interpret(ProcessRunner.Finished run, IReadOnlyDictionary<string, string> control, string commandLine, bool usedKvm = false)
    {
        string diagnostics = run.StandardError;
        RunResult Result(RunOutcome outcome, int? code, string? note = null) =>
            new(outcome, code, control, note is null ? diagnostics : (diagnostics + note + "\n").TrimStart(),
                run.Status, run.WallTime, commandLine);

        if (run.TimedOut) return Result(RunOutcome.TimedOut, null);
        if (run.StoppedBy is { } fatal)
            return Result(RunOutcome.Failed, null,
                $"QEMU reported \"{fatal}\" and was stopped: this host's KVM cannot execute the guest's code " +
                "(on hosts whose KVM has no SSE support it fails at the first SSE instruction); use --accel tcg");
        if (ControlChannel.ExitCode(control) is { } exact) return Result(RunOutcome.Exited, exact);

        int status = run.Status ?? -1;
        // -no-reboot turns a reset (a triple fault, or a reset the guest asked for) into a clean exit 0.
        if (status == 0) return Result(RunOutcome.GuestReset, null);
        // QEMU itself exits with 1 on bad options or an unloadable kernel, which is also what
        // isa-debug-exit gives for a write of 0: an error line on stderr tells them apart.
        if (status == 1 && HasQemuError(diagnostics)) return Result(RunOutcome.Failed, null, usedKvm ? KvmAdvice() : null);
        if ((status & 1) == 1)
            return Result(RunOutcome.Exited, status >> 1,
                "note: no exit= line on the control channel; exit code decoded from isa-debug-exit (low 7 bits only)");
        return Result(RunOutcome.Failed, null, $"qemu-system-x86_64 ended with status {status}");
    }

    /// <summary>
    /// QEMU could not start under KVM (no /dev/kvm, no permission, no module) and says only that; the
    /// user needs to hear what to do instead.
    /// </summary>
    private static string KvmAdvice() =>
        $"QEMU could not use KVM on this host ({Kvm.DevicePath}: {(File.Exists(Kvm.DevicePath) ? "present but not usable" : "missing")}); use --accel tcg";

    private static string StderrPath(string controlPath) => Path.ChangeExtension(controlPath, ".stderr");

    private static bool HasQemuError(string stderr) =>
        stderr.Split('\n').Any(line => line.StartsWith("qemu-system", StringComparison.Ordinal) && !line.Contains("warning:"));

    // QEMU option values separate sub-options with ',', written ',,' inside a value.
    private static string EscapeOption(string value) => value.Replace(",", ",,");
}
