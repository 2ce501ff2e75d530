using Testbed.Backend.Targets;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Programs;

/// <summary>
/// The differential corpus under every pipeline: no passes at all, -O0, each built-in pass alone, and
/// all of them together, on the linux target (a process per program, no QEMU: about a second each).
/// -O2 is the row DifferentialTests runs, on both targets. A pass alone runs without LLVM's optimiser
/// (a pipeline without llvm(...) gives LLVM none), so that what LLVM would clean up cannot hide a
/// miscompile. One class per row, so that xunit runs rows in parallel.
/// </summary>
public abstract class PipelineMatrixTests : DifferentialTests
{
    /// <summary>The pipeline of each row that runs one built-in pass; <see cref="MatrixGuard"/> checks it names them all.</summary>
    public static readonly IReadOnlyDictionary<string, string> SinglePassRows = new Dictionary<string, string>
    {
        ["mem2reg"] = "mem2reg",
        ["sccp"] = "sccp",
        ["dce"] = "dce",
        ["simplifycfg"] = "simplifycfg",
        ["inline"] = "inline",
        // Before inlining nothing is dead yet: after it, globaldce deletes what was copied into every caller.
        ["globaldce"] = "inline,globaldce",
        ["bce"] = "bce",
        // nce needs SSA values: on the importer's stack slots each check reloads the object.
        ["nce"] = "mem2reg,nce",
        ["devirt"] = "devirt",
        ["preinit"] = "preinit",
        ["function-attrs"] = "function-attrs",
        // An analysis printer changes nothing; after function-attrs it at least sees nocapture callees.
        ["print-escape"] = "function-attrs,print-escape",
        ["count-layer-calls"] = "count-layer-calls",
        ["start-profiler"] = "start-profiler",
    };

    /// <summary>Every built-in pass once, in name order (a different order from -O2's, on purpose).</summary>
    public static string AllPasses => string.Join(",", PassRegistry.BuiltIn.Passes.Select(p => p.Name));

    protected static void Row(string program, string pipeline) =>
        AssertSameAsCoreClr(program, Target.Linux, PipelineOptions.FromText(pipeline));
}

public sealed class MatrixGuard
{
    [Fact]
    public void EveryBuiltInPassHasARowOfItsOwn() =>
        Assert.Equal(PassRegistry.BuiltIn.Passes.Select(p => p.Name).Order(), PipelineMatrixTests.SinglePassRows.Keys.Order());

    [Fact]
    public void EveryRowIsAValidPipeline()
    {
        foreach (var text in PipelineMatrixTests.SinglePassRows.Values.Append(PipelineMatrixTests.AllPasses).Append(""))
            Assert.Null(PassSession.Create(PipelineOptions.FromText(text)).Pipeline.Llvm);
    }
}

/// <summary>
/// The importer's code unoptimised, with no pass at all and with LLVM's O0: complementary halves, which
/// differ only in LLVM's O0 lowering, so that every program runs unoptimised once within the time budget.
/// </summary>
public sealed class MatrixNoPasses : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 0)]
    public void MatchesCoreClr(string program) => Row(program, "");
}

public sealed class MatrixO0 : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 1)]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Linux, PipelineOptions.OptLevelOnly(0));
}

/// <summary>
/// mem2reg alone on half the corpus: every program also runs it in -O2 (DifferentialTests), in the all-passes row,
/// and in one of the two rows after it (bce, sccp), which take complementary halves.
/// </summary>
public sealed class MatrixMem2Reg : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 0)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["mem2reg"]);
}

/// <summary>
/// sccp, dce, simplifycfg, bce and devirt alone on the importer's stack slots: halves (a quarter for bce,
/// which finds nothing without SSA) with different offsets, to keep the suite under its time budget.
/// Every program still runs each of them in the all-passes row and after mem2reg.
/// </summary>
public sealed class MatrixSccp : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 1)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["sccp"]);
}

public sealed class MatrixDce : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 1)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["dce"]);
}

public sealed class MatrixSimplifyCfg : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 0)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["simplifycfg"]);
}

public sealed class MatrixInline : PipelineMatrixTests
{
    [Theory, MemberData(nameof(Programs))]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["inline"]);
}

/// <summary>A sample: a wrongly deleted function fails the build or the link, not the output, so every program need not run.</summary>
public sealed class MatrixGlobalDce : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 4, 3)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["globaldce"]);
}

public sealed class MatrixBce : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 4, 1)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["bce"]);
}

/// <summary>
/// nce after mem2reg, without the cleanup or LLVM that could hide a check removed wrongly: a quarter
/// of the corpus (every program runs nce in the -O2 rows and the all-passes row).
/// </summary>
public sealed class MatrixNce : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 4, 2)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["nce"]);
}

public sealed class MatrixDevirt : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 1)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["devirt"]);
}

/// <summary>
/// preinit alone, on the importer's code: every static_ program (constructors that preinit runs at
/// compile time beside ones it must leave, and their order) and a sample of the rest.
/// </summary>
public sealed class MatrixPreinit : PipelineMatrixTests
{
    public static TheoryData<string> StaticsAndSample()
    {
        int k = 0;
        var data = new TheoryData<string>();
        foreach (object[] row in (IEnumerable<object[]>)Programs())
            if (row[0] is string program && (program.StartsWith("static_", StringComparison.Ordinal) || k++ % 8 == 5)) data.Add(program);
        return data;
    }

    [Theory, MemberData(nameof(StaticsAndSample))]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["preinit"]);
}

/// <summary>
/// Attributes change nothing until LLVM reads them (a pipeline without llvm(...) runs no LLVM pass), so
/// this row is a sample; the whole-system row runs function-attrs under LLVM's O2.
/// </summary>
public sealed class MatrixFunctionAttrs : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 4)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["function-attrs"]);
}

/// <summary>An analysis printer changes nothing: a sample shows that asking it questions does not either.</summary>
public sealed class MatrixPrintEscape : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 8)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["print-escape"]);
}

/// <summary>
/// The instrumentation must change nothing a program does (its report goes to standard error, at
/// exit); a sample, as the pass only adds stores to its own counters and one call at entry.
/// </summary>
public sealed class MatrixCountLayerCalls : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 4)]
    public void MatchesCoreClr(string program) => Row(program, SinglePassRows["count-layer-calls"]);
}

/// <summary>
/// Profiling must change nothing a program does: with the start-profiler pass, run at 1 kHz (the samples
/// go to a file, the report to standard error at exit). Timer signals interrupt system calls, sleeps and
/// thread switches; a sample of the corpus, different from count-layer-calls'.
/// </summary>
public sealed class MatrixStartProfiler : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 8, 3)]
    public void MatchesCoreClrWhileSampled(string program) =>
        AssertSameAsCoreClr(program, Target.Linux, PipelineOptions.FromText(SinglePassRows["start-profiler"]), profileHz: 1000);
}

public sealed class MatrixAllPasses : PipelineMatrixTests
{
    [Theory, MemberData(nameof(Programs))]
    public void MatchesCoreClr(string program) => Row(program, AllPasses);
}

/// <summary>
/// bce and sccp find their work in SSA form: alone on the importer's stack slots they do little. The two rows take
/// complementary halves of the corpus, so that every program runs mem2reg followed by one of them (and both in
/// -O2 and the all-passes row), within the suite's time budget.
/// </summary>
public sealed class MatrixBceAfterMem2Reg : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 1)]
    public void MatchesCoreClr(string program) => Row(program, "mem2reg,bce");
}

public sealed class MatrixSccpAfterMem2Reg : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 2, 0)]
    public void MatchesCoreClr(string program) => Row(program, "mem2reg,sccp,dce");
}

/// <summary>
/// The cross-layer study's reference pipelines (docs/cross-layer.md) on a sample (whole-system every eighth program, separate,
/// whose per-layer link is slower, every sixteenth): each
/// build is an -O2 build (separate runs LLVM on each layer's module), too slow for the whole corpus in
/// every run of the suite. The whole corpus under both is measured by hand and reported with the numbers.
/// </summary>
public sealed class MatrixSeparate : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 16, 3)]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Linux, new PipelineOptions { PipelineName = "separate" });
}

public sealed class MatrixWholeSystem : PipelineMatrixTests
{
    [Theory, MemberData(nameof(SampledPrograms), 8)]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Linux, new PipelineOptions { PipelineName = "whole-system" });
}
