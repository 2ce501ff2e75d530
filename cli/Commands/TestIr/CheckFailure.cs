using System.Text;

namespace Testbed.Cli.Commands.TestIr;

/// <summary>
/// A directive that did not hold, reported as LLVM's FileCheck reports it so that editors and people who
/// know FileCheck read it at once:
/// <code>
/// dce/x.tbir:7: error: CHECK-NEXT: expected string not found in input
/// ; CHECK-NEXT: ret %1
/// &lt;stdout&gt;:4: note: scanning from here
///      4| bb0:
///      5|   ret
/// </code>
/// </summary>
/// <param name="Input">Where in the output it failed; null when the directive itself is wrong (a bad regex).</param>
public sealed record CheckFailure(string FileName, FileCheck.Directive Directive, string Message, InputExcerpt? Input)
{
    /// <summary>How many output lines a report shows from where the search started.</summary>
    private const int ExcerptLines = 5;

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"{FileName}:{Directive.Line}: error: {Directive.Label}: {Message}\n");
        sb.Append($"; {Directive.Label}:{(Directive.Pattern.Length > 0 ? " " + Directive.Pattern : "")}\n");
        if (Input is null) return sb.ToString();
        sb.Append($"{Input.Name}:{Input.Line + 1}: note: {Input.Note}\n");
        int last = Math.Min(Input.Lines.Count, Input.Line + ExcerptLines);
        for (int l = Input.Line; l < last; l++) sb.Append($"  {l + 1,4}| {Input.Lines[l]}\n");
        if (last < Input.Lines.Count) sb.Append("  ...\n");
        return sb.ToString();
    }
}

/// <summary>The output a directive was matched against, and the line (0-based) the report points at.</summary>
public sealed record InputExcerpt(string Name, IReadOnlyList<string> Lines, int Line, string Note);
