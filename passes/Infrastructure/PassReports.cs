using System.Text.Json;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>The text forms of what passes report: --stats lines, --remarks lines and --remarks-file JSON lines.</summary>
public static class PassReports
{
    /// <summary>One line per counter that moved, "inline: 37 call sites inlined", sorted by pass and counter.</summary>
    public static IEnumerable<string> StatisticsLines(PassContext context) =>
        context.Statistics.Where(s => s.Value != 0)
            .OrderBy(s => s.Key.Pass, StringComparer.Ordinal).ThenBy(s => s.Key.Counter, StringComparer.Ordinal)
            .Select(s => $"{s.Key.Pass}: {s.Value} {s.Key.Counter}");

    /// <summary>"remark: inline (passed) in @f at IL_0012: message".</summary>
    public static string Text(Remark remark) =>
        $"remark: {remark.Pass} ({Kind(remark.Kind)}) in @{Printer.Quote(remark.Function)}"
        + (remark.ILOffset >= 0 ? $" at IL_{remark.ILOffset:x4}" : "") + $": {remark.Message}";

    /// <summary>One JSON object on one line: {"pass","kind","function","ilOffset","message"}; ilOffset is null when unknown.</summary>
    public static string JsonLine(Remark remark) => JsonSerializer.Serialize(new
    {
        pass = remark.Pass,
        kind = Kind(remark.Kind),
        function = remark.Function,
        ilOffset = remark.ILOffset >= 0 ? remark.ILOffset : (int?)null,
        message = remark.Message,
    });

    private static string Kind(RemarkKind kind) => kind.ToString().ToLowerInvariant();
}
