using System.Text;
using System.Text.RegularExpressions;

namespace Testbed.Cli.Commands.TestIr;

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
/// the diagnostics (standard error). A failure is reported as FileCheck reports it (<see cref="CheckFailure"/>).
/// </summary>
public static partial class FileCheck
{
    public enum Kind { Check, Next, Same, Empty, Not, Label }

    public sealed record Directive(Kind Kind, string Pattern, int Line, string Prefix = "CHECK")
    {
        /// <summary>The directive's name as written: CHECK, CHECK-NEXT, ERROR-NOT, ...</summary>
        public string Label => Kind == Kind.Check ? Prefix : $"{Prefix}-{Kind.ToString().ToUpperInvariant()}";
    }

    [GeneratedRegex(@"^\s*;\s*(?<prefix>CHECK|ERROR)(?<suffix>-[A-Z]+)?:(?<pattern>.*)$")]
    private static partial Regex DirectiveLine();

    [GeneratedRegex(@"^\s*;\s*(CHECK|ERROR)[-A-Z]*\s*:")]
    private static partial Regex LooksLikeDirective();

    /// <summary>The CHECK directives and the ERROR directives of a test file.</summary>
    /// <exception cref="FormatException">
    /// A misspelt directive (CHECK-NXT:), which would otherwise never be checked; the message starts with
    /// <c>fileName:line: error:</c>.
    /// </exception>
    public static (IReadOnlyList<Directive> Checks, IReadOnlyList<Directive> Errors) Parse(string fileText, string fileName = "input")
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
                if (LooksLikeDirective().IsMatch(line)) throw new FormatException($"{fileName}:{k + 1}: error: not a directive FileCheck knows: {line.Trim()}");
                continue;
            }
            var kind = m.Groups["suffix"].Value switch
            {
                "" => Kind.Check, "-NEXT" => Kind.Next, "-SAME" => Kind.Same, "-EMPTY" => Kind.Empty, "-NOT" => Kind.Not, "-LABEL" => Kind.Label,
                var other => throw new FormatException($"{fileName}:{k + 1}: error: unknown directive {m.Groups["prefix"].Value}{other}:"),
            };
            var pattern = m.Groups["pattern"].Value.Trim();
            if (kind != Kind.Empty && pattern.Length == 0) throw new FormatException($"{fileName}:{k + 1}: error: {m.Groups["prefix"].Value}{m.Groups["suffix"].Value}: empty pattern");
            if (kind == Kind.Empty && pattern.Length > 0) throw new FormatException($"{fileName}:{k + 1}: error: {m.Groups["prefix"].Value}-EMPTY takes no pattern");
            var prefix = m.Groups["prefix"].Value;
            (prefix == "CHECK" ? checks : errors).Add(new Directive(kind, pattern, k + 1, prefix));
        }
        return (checks, errors);
    }

    /// <summary>Null when <paramref name="output"/> satisfies every directive, else the first that does not and where.</summary>
    /// <param name="fileName">The test file, named in the report.</param>
    /// <param name="inputName">What was matched, named in the report: &lt;stdout&gt;, &lt;stderr&gt;.</param>
    public static CheckFailure? Match(IReadOnlyList<Directive> directives, string output, string fileName, string inputName = "<stdout>")
    {
        var lines = output.Replace("\r\n", "\n").Split('\n');
        var variables = new Dictionary<string, string>();
        int line = 0, column = 0;      // where the next search starts
        int matchedLine = -1;          // the line of the last positive match
        var pending = new List<Directive>();

        CheckFailure Fail(Directive d, string message, int near, string note = "scanning from here") =>
            new(fileName, d, message, new InputExcerpt(inputName, lines, Math.Clamp(near, 0, lines.Length - 1), note));

        // CHECK-NEXT, -SAME and -EMPTY look at one line; when the pattern is further on, saying so
        // (as LLVM's FileCheck does) tells a wrong expectation from a missing line.
        CheckFailure Misplaced(Directive d, int expectedLine, int? foundAt) => foundAt is { } at
            ? Fail(d, d.Kind == Kind.Same ? "is not on the same line as the previous match" : "is not on the line after the previous match",
                Math.Max(matchedLine, 0), $"previous match here; found on line {at + 1} instead")
            : Fail(d, "expected string not found in input", expectedLine);

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
                    {
                        int later = Array.FindIndex(lines, Math.Min(foundLine + 1, lines.Length), l => l.Length == 0);
                        return Misplaced(d, foundLine, later >= 0 ? later : null);
                    }
                    start = end = 0;
                    break;
                case Kind.Next or Kind.Same:
                {
                    foundLine = d.Kind == Kind.Next ? matchedLine + 1 : Math.Max(matchedLine, 0);
                    var regex = Compile(d, variables, fileName);
                    if (regex.Failure is { } compileFailure) return compileFailure;
                    int from = d.Kind == Kind.Same && foundLine == line ? column : 0;
                    match = foundLine < lines.Length ? regex.Pattern!.Match(lines[foundLine], from) : null;
                    if (match is not { Success: true })
                        return Misplaced(d, foundLine, Search(regex.Pattern!, lines, line, column)?.Line);
                    (start, end) = (match.Index, match.Index + match.Length);
                    break;
                }
                default:
                {
                    var regex = Compile(d, variables, fileName);
                    if (regex.Failure is { } compileFailure) return compileFailure;
                    if (Search(regex.Pattern!, lines, line, column) is not { } found) return Fail(d, "expected string not found in input", line);
                    (foundLine, match) = found;
                    (start, end) = (match.Index, match.Index + match.Length);
                    break;
                }
            }
            if (CheckNots(pending, lines, (line, column), (foundLine, start), variables, fileName, Fail) is { } notFailure) return notFailure;
            pending.Clear();
            if (match is not null) Capture(match, variables);
            (line, column, matchedLine) = (foundLine, end, foundLine);
        }
        return CheckNots(pending, lines, (line, column), (lines.Length - 1, lines[^1].Length), variables, fileName, Fail);
    }

    /// <summary>The first match of <paramref name="regex"/> from (line, column) on.</summary>
    private static (int Line, Match Match)? Search(Regex regex, string[] lines, int line, int column)
    {
        for (int l = line; l < lines.Length; l++)
        {
            var match = regex.Match(lines[l], l == line ? column : 0);
            if (match.Success) return (l, match);
        }
        return null;
    }

    private static CheckFailure? CheckNots(List<Directive> nots, string[] lines, (int Line, int Column) from, (int Line, int Column) to,
        Dictionary<string, string> variables, string fileName, Func<Directive, string, int, string, CheckFailure> fail)
    {
        foreach (var d in nots)
        {
            var regex = Compile(d, variables, fileName);
            if (regex.Failure is { } compileFailure) return compileFailure;
            for (int l = from.Line; l <= to.Line && l < lines.Length; l++)
            {
                int begin = l == from.Line ? from.Column : 0, stop = l == to.Line ? to.Column : lines[l].Length;
                if (stop < begin) continue;
                if (regex.Pattern!.Match(lines[l][..stop], begin).Success) return fail(d, "excluded string found in input", l, "found here");
            }
        }
        return null;
    }

    private static void Capture(Match match, Dictionary<string, string> variables)
    {
        foreach (Group g in match.Groups)
            if (g.Success && !int.TryParse(g.Name, out _)) variables[g.Name] = g.Value;
    }

    /// <summary>The pattern as a regex, or the failure for an unknown variable or a bad regex.</summary>
    private static (Regex? Pattern, CheckFailure? Failure) Compile(Directive d, Dictionary<string, string> variables, string fileName)
    {
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
                    return (null, new CheckFailure(fileName, d, $"variable [[{body}]] is used before it is defined", null));
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
            return (new Regex(sb.ToString(), RegexOptions.CultureInvariant), null);
        }
        catch (ArgumentException e)
        {
            return (null, new CheckFailure(fileName, d, $"bad regex: {e.Message}", null));
        }
    }
}
