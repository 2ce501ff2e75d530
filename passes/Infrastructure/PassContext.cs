using Testbed.IR;

namespace Testbed.Passes;

public enum RemarkKind { Passed, Missed, Analysis }

/// <summary>Why a transformation happened or did not (--remarks, --remarks-file).</summary>
public sealed record Remark(string Pass, RemarkKind Kind, string Function, string Message, int ILOffset = -1);

/// <summary>
/// Everything a pass may use besides the IR: analyses, its statistics counters and remarks. One
/// context per pipeline run; <see cref="CurrentPass"/> is set by the pass manager before each pass.
/// </summary>
public sealed class PassContext
{
    private readonly Dictionary<(string Pass, string Counter), long> statistics = new();
    private readonly List<Remark> remarks = new();

    public PassContext(Module module)
    {
        Module = module;
        Analyses = new AnalysisManager(module);
    }

    public Module Module { get; }
    public AnalysisManager Analyses { get; }
    /// <summary>
    /// The value numbers of this pipeline run, shared with --print-after and --print-changed: a remark
    /// that names a value writes <c>context.Numbering.Name(value)</c> (or calls <c>Assign(function)</c>
    /// once and prints instructions with <see cref="Printer"/>), so that the name is the one the IR
    /// dumps show, even after the pass deletes or adds instructions before it.
    /// </summary>
    public StableNumbering Numbering { get; } = new();
    public string CurrentPass { get; set; } = "";

    /// <summary>Adds to one of the current pass's counters ("inline: 37 call sites inlined").</summary>
    public void Count(string counter, long amount = 1)
    {
        var key = (CurrentPass, counter);
        statistics[key] = statistics.GetValueOrDefault(key) + amount;
    }

    public IReadOnlyDictionary<(string Pass, string Counter), long> Statistics => statistics;

    public void Remark(RemarkKind kind, Function function, string message, Instruction? at = null)
    {
        var remark = new Remark(CurrentPass, kind, function.Name, message, at?.ILOffset ?? -1);
        remarks.Add(remark);
        RemarkEmitted?.Invoke(remark);
    }

    /// <summary>Called as each remark is made, so that --remarks prints it next to the IR dumps of the same pass.</summary>
    public Action<Remark>? RemarkEmitted { get; set; }

    public IReadOnlyList<Remark> Remarks => remarks;
}
