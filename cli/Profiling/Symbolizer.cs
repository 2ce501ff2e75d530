using Testbed.Cli.Metrics;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Profiling;

/// <summary>A function as a profile shows it: its C# name where the IR has one, and its layer.</summary>
public readonly record struct Frame(string Name, string Layer)
{
    /// <summary>An address in no function symbol of the image.</summary>
    public static readonly Frame Unknown = new("[unknown]", UnknownLayer);

    /// <summary>Code with a symbol but no IR function: the target's asm (_start, the thread switch, interrupt stubs).</summary>
    public const string AsmLayer = "[asm]";
    public const string UnknownLayer = "[unknown]";
}

/// <summary>
/// Turns the raw addresses of a profile into frames, with the linked image's function symbols
/// (<see cref="ElfSections.FunctionSymbols"/>) and the layer of the IR function emitted under each
/// symbol's name, as <see cref="TextByLayer"/> counts code (<see cref="ReportedLayer"/>).
/// </summary>
public sealed class Symbolizer
{
    private readonly ulong[] starts;
    private readonly ulong[] ends;
    private readonly Frame[] frames;

    public Symbolizer(IEnumerable<(ulong Start, ulong Size, Frame Frame)> functions)
    {
        var sorted = functions.OrderBy(f => f.Start).ToArray();
        starts = new ulong[sorted.Length];
        ends = new ulong[sorted.Length];
        frames = new Frame[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            starts[i] = sorted[i].Start;
            // An asm label without .size reaches to the next symbol.
            ends[i] = sorted[i].Size > 0 ? sorted[i].Start + sorted[i].Size : i + 1 < sorted.Length ? sorted[i + 1].Start : sorted[i].Start + 1;
            frames[i] = sorted[i].Frame;
        }
    }

    /// <param name="module">The IR the image was built from; null: symbol names, every layer [asm].</param>
    public static Symbolizer FromImage(string imagePath, Module? module)
    {
        var byName = new Dictionary<string, Function>(StringComparer.Ordinal);
        if (module is not null)
            foreach (var f in module.Functions.Where(f => !f.IsDeclaration)) byName.TryAdd(f.SymbolName, f);
        var sections = ElfSections.Read(imagePath);
        var functions = new List<(ulong, ulong, Frame)>();
        foreach (var symbol in ElfSections.FunctionSymbols(imagePath))
        {
            if (symbol.Section >= sections.Count || !ElfSections.IsText(sections[symbol.Section])) continue;
            var frame = byName.TryGetValue(symbol.Name, out var f)
                ? new Frame(f.Name, ReportedLayer.Of(module!, f))
                : new Frame(symbol.Name, Frame.AsmLayer);
            functions.Add((symbol.Address, symbol.Size, frame));
        }
        return new Symbolizer(functions);
    }

    public Frame Lookup(ulong address)
    {
        int i = Array.BinarySearch(starts, address);
        if (i < 0) i = ~i - 1;
        return i >= 0 && address < ends[i] ? frames[i] : Frame.Unknown;
    }

    /// <summary>The frames of one sample, leaf first. A return address is looked up one byte back: a call
    /// that ends its function returns just past it.</summary>
    public Frame[] Stack(ulong[] sample)
    {
        var stack = new Frame[sample.Length];
        for (int d = 0; d < sample.Length; d++)
            stack[d] = Lookup(d == 0 ? sample[d] : sample[d] - 1);
        return stack;
    }
}
