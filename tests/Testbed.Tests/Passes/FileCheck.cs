using System.Text;
using System.Text.RegularExpressions;

namespace Testbed.Tests.Passes;

/// <summary>
/// The subset of LLVM's FileCheck that pass tests need, matched the same way:
/// <list type="bullet">
/// <item><c>CHECK: p</c> — p occurs after the previous match (on the same line or a later one);</item>
/// <item><c>CHECK-NEXT: p</c> — p occurs on the line right after the previous match's line;</item>
/// <item><c>CHECK-SAME: p</c> — p occurs later on the previous match's line;</item>
/// <item><c>CHECK-EMPTY:</c> — the next line is empty;</item>
/// <item><c>CHECK-NOT: p</c> — p does not occur between the surrounding positive matches (or the ends);</item>
/// <item><c>CHECK-LABEL: p</c> — as CHECK (and, as every positive match, it bounds the CHECK-NOTs before it).</item>
/// </list>
/// Patterns are literal text with runs of spaces matching any run of spaces, <c>{{regex}}</c>, <c>[[NAME:regex]]</c>
/// to capture and <c>[[NAME]]</c> to use a capture. <c>ERROR:</c> lines are checked like CHECK lines, against
/// the diagnostics (standard error).
/// </summary>
public static partial class FileCheck
{
    public enum Kind { Check, Next, Same, Empty, Not, Label }

    public sealed record Directive(Kind Kind, string Pattern, int Line, string Prefix = "CHECK");

    [GeneratedRegex(@"^\s*;\s*(?<prefix>CHECK|ERROR)(?<suffix>-[A-Z]+)?:(?<pattern>.*)$")]
    private static partial Regex DirectiveLine();

    [GeneratedRegex(@"^\s*;\s*(CHECK|ERROR)[-A-Z]*\s*:")]
    private static partial Regex LooksLikeDirective();

    /// <summary>The CHECK directives and the ERROR directives of a test file.</summary>
    /// <exception cref="FormatException">A misspelt directive (CHECK-NXT:), which would otherwise never be checked.</exception>
    public static (IReadOnlyList<Directive> Checks, IReadOnlyList<Directive> Errors) Parse(string fileText)
    {
        var checks = new List<Directive>();
        var errors = new List<Directive>();
        var lines = fileText.Split('\n');
        for (int k = 0; k < lines.Length; k++)
        {
            var line = lines[k].TrimEnd('\r');
            var m = DirectiveLine().Match(line);
            if (!m.Success)
            {
                if (LooksLikeDirective().IsMatch(line)) throw new FormatException($"line {k + 1}: not a directive FileCheck knows: {line.Trim()}");
                continue;
            }
            var kind = m.Groups["suffix"].Value switch
            {
                "" => Kind.Check, "-NEXT" => Kind.Next, "-SAME" => Kind.Same, "-EMPTY" => Kind.Empty, "-NOT" => Kind.Not, "-LABEL" => Kind.Label,
                var other => throw new FormatException($"line {k + 1}: unknown directive {m.Groups["prefix"].Value}{other}:"),
            };
            var pattern = m.Groups["pattern"].Value.Trim();
            if (kind != Kind.Empty && pattern.Length == 0) throw new FormatException($"line {k + 1}: empty pattern");
            if (kind == Kind.Empty && pattern.Length > 0) throw new FormatException($"line {k + 1}: CHECK-EMPTY takes no pattern");
            var prefix = m.Groups["prefix"].Value;
            (prefix == "CHECK" ? checks : errors).Add(new Directive(kind, pattern, k + 1, prefix));
        }
        return (checks, errors);
    }

    /// <summary>Null when <paramref name="output"/> satisfies every directive, else what failed and where.</summary>
    public static string? Match(IReadOnlyList<Directive> directives, string output, string fileName)
    {
        var lines = output.Replace("\r\n", "\n").Split('\n');
        var variables = new Dictionary<string, string>();
        int line = 0, column = 0;      // where the next search starts
        int matchedLine = -1;          // the line of the last positive match
        var pending = new List<Directive>();

        foreach (var d in directives)
        {
            if (d.Kind == Kind.Not) { pending.Add(d); continue; }
            int foundLine, start, end;
            Match? match = null;
            switch (d.Kind)
            {
                case Kind.Empty:
                    foundLine = matchedLine + 1;
                    if (foundLine >= lines.Length || lines[foundLine].Length != 0)
                        return Fail(d, fileName, "expected an empty line", lines, Math.Min(foundLine, lines.Length - 1));
                    start = end = 0;
                    break;
                case Kind.Next or Kind.Same:
                    foundLine = d.Kind == Kind.Next ? matchedLine + 1 : Math.Max(matchedLine, 0);
                    if (foundLine >= lines.Length) return Fail(d, fileName, "no line left to match", lines, lines.Length - 1);
                    var regex = Compile(d, variables, fileName, out var error);
                    if (regex is null) return error;
                    match = regex.Match(lines[foundLine], d.Kind == Kind.Same && foundLine == line ? column : 0);
                    if (!match.Success)
                        return Fail(d, fileName, d.Kind == Kind.Next ? "not found on the next line" : "not found on the same line", lines, foundLine);
                    (start, end) = (match.Index, match.Index + match.Length);
                    break;
                default:
                {
                    var r = Compile(d, variables, fileName, out var compileError);
                    if (r is null) return compileError;
                    foundLine = -1;
                    start = end = 0;
                    for (int l = line; l < lines.Length; l++)
                    {
                        match = r.Match(lines[l], l == line ? column : 0);
                        if (!match.Success) continue;
                        (foundLine, start, end) = (l, match.Index, match.Index + match.Length);
                        break;
                    }
                    if (foundLine < 0) return Fail(d, fileName, "expected string not found", lines, line);
                    break;
                }
            }
            if (CheckNots(pending, lines, (line, column), (foundLine, start), variables, fileName) is { } notError) return notError;
            pending.Clear();
            if (match is not null) Capture(match, variables);
            (line, column, matchedLine) = (foundLine, end, foundLine);
        }
        return CheckNots(pending, lines, (line, column), (lines.Length - 1, lines[^1].Length), variables, fileName);
    }

    private static string? CheckNots(List<Directive> nots, string[] lines, (int Line, int Column) from, (int Line, int Column) to,
        Dictionary<string, string> variables, string fileName)
    {
        foreach (var d in nots)
        {
            var regex = Compile(d, variables, fileName, out var error);
            if (regex is null) return error;
            for (int l = from.Line; l <= to.Line && l < lines.Length; l++)
            {
                int begin = l == from.Line ? from.Column : 0, stop = l == to.Line ? to.Column : lines[l].Length;
                if (stop < begin) continue;
                var m = regex.Match(lines[l][..stop], begin);
                if (m.Success) return Fail(d, fileName, "excluded string found", lines, l);
            }
        }
        return null;
    }

    private static void Capture(Match match, Dictionary<string, string> variables)
    {
        foreach (Group g in match.Groups)
            if (g.Success && !int.TryParse(g.Name, out _)) variables[g.Name] = g.Value;
    }

    /// <summary>The pattern as a regex; null and a message for an unknown variable or a bad regex.</summary>
    private static Regex? Compile(Directive d, Dictionary<string, string> variables, string fileName, out string? error)
    {
        error = null;
        var sb = new StringBuilder();
        var definedHere = new HashSet<string>();
        var p = d.Pattern;
        int k = 0;
        while (k < p.Length)
        {
            if (p.AsSpan(k).StartsWith("{{") && p.IndexOf("}}", k + 2, StringComparison.Ordinal) is var close and > 0)
            {
                sb.Append("(?:").Append(p[(k + 2)..close]).Append(')');
                k = close + 2;
            }
            else if (p.AsSpan(k).StartsWith("[[") && p.IndexOf("]]", k + 2, StringComparison.Ordinal) is var end and > 0)
            {
                var body = p[(k + 2)..end];
                int colon = body.IndexOf(':');
                if (colon >= 0)
                {
                    var name = body[..colon];
                    sb.Append("(?<").Append(name).Append('>').Append(body[(colon + 1)..]).Append(')');
                    definedHere.Add(name);
                }
                else if (definedHere.Contains(body)) sb.Append(@"\k<").Append(body).Append('>');
                else if (variables.TryGetValue(body, out var value)) sb.Append(Regex.Escape(value));
                else
                {
                    error = $"{fileName}:{d.Line}: variable [[{body}]] is used before it is defined";
                    return null;
                }
                k = end + 2;
            }
            else if (p[k] is ' ' or '\t')
            {
                while (k < p.Length && p[k] is ' ' or '\t') k++;
                sb.Append(@"[ \t]+");
            }
            else sb.Append(Regex.Escape(p[k++].ToString()));
        }
        try
        {
            return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            error = $"{fileName}:{d.Line}: bad regex in '{d.Pattern}': {e.Message}";
            return null;
        }
    }

    private static string Fail(Directive d, string fileName, string what, string[] lines, int near)
    {
        var label = d.Kind == Kind.Check ? d.Prefix : $"{d.Prefix}-{d.Kind.ToString().ToUpperInvariant()}";
        var sb = new StringBuilder($"{fileName}:{d.Line}: {label}: {what}: {d.Pattern}\n");
        sb.Append($"searched from output line {near + 1}:\n");
        int first = Math.Max(0, near), last = Math.Min(lines.Length, first + 15);
        for (int l = first; l < last; l++) sb.Append($"  {l + 1,4}| {lines[l]}\n");
        if (last < lines.Length) sb.Append("  ...\n");
        return sb.ToString();
    }
}
