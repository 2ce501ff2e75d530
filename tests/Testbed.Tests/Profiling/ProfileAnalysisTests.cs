using System.Xml.Linq;
using Testbed.Cli.Profiling;
using Xunit;

namespace Testbed.Tests.Profiling;

/// <summary>The host half of `run --profile` on synthetic samples: raw format, symbols, folding, the layer table, the SVG.</summary>
public sealed class ProfileAnalysisTests
{
    private static readonly Frame Start = new("_start", Frame.AsmLayer);
    private static readonly Frame Main = new("Program::Main()", "app");
    private static readonly Frame Sort = new("System.Array::Sort(System.Int32[])", "corlib");
    private static readonly Frame Allocate = new("Testbed.LibOS.Memory.GcRuntime::Allocate(System.UIntPtr)", "libos.memory");

    /// <summary>Functions at 0x1000 (_start, 16 bytes), 0x2000 (Main), 0x3000 (Sort), 0x4000 (Allocate), 0x100 bytes each.</summary>
    private static Symbolizer Symbols() => new(
    [
        (0x1000UL, 16UL, Start), (0x2000UL, 0x100UL, Main), (0x3000UL, 0x100UL, Sort), (0x4000UL, 0x100UL, Allocate),
    ]);

    [Fact]
    public void TheRawFormatRoundTripsAndRefusesWhatIsCutShort()
    {
        var raw = new RawProfile(997, [[0x2010UL, 0x1005UL], [0x3010UL, 0x2020UL, 0x1005UL]], 3);
        var bytes = raw.ToBytes();
        Assert.Equal(8 * (4 + 3 + 4), bytes.Length);
        var back = RawProfile.Parse(bytes);
        Assert.Equal(997, back.Hz);
        Assert.Equal(3, back.Dropped);
        Assert.Equal(raw.Samples.Select(s => string.Join(",", s)), back.Samples.Select(s => string.Join(",", s)));
        Assert.Throws<InvalidDataException>(() => RawProfile.Parse(bytes[..^8]));
        Assert.Throws<InvalidDataException>(() => RawProfile.Parse(new byte[32]));
    }

    [Fact]
    public void AddressesAreLookedUpInTheirFunctionAndReturnAddressesOneByteBack()
    {
        var symbols = Symbols();
        Assert.Equal(Main, symbols.Lookup(0x2000));
        Assert.Equal(Main, symbols.Lookup(0x20FF));
        Assert.Equal(Frame.Unknown, symbols.Lookup(0x2100));
        Assert.Equal(Frame.Unknown, symbols.Lookup(0x10));
        Assert.Equal(Frame.Unknown, symbols.Lookup(0x1010));
        // A call that is the last instruction of Main returns to 0x2100, just past it: still Main's frame.
        // The interrupted RIP (first) is taken as it is.
        var stack = symbols.Stack([0x2100UL, 0x2100UL, 0x1005UL]);
        Assert.Equal([Frame.Unknown, Main, Start], stack);
    }

    [Fact]
    public void FoldedStacksGoFromRootToLeafAndCountEachDistinctStack()
    {
        var stacks = new List<Frame[]>
        {
            new[] { Sort, Main, Start }, new[] { Sort, Main, Start }, new[] { Main, Start },
            new[] { new Frame("odd;name", "app"), Start },
        };
        var folded = FoldedStacks.Fold(stacks);
        Assert.Equal(2, folded["_start;Program::Main();System.Array::Sort(System.Int32[])"]);
        Assert.Equal(1, folded["_start;Program::Main()"]);
        Assert.Equal(1, folded["_start;odd:name"]);
        var parsed = FoldedStacks.Parse(FoldedStacks.Format(folded));
        Assert.Equal(3, parsed.Count);
        Assert.Equal(stacks.Count, parsed.Sum(p => p.Count));
        Assert.Contains(parsed, p => p.Frames.SequenceEqual(["_start", "Program::Main()", "System.Array::Sort(System.Int32[])"]) && p.Count == 2);
    }

    [Fact]
    public void TheSummaryCountsSelfTimeByTheTopFramesLayerAndEachCrossingOncePerSample()
    {
        var stacks = new List<Frame[]>
        {
            // app -> corlib -> libos.memory, and app -> corlib a second time in the same stack (recursion through app).
            new[] { Allocate, Sort, Main, Sort, Main, Start },
            new[] { Sort, Main, Start },
            new[] { Main, Start },
            new[] { Main, Start },
            Array.Empty<Frame>(),
        };
        var s = ProfileSummary.Of(stacks, 1000, dropped: 2);
        Assert.Equal(4, s.Samples);
        Assert.Equal(2, s.Dropped);
        Assert.Equal(new Dictionary<string, long> { ["app"] = 2, ["corlib"] = 1, ["libos.memory"] = 1 }, s.SelfByLayer);
        Assert.Equal(2, s.Crossings[("app", "corlib")]);
        Assert.Equal(1, s.Crossings[("corlib", "app")]);
        Assert.Equal(1, s.Crossings[("corlib", "libos.memory")]);
        Assert.Equal(4, s.Crossings[(Frame.AsmLayer, "app")]);
        Assert.Equal(0.5, s.Share(s.SelfByLayer["app"]));
        var top = s.TopFunctions[0];
        Assert.Equal((Main.Name, 2L, 4L), (top.Name, top.Self, top.Total));
        Assert.Equal(2, s.TopFunctions.Single(f => f.Name == Sort.Name).Total);
    }

    [Fact]
    public void TheFlameGraphIsSvgWithOneBoxPerNodeColouredByLayerAndATooltipEach()
    {
        var stacks = new List<Frame[]>();
        for (int i = 0; i < 3; i++) stacks.Add([Sort, Main, Start]);
        stacks.Add([Allocate, Main, Start]);
        var svg = XDocument.Parse(FlameGraph.Render(stacks, "test <profile>"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var boxes = svg.Descendants(ns + "g").ToList();
        // all, _start, Main, Sort, Allocate.
        Assert.Equal(5, boxes.Count);
        var titles = boxes.Select(g => g.Element(ns + "title")!.Value).ToList();
        Assert.Contains("System.Array::Sort(System.Int32[]) \u2014 corlib: 3 samples (75%)", titles);
        Assert.Contains("Program::Main() \u2014 app: 4 samples (100%)", titles);
        // The legend: one swatch per layer.
        Assert.Equal(new[] { "[asm]", "app", "corlib", "libos.memory" }, svg.Root!.Elements(ns + "text").Skip(1).Select(t => t.Value));
        var sortBox = boxes.Single(g => g.Element(ns + "title")!.Value.StartsWith(Sort.Name, StringComparison.Ordinal)).Element(ns + "rect")!;
        var allocateBox = boxes.Single(g => g.Element(ns + "title")!.Value.StartsWith(Allocate.Name, StringComparison.Ordinal)).Element(ns + "rect")!;
        Assert.Equal(FlameGraph.ColourOf("corlib"), sortBox.Attribute("fill")!.Value);
        Assert.NotEqual(sortBox.Attribute("fill")!.Value, allocateBox.Attribute("fill")!.Value);
        // Widths in proportion to samples, callees on the row above their caller.
        Assert.Equal(3.0, double.Parse(sortBox.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)
            / double.Parse(allocateBox.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.Equal(sortBox.Attribute("y")!.Value, allocateBox.Attribute("y")!.Value);
    }
}
