using System.Text;

namespace Testbed.Passes;

/// <summary>
/// Line diffs in the unified format (<c>--- a</c>, <c>+++ b</c>, <c>@@ -l,n +l,n @@</c>) for --print-changed.
/// Common leading and trailing lines are set aside first; the rest is aligned by a longest common
/// subsequence. A change too large for that table (millions of line pairs) is shown as one replacement.
/// </summary>
public static class UnifiedDiff
{
    private const long MaxTableCells = 4_000_000;

    private enum Op { Keep, Remove, Add }

    /// <summary>The diff, or "" when the texts are equal.</summary>
    public static string Format(string before, string after, string beforeLabel, string afterLabel, int context = 3)
    {
        if (before == after) return "";
        var a = SplitLines(before);
        var b = SplitLines(after);
        var script = EditScript(a, b);
        var sb = new StringBuilder();
        sb.Append("--- ").Append(beforeLabel).Append('\n');
        sb.Append("+++ ").Append(afterLabel).Append('\n');
        foreach (var (start, end) in Hunks(script, context))
            AppendHunk(sb, script, start, end);
        return sb.ToString();
    }

    private static string[] SplitLines(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<(Op Op, string Line)> EditScript(string[] a, string[] b)
    {
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var script = new List<(Op, string)>();
        for (int k = 0; k < prefix; k++) script.Add((Op.Keep, a[k]));
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        if ((long)(middleA.Length + 1) * (middleB.Length + 1) <= MaxTableCells)
            script.AddRange(Align(middleA, middleB));
        else
        {
            script.AddRange(middleA.Select(l => (Op.Remove, l)));
            script.AddRange(middleB.Select(l => (Op.Add, l)));
        }
        for (int k = a.Length - suffix; k < a.Length; k++) script.Add((Op.Keep, a[k]));
        return script;
    }

    private static IEnumerable<(Op, string)> Align(string[] a, string[] b)
    {
        // common[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { yield return (Op.Keep, a[x]); x++; y++; }
            else if (common[x + 1, y] >= common[x, y + 1]) yield return (Op.Remove, a[x++]);
            else yield return (Op.Add, b[y++]);
        }
        while (x < a.Length) yield return (Op.Remove, a[x++]);
        while (y < b.Length) yield return (Op.Add, b[y++]);
    }

    /// <summary>Ranges of the script to print: each change with its context, overlapping ranges merged.</summary>
    private static List<(int Start, int End)> Hunks(List<(Op Op, string Line)> script, int context)
    {
        var hunks = new List<(int Start, int End)>();
        for (int k = 0; k < script.Count; k++)
        {
            if (script[k].Op == Op.Keep) continue;
            int start = Math.Max(0, k - context), end = Math.Min(script.Count, k + context + 1);
            if (hunks.Count > 0 && start <= hunks[^1].End) hunks[^1] = (hunks[^1].Start, end);
            else hunks.Add((start, end));
        }
        return hunks;
    }

    private static void AppendHunk(StringBuilder sb, List<(Op Op, string Line)> script, int start, int end)
    {
        // Line numbers (1-based) of the hunk's first line in each text.
        int aLine = 1 + script.Take(start).Count(e => e.Op != Op.Add);
        int bLine = 1 + script.Take(start).Count(e => e.Op != Op.Remove);
        int aCount = 0, bCount = 0;
        for (int k = start; k < end; k++)
        {
            if (script[k].Op != Op.Add) aCount++;
            if (script[k].Op != Op.Remove) bCount++;
        }
        // As diff(1) does: an empty side names the line before it.
        sb.Append($"@@ -{(aCount == 0 ? aLine - 1 : aLine)},{aCount} +{(bCount == 0 ? bLine - 1 : bLine)},{bCount} @@\n");
        for (int k = start; k < end; k++)
            sb.Append(script[k].Op switch { Op.Keep => ' ', Op.Remove => '-', _ => '+' }).Append(script[k].Line).Append('\n');
    }
}
