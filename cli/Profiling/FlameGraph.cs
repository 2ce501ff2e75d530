using System.Globalization;
using System.Security;
using System.Text;

namespace Testbed.Cli.Profiling;

/// <summary>
/// A flame graph as a standalone SVG: the root at the bottom, each function's callees stacked above it,
/// widths proportional to samples, callees in name order (so equal stacks merge, as in folded stacks).
/// Each box is coloured by its layer and carries a &lt;title&gt; tooltip with the function, its layer and
/// its samples. No script: a viewer that wants zoom and search opens the folded file in speedscope.
/// </summary>
public static class FlameGraph
{
    public const int Width = 1200;
    public const int RowHeight = 16;
    private const int Margin = 10;
    private const int TitleHeight = 30;
    private const double FontWidth = 6.5; // an average glyph of 11px sans-serif
    private const double MinimumWidth = 0.3; // narrower boxes are not drawn

    private sealed class Node(Frame frame)
    {
        public Frame Frame { get; } = frame;
        public long Count;
        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }

    /// <param name="stacks">Each sample's frames, leaf first.</param>
    public static string Render(IReadOnlyList<Frame[]> stacks, string title)
    {
        var root = new Node(new Frame("all", ""));
        int depth = 0;
        foreach (var stack in stacks)
        {
            if (stack.Length == 0) continue;
            root.Count++;
            var node = root;
            for (int d = stack.Length - 1; d >= 0; d--)
            {
                var key = stack[d].Name + "\0" + stack[d].Layer;
                if (!node.Children.TryGetValue(key, out var child)) node.Children[key] = child = new Node(stack[d]);
                child.Count++;
                node = child;
            }
            depth = Math.Max(depth, stack.Length);
        }
        int height = TitleHeight + (depth + 1) * RowHeight + 2 * Margin;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<?xml version=\"1.0\" standalone=\"no\"?>\n<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">\n"));
        svg.Append("<style>text { font-family: sans-serif; font-size: 11px; fill: #000; } rect { stroke: #fff; stroke-width: 0.5; }</style>\n");
        svg.Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#f8f8f8\" stroke=\"none\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"{Margin + 14}\" text-anchor=\"middle\" style=\"font-size: 15px\">{Escape(title)}</text>\n"));
        DrawLegend(svg, stacks.SelectMany(s => s).Select(f => f.Layer).Distinct().Order(StringComparer.Ordinal).ToList());
        double scale = root.Count == 0 ? 0 : (Width - 2.0 * Margin) / root.Count;
        Draw(svg, root, Margin, height - Margin - RowHeight, scale, root.Count);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Draw(StringBuilder svg, Node node, double x, double y, double scale, long all)
    {
        double width = node.Count * scale;
        if (width < MinimumWidth) return;
        string label = node.Frame.Layer.Length == 0 ? node.Frame.Name : $"{node.Frame.Name} \u2014 {node.Frame.Layer}";
        string tooltip = $"{label}: {node.Count} samples ({100.0 * node.Count / all:0.##}%)";
        svg.Append(Invariant($"<g><title>{Escape(tooltip)}</title><rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{width:0.##}\" height=\"{RowHeight - 1}\" fill=\"{ColourOf(node.Frame.Layer)}\"/>"));
        int fits = (int)((width - 6) / FontWidth);
        if (fits >= 3)
        {
            string text = node.Frame.Name.Length <= fits ? node.Frame.Name : node.Frame.Name[..(fits - 2)] + "..";
            svg.Append(Invariant($"<text x=\"{x + 3:0.##}\" y=\"{y + RowHeight - 4:0.##}\">{Escape(text)}</text>"));
        }
        svg.Append("</g>\n");
        double childX = x;
        foreach (var child in node.Children.Values)
        {
            Draw(svg, child, childX, y - RowHeight, scale, all);
            childX += child.Count * scale;
        }
    }

    /// <summary>One swatch per layer, right-aligned on the title's line.</summary>
    private static void DrawLegend(StringBuilder svg, IReadOnlyList<string> layers)
    {
        static double WidthOf(string layer) => 14 + layer.Length * FontWidth + 10;
        double x = Width - Margin - layers.Sum(WidthOf);
        foreach (var layer in layers)
        {
            svg.Append(Invariant($"<rect x=\"{x:0.##}\" y=\"{Margin + 4}\" width=\"10\" height=\"10\" fill=\"{ColourOf(layer)}\"/><text x=\"{x + 14:0.##}\" y=\"{Margin + 13}\">{Escape(layer)}</text>\n"));
            x += WidthOf(layer);
        }
    }

    /// <summary>app warm, corlib blue, each library-OS component its own green, asm and unknown grey.</summary>
    public static string ColourOf(string layer)
    {
        if (layer == "app") return "#f2a65a";
        if (layer == "corlib") return "#7fa7d9";
        if (layer == "(entry)") return "#e8d56b";
        if (layer.StartsWith("libos", StringComparison.Ordinal))
        {
            // A stable hue per component, within the greens.
            int hash = 0;
            foreach (char c in layer) hash = unchecked(hash * 31 + c);
            int hue = 90 + (int)((uint)hash % 70);
            return $"hsl({hue},50%,60%)";
        }
        if (layer.Length == 0) return "#d0d0d0";
        return "#b8b8b8";
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
