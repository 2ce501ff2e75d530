namespace Testbed.Bench.Runtime;

/// <summary>
/// One program of bench/runtime/programs: its argument for a full and a --quick run, what kind of work it
/// is, and the goal of issue 16 for it (Testbed's speed over NativeAOT's: 1.0×, 1.2× for the dictionary and
/// parsing ones).
/// </summary>
public sealed record RuntimeProgram(string Name, string Kind, string Argument, string QuickArgument, double Goal);

public static class RuntimePrograms
{
    public static readonly IReadOnlyList<RuntimeProgram> All =
    [
        new("binarytrees", "allocation-heavy trees", "18", "12", 1.0),
        new("wordfreq", "strings, Dictionary<string,int>", "1000000", "100000", 1.2),
        new("resp", "RESP parsing, Dictionary<string,byte[]>", "100", "3", 1.2),
        new("nbody", "numeric (double)", "15000000", "100000", 1.0),
        new("fannkuch", "numeric (int arrays)", "10", "8", 1.0),
    ];

    /// <summary>The three ways every program is built and run, in the tables' order.</summary>
    public static readonly IReadOnlyList<string> Configs = [CoreClr, NativeAot, Testbed];

    public const string CoreClr = "coreclr";
    public const string NativeAot = "nativeaot";
    public const string Testbed = "testbed";
}
