namespace Testbed.Passes;

/// <summary>
/// The pipelines -O0..-O3 and --pipeline NAME name: the one place they are defined. They are text in the --passes grammar,
/// parsed like any user pipeline, so that a test can check that every pass they name exists.
/// </summary>
public static class DefaultPipelines
{
    /// <summary>What `testbed build` and `testbed run` use without --passes or -O.</summary>
    public const int DefaultLevel = 2;

    // mem2reg first: the importer keeps C# locals in stack slots, and every later pass sees more
    // through SSA values. preinit before inlining, so that no inlined copy carries a class
    // initialisation check that compile time has already done. sccp+dce+simplifycfg clean up after each other; after inlining, call sites
    // have constant arguments and bounds checks become provable, so the cleanup runs again after bce.
    // nce after inlining too: an inlined callee checks again the receiver its caller has checked.
    // globaldce right after inlining: the callees inlined everywhere (two in five functions of a
    // typical program) would otherwise be cleaned up, verified and lowered for LLVM to delete.
    private const string Cleanup = "sccp,dce,simplifycfg";

    private static readonly string[] Texts =
    {
        "llvm(default<O0>)",
        $"function(mem2reg,{Cleanup}),llvm(default<O1>)",
        $"function(mem2reg,{Cleanup}),module(preinit,devirt,inline,globaldce),function(bce,nce,{Cleanup}),llvm(default<O2>)",
        $"function(mem2reg,{Cleanup}),module(preinit,devirt,inline<threshold=400>,globaldce),function(bce,nce,{Cleanup}),llvm(default<O3>)",
    };

    /// <summary>
    /// The reference pipelines of the cross-layer study (docs/cross-layer.md), chosen with --pipeline NAME.
    /// separate is the conventional-OS baseline: our passes stay inside each layer, and each layer is
    /// its own LLVM module, optimised alone and linked without LTO. whole-system is one module with
    /// every pass free to cross layers.
    /// </summary>
    private static readonly (string Name, string Text)[] Named =
    {
        ("separate", $"function(mem2reg,{Cleanup}),module(preinit<within-layer>,devirt<within-layer>,inline<within-layer>,globaldce),function(bce,nce,{Cleanup}),llvm<per-layer>(default<O2>)"),
        ("whole-system", $"function(mem2reg,{Cleanup}),module(preinit,devirt,inline<layer-aware>,globaldce),function(bce,nce,{Cleanup}),module(function-attrs),llvm(default<O2>)"),
    };

    public static IEnumerable<string> Names => Named.Select(n => n.Name);

    /// <summary>The pipeline called <paramref name="name"/>, or null.</summary>
    public static PipelineSource? Find(string name) =>
        Named.Where(n => n.Name == name).Select(n => new PipelineSource($"--pipeline {n.Name}", n.Text)).FirstOrDefault();

    public static int MaxLevel => Texts.Length - 1;

    /// <summary>The pipeline text of -O<paramref name="level"/>.</summary>
    public static string Text(int level) =>
        level >= 0 && level < Texts.Length ? Texts[level] : throw new ArgumentOutOfRangeException(nameof(level), level, "expected 0..3");

    public static PipelineSource Source(int level) => new($"-O{level}", Text(level));
}
