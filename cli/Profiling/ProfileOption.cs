using System.CommandLine;
using System.CommandLine.Parsing;
using Testbed.Backend.Targets;
using Testbed.IR;

namespace Testbed.Cli.Profiling;

/// <summary>`testbed run --profile[=HZ]`: the option, and what the run does with the samples afterwards.</summary>
internal static class ProfileOption
{
    public const string Name = "--profile";

    public static Option<int?> Create() => new(Name)
    {
        Description = $"Sample the program {ProfileRequest.DefaultHz} times a second of CPU time (--profile=HZ: HZ times, 1 to {ProfileRequest.MaximumHz}); at exit print the samples by layer and function, and write IMAGE.folded (speedscope, flamegraph.pl) and IMAGE.svg (a flame graph) next to the image (docs/profiling.md).",
        CustomParser = Parse,
    };

    /// <summary>
    /// A bare `--profile` becomes `--profile=DEFAULT`, unless a rate follows it (`--profile 500`): the option
    /// has an optional value, which System.CommandLine would otherwise take from the input after it
    /// (`run --profile app.cs`). Arguments after `--` are the program's, left alone.
    /// </summary>
    public static IReadOnlyList<string> GiveBareRate(IReadOnlyList<string> args) =>
        Commands.CommandLineChecks.GiveBareOptionItsValue(args, Name, $"{Name}={ProfileRequest.DefaultHz}",
            next => next.Length > 0 && (char.IsAsciiDigit(next[0]) || next[0] is '-' or '+' && next.Length > 1 && char.IsAsciiDigit(next[1])));

    private static int? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var hz)
            || ProfileRequest.CheckHz(hz) is not null)
        {
            result.AddError($"{Name} {text}: {ProfileRequest.CheckHz(0)}");
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
