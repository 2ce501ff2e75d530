using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Metrics;

/// <summary>Code of one layer in a linked image: how many of its functions have a symbol there, and their bytes.</summary>
public sealed record LayerTextBytes(int Functions, long Bytes);

/// <summary>
/// The .text of a linked image by layer (--metrics): each function symbol's size goes to the layer of
/// the IR function emitted under that name (<see cref="Function.SymbolName"/>), the entry point apart
/// (<see cref="ReportedLayer"/>). A function LLVM inlined
/// everywhere or removed has no symbol and counts nowhere; its code is in its callers' bytes.
/// Unattributed is the rest of .text: the target's assembly (_start, the thread switch, the PVH
/// trampoline), and the padding that aligns each function.
/// </summary>
public sealed record TextByLayer(IReadOnlyDictionary<string, LayerTextBytes> ByLayer, long UnattributedBytes)
{
    public static TextByLayer Of(string imagePath, Module module)
    {
        var layerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in module.Functions.Where(f => !f.IsDeclaration)) layerOf.TryAdd(f.SymbolName, ReportedLayer.Of(module, f));
        var sections = ElfSections.Read(imagePath);
        var byLayer = new SortedDictionary<string, LayerTextBytes>(StringComparer.Ordinal);
        long attributed = 0;
        foreach (var symbol in ElfSections.FunctionSymbols(imagePath))
        {
            if (symbol.Section >= sections.Count || !ElfSections.IsText(sections[symbol.Section])) continue;
            if (!layerOf.TryGetValue(symbol.Name, out var layer)) continue;
            var known = byLayer.GetValueOrDefault(layer) ?? new LayerTextBytes(0, 0);
            byLayer[layer] = new LayerTextBytes(known.Functions + 1, known.Bytes + (long)symbol.Size);
            attributed += (long)symbol.Size;
        }
        return new TextByLayer(byLayer, ElfSections.TextBytes(imagePath) - attributed);
    }
}
