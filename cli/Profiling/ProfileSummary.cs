using System.Text;

namespace Testbed.Cli.Profiling;

/// <summary>Self samples of one function (its frame on top of the stack), and the samples it was anywhere in.</summary>
public sealed record FunctionSamples(string Name, string Layer, long Self, long Total);

/// <summary>
/// What a profile says, by layer: self samples per layer (the layer of the top frame), per pair of
/// layers crossed (caller layer -> callee layer for adjacent frames of different layers, counted once
/// per sample however often the pair occurs in its stack), and the functions with the most self samples.
/// </summary>
public sealed record ProfileSummary(
    int Hz, long Samples, long Dropped,
    IReadOnlyDictionary<string, long> SelfByLayer,
    IReadOnlyDictionary<(string Caller, string Callee), long> Crossings,
    IReadOnlyList<FunctionSamples> TopFunctions)
{
    public double Share(long count) => Samples == 0 ? 0 : (double)count / Samples;

    /// <param name="stacks">Each sample's frames, leaf first.</param>
    public static ProfileSummary Of(IReadOnlyList<Frame[]> stacks, int hz, long dropped, int top = 20)
    {
        var byLayer = new Dictionary<string, long>(StringComparer.Ordinal);
        var crossings = new Dictionary<(string, string), long>();
        var self = new Dictionary<Frame, long>();
        var total = new Dictionary<Frame, long>();
        var pairs = new HashSet<(string, string)>();
        var seen = new HashSet<Frame>();
        foreach (var stack in stacks)
        {
            if (stack.Length == 0) continue;
            var leaf = stack[0];
            byLayer[leaf.Layer] = byLayer.GetValueOrDefault(leaf.Layer) + 1;
            self[leaf] = self.GetValueOrDefault(leaf) + 1;
            pairs.Clear();
            seen.Clear();
            for (int d = 0; d < stack.Length; d++)
            {
                if (seen.Add(stack[d])) total[stack[d]] = total.GetValueOrDefault(stack[d]) + 1;
                // stack[d + 1] called stack[d].
                if (d + 1 < stack.Length && stack[d + 1].Layer != stack[d].Layer) pairs.Add((stack[d + 1].Layer, stack[d].Layer));
            }
            foreach (var pair in pairs) crossings[pair] = crossings.GetValueOrDefault(pair) + 1;
        }
        var topFunctions = self.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Name, StringComparer.Ordinal).Take(top)
            .Select(f => new FunctionSamples(f.Key.Name, f.Key.Layer, f.Value, total[f.Key])).ToList();
        return new ProfileSummary(hz, stacks.Count(s => s.Length > 0), dropped, byLayer, crossings, topFunctions);
    }
}

/// <summary>
/// Folded stacks, the text flamegraph.pl, speedscope and inferno read: one line per distinct stack,
/// frames from the root to the leaf separated by ';', a space, and the number of samples.
/// </summary>
public static class FoldedStacks
{
    /// <param name="stacks">Each sample's frames, leaf first.</param>
    public static IReadOnlyDictionary<string, long> Fold(IEnumerable<Frame[]> stacks)
    {
        var folded = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var line = new StringBuilder();
        foreach (var stack in stacks)
        {
            if (stack.Length == 0) continue;
            line.Clear();
            for (int d = stack.Length - 1; d >= 0; d--)
            {
                line.Append(Clean(stack[d].Name));
                if (d > 0) line.Append(';');
            }
            var key = line.ToString();
            folded[key] = folded.GetValueOrDefault(key) + 1;
        }
        return folded;
    }

    public static string Format(IReadOnlyDictionary<string, long> folded)
    {
        var text = new StringBuilder();
        foreach (var (stack, count) in folded) text.Append(stack).Append(' ').Append(count).Append('\n');
        return text.ToString();
    }

    /// <summary>The inverse of <see cref="Format"/>: stack and count per line.</summary>
    /// <exception cref="FormatException">A line without a count after its last space.</exception>
    public static IReadOnlyList<(string[] Frames, long Count)> Parse(string text)
    {
        var result = new List<(string[], long)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int space = line.LastIndexOf(' ');
            if (space <= 0 || !long.TryParse(line.AsSpan(space + 1), out var count))
                throw new FormatException($"not a folded-stack line: {line}");
            result.Add((line[..space].Split(';'), count));
        }
        return result;
    }

    /// <summary>';' separates frames and a line ends the record: neither may be in a name.</summary>
    private static string Clean(string name) => name.Replace(';', ':').Replace('\n', ' ');
}
