namespace Testbed.Backend.Targets;

/// <summary>Finds the external programs the targets need: the linker and QEMU.</summary>
public static class Tools
{
    /// <summary>Set to a path to use that linker instead of searching PATH.</summary>
    public const string LinkerVariable = "TESTBED_LD_LLD";

    /// <summary>Set to a path to use that QEMU instead of searching PATH.</summary>
    public const string QemuVariable = "TESTBED_QEMU";

    private static readonly Lazy<(string? Path, string Error)> linker = new(() => Locate(
        LinkerVariable, ["ld.lld-19", "ld.lld"], "/usr/lib/llvm-19/bin/ld.lld",
        "the linker ld.lld-19 was not found on PATH; install the Debian package lld-19 (apt-get install lld-19)"));

    private static readonly Lazy<(string? Path, string Error)> qemu = new(() => Locate(
        QemuVariable, ["qemu-system-x86_64"], null,
        "qemu-system-x86_64 was not found on PATH; install the Debian package qemu-system-x86 " +
        "(apt-get install qemu-system-x86)"));

    private static readonly Lazy<(string? Path, string Error)> gdb = new(() => Locate(
        "TESTBED_GDB", ["gdb"], null, "gdb was not found on PATH; install the Debian package gdb (apt-get install --no-install-recommends gdb)"));

    private static readonly Lazy<string?> symbolizer = new(() => Locate(
        "TESTBED_LLVM_SYMBOLIZER", ["llvm-symbolizer-19", "llvm-symbolizer"], "/usr/lib/llvm-19/bin/llvm-symbolizer", "").Path);

    /// <summary>llvm-symbolizer (Debian's llvm-19), or null: panic reports then keep their bare addresses.</summary>
    public static string? Symbolizer => symbolizer.Value;

    /// <exception cref="ToolNotFoundException">gdb is not installed (run --gdb on the linux target starts it).</exception>
    public static string Gdb => gdb.Value.Path ?? throw new ToolNotFoundException(gdb.Value.Error);

    /// <exception cref="ToolNotFoundException">Neither ld.lld-19 nor ld.lld is installed.</exception>
    public static string Linker => linker.Value.Path ?? throw new ToolNotFoundException(linker.Value.Error);

    /// <exception cref="ToolNotFoundException">qemu-system-x86_64 is not installed.</exception>
    public static string Qemu => qemu.Value.Path ?? throw new ToolNotFoundException(qemu.Value.Error);

    public static bool HasLinker => linker.Value.Path is not null;
    public static bool HasQemu => qemu.Value.Path is not null;

    private static (string? Path, string Error) Locate(string variable, string[] names, string? fallback, string notFound)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } chosen)
            return File.Exists(chosen) ? (chosen, "") : (null, $"{variable} names {chosen}, which does not exist");
        string? found = Search(names) ?? (fallback is not null && File.Exists(fallback) ? fallback : null);
        return (found, notFound);
    }

    private static string? Search(string[] names)
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        // Name order wins over PATH order: a versioned ld.lld-19 anywhere beats an unversioned ld.lld.
        foreach (string name in names)
            foreach (string directory in directories)
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
