using System.CommandLine;
using System.CommandLine.Parsing;
using Testbed.Backend.Targets;
using Testbed.IR;

namespace Testbed.Cli.Profiling;

/// <summary>`testbed run --profile[=HZ]`: the option, and what the run does with the samples afterwards.</summary>
internal static class ProfileOption
{
    public static Option<int?> Create() => new("--profile")
    {
        Description = $"Sample the program {ProfileRequest.DefaultHz} times a second of CPU time (or HZ, 1 to {ProfileRequest.MaximumHz}: --profile=HZ); at exit print the samples by layer and function, and write IMAGE.folded (speedscope, flamegraph.pl) and IMAGE.svg (a flame graph) next to the image (docs/profiling.md).",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = Parse,
    };

    /// <summary>
    /// No value: the default rate. A value that names a file or folder, or ends like a program's input, is
    /// the input after a bare --profile and is left to it; any other value must be a rate in range.
    /// </summary>
    private static int? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return ProfileRequest.DefaultHz;
        var text = result.Tokens[0].Value;
        if (File.Exists(text) || Directory.Exists(text) || text.EndsWith(".cs", StringComparison.Ordinal)
            || text.EndsWith(".csproj", StringComparison.Ordinal) || text.EndsWith(".dll", StringComparison.Ordinal))
        {
            result.OnlyTake(0);
            return ProfileRequest.DefaultHz;
        }
        if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var hz)
            || ProfileRequest.CheckHz(hz) is not null)
        {
            result.AddError($"--profile {text}: {ProfileRequest.CheckHz(0)}");
            return null;
        }
        return hz;
    }

    /// <summary>After the run: reads the samples, writes the folded stacks and the flame graph, prints the table,
    /// and adds the numbers to the --metrics file when there is one. False when the run left no samples.</summary>
    public static bool Report(string imagePath, Module module, string? metricsPath, TextWriter error)
    {
        var raw = ProfileReport.RawPath(imagePath);
        if (!File.Exists(raw))
        {
            error.WriteLine($"testbed: profile: the program left no samples in {raw} (did it end through its exit reports?)");
            return false;
        }
        RawProfile samples;
        try
        {
            samples = RawProfile.Read(raw);
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"testbed: profile: {raw}: {e.Message}");
            return false;
        }
        var report = ProfileReport.Make(imagePath, module, samples);
        report.Print(error);
        if (metricsPath is not null) report.AddToMetrics(metricsPath);
        return true;
    }
}
