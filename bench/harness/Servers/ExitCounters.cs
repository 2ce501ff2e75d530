using System.Globalization;
using System.Text.RegularExpressions;

namespace Testbed.Bench.Servers;

/// <summary>
/// What a Testbed linux executable reports when it stops: the bytes its network stack copied, in total
/// and by copy site (libos NetworkLoop: "testbed net: bytes copied N (into send buffers A, ...)"), and,
/// for an image built with --count-layer-calls, its calls per pair of layers ("testbed layer calls: app -> corlib N").
/// </summary>
public sealed partial record ExitCounters(long? BytesCopied, IReadOnlyDictionary<string, long>? CopiedBySite, IReadOnlyDictionary<string, long>? LayerCalls)
{
    [GeneratedRegex(@"testbed net: bytes copied (\d+)(?: \((?<sites>[^)]*)\))?")]
    private static partial Regex Copies();

    [GeneratedRegex(@"^(?<site>.*\D) (?<bytes>\d+)$")]
    private static partial Regex Site();

    [GeneratedRegex(@"^testbed layer calls: (?<pair>\S+ -> \S+) (?<calls>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LayerCall();

    public static ExitCounters? Parse(string stderr)
    {
        var copies = Copies().Match(stderr);
        Dictionary<string, long>? sites = null;
        if (copies.Success && copies.Groups["sites"].Success)
        {
            sites = new Dictionary<string, long>();
            foreach (var part in copies.Groups["sites"].Value.Split(", "))
                if (Site().Match(part.Trim()) is { Success: true } m)
                    sites[m.Groups["site"].Value] = long.Parse(m.Groups["bytes"].Value, CultureInfo.InvariantCulture);
        }
        // The runner's log and the program's standard error may both hold the report: the last word wins.
        Dictionary<string, long>? layerCalls = null;
        foreach (Match m in LayerCall().Matches(stderr))
            (layerCalls ??= new())[m.Groups["pair"].Value] = long.Parse(m.Groups["calls"].Value, CultureInfo.InvariantCulture);
        if (!copies.Success && layerCalls is null) return null;
        return new ExitCounters(copies.Success ? long.Parse(copies.Groups[1].Value, CultureInfo.InvariantCulture) : null, sites, layerCalls);
    }
}
