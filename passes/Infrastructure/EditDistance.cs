namespace Testbed.Passes;

/// <summary>"Did you mean" suggestions for mistyped pass, parameter and flag names.</summary>
public static class EditDistance
{
    /// <summary>
    /// Edits between two names: insertions, deletions, substitutions and swaps of two adjacent
    /// characters each cost one (a swap is the commonest typo: "dec" for "dce").
    /// </summary>
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>
    /// Candidates within a third of the name's length (at least 1, at most 3 edits), or that start with
    /// what was typed; closest first, at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<string> CloseMatches(string name, IEnumerable<string> candidates, int limit = 3)
    {
        int budget = Math.Clamp(name.Length / 3, 1, 3);
        // Names are lower case; "DCE" should still find "dce".
        name = name.ToLowerInvariant();
        return candidates
            .Select(c => (Name: c, Distance: Between(name, c)))
            .Where(c => c.Distance <= budget || (name.Length >= 3 && c.Name.StartsWith(name, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>"; did you mean 'a' or 'b'?" or "" when nothing is close.</summary>
    public static string Suggestion(IReadOnlyList<string> matches) => matches.Count switch
    {
        0 => "",
        1 => $"; did you mean '{matches[0]}'?",
        _ => $"; did you mean {string.Join(", ", matches.Take(matches.Count - 1).Select(m => $"'{m}'"))} or '{matches[^1]}'?",
    };
}
