using System.Text.Json.Nodes;
using Spectre.Console;
using Testbed.IR;

namespace Testbed.Cli.Profiling;

/// <summary>
/// What `testbed run --profile` does with the samples once the program ended (docs/profiling.md):
/// symbolises them, writes IMAGE.folded and IMAGE.svg next to the image, prints the per-layer table,
/// and adds the same numbers to the --metrics JSON.
/// </summary>
public sealed record ProfileReport(ProfileSummary Summary, string FoldedPath, string SvgPath)
{
    /// <summary>Where a run of <paramref name="imagePath"/> leaves its raw samples.</summary>
    public static string RawPath(string imagePath) => imagePath + ".prof";

    /// <exception cref="InvalidDataException">The raw file is not a profile.</exception>
    public static ProfileReport Make(string imagePath, Module? module, RawProfile raw)
    {
        var symbolizer = Symbolizer.FromImage(imagePath, module);
        var stacks = raw.Samples.Select(symbolizer.Stack).ToList();
        var folded = imagePath + ".folded";
        var svg = imagePath + ".svg";
        File.WriteAllText(folded, FoldedStacks.Format(FoldedStacks.Fold(stacks)));
        File.WriteAllText(svg, FlameGraph.Render(stacks, $"{Path.GetFileName(imagePath)}: {stacks.Count} samples at {raw.Hz} Hz"));
        return new ProfileReport(ProfileSummary.Of(stacks, raw.Hz, raw.Dropped), folded, svg);
    }

    public void Print(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = writer == Console.Error && !Console.IsErrorRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        });
        var s = Summary;
        writer.WriteLine($"testbed: profile: {s.Samples} samples at {s.Hz} Hz" + (s.Dropped > 0 ? $" ({s.Dropped} dropped: the buffer was full)" : ""));
        writer.WriteLine($"testbed: profile: {FoldedPath} (folded stacks: speedscope, flamegraph.pl), {SvgPath} (flame graph)");
        if (s.Samples == 0) return;

        var layers = new Table().Title("self samples by layer").AddColumn("layer").AddColumn(new TableColumn("samples").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var (layer, count) in s.SelfByLayer.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal))
            layers.AddRow(Markup.Escape(layer), count.ToString(), $"{100 * s.Share(count):0.0}%");
        console.Write(layers);

        if (s.Crossings.Count > 0)
        {
            var crossings = new Table().Title("samples whose stack crosses caller -> callee layer").AddColumn("caller -> callee")
                .AddColumn(new TableColumn("samples").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
            foreach (var (pair, count) in s.Crossings.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Caller + c.Key.Callee, StringComparer.Ordinal).Take(15))
                crossings.AddRow(Markup.Escape($"{pair.Caller} -> {pair.Callee}"), count.ToString(), $"{100 * s.Share(count):0.0}%");
            console.Write(crossings);
        }

        var top = new Table().Title("top functions by self samples").AddColumn("function").AddColumn("layer")
            .AddColumn(new TableColumn("self").RightAligned()).AddColumn(new TableColumn("self %").RightAligned()).AddColumn(new TableColumn("total %").RightAligned());
        foreach (var f in s.TopFunctions.Take(15))
            top.AddRow(Markup.Escape(f.Name), Markup.Escape(f.Layer), f.Self.ToString(), $"{100 * s.Share(f.Self):0.0}%", $"{100 * s.Share(f.Total):0.0}%");
        console.Write(top);
    }

    /// <summary>The summary as the "profile" member of the --metrics JSON.</summary>
    public JsonObject ToJson()
    {
        var s = Summary;
        var byLayer = new JsonObject();
        foreach (var (layer, count) in s.SelfByLayer.OrderBy(l => l.Key, StringComparer.Ordinal))
            byLayer[layer] = new JsonObject { ["samples"] = count, ["share"] = Math.Round(s.Share(count), 4) };
        var crossings = new JsonArray();
        foreach (var (pair, count) in s.Crossings.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Caller + c.Key.Callee, StringComparer.Ordinal))
            crossings.Add(new JsonObject { ["caller"] = pair.Caller, ["callee"] = pair.Callee, ["samples"] = count, ["share"] = Math.Round(s.Share(count), 4) });
        var top = new JsonArray();
        foreach (var f in s.TopFunctions)
            top.Add(new JsonObject { ["function"] = f.Name, ["layer"] = f.Layer, ["self"] = f.Self, ["total"] = f.Total });
        return new JsonObject
        {
            ["hz"] = s.Hz, ["samples"] = s.Samples, ["dropped"] = s.Dropped,
            ["selfByLayer"] = byLayer, ["layerCrossings"] = crossings, ["topFunctions"] = top,
            ["folded"] = FoldedPath, ["svg"] = SvgPath,
        };
    }

    /// <summary>Adds "profile" to the metrics file the build wrote (the run comes after the build).</summary>
    public void AddToMetrics(string metricsPath)
    {
        var json = JsonNode.Parse(File.ReadAllText(metricsPath))!.AsObject();
        json["profile"] = ToJson();
        File.WriteAllText(metricsPath, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
