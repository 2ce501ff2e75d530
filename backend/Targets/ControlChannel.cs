namespace Testbed.Backend.Targets;

/// <summary>Reads the PVH control channel: key=value lines written by the guest to the debug console.</summary>
public static class ControlChannel
{
    /// <summary>The guest's exact exit code.</summary>
    public const string ExitKey = "exit";

    /// <summary>Parses the channel's text. Lines without '=' are ignored; a repeated key keeps its last value.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int equals = line.IndexOf('=');
            if (equals <= 0) continue;
            values[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
        return values;
    }

    public static IReadOnlyDictionary<string, string> ReadFile(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : new Dictionary<string, string>();

    /// <summary>The exit code reported on the channel, if any.</summary>
    public static int? ExitCode(IReadOnlyDictionary<string, string> control) =>
        control.TryGetValue(ExitKey, out string? value) && int.TryParse(value, out int code) ? code : null;
}
