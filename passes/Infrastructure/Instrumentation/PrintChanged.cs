using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// --print-changed: after each pass that changed something, a unified diff of each function whose text
/// changed (and of the module-level declarations, for module passes). Judged by the printed text, not
/// by what the pass returned, so that a pass that under-reports its changes is still seen.
/// </summary>
public sealed class PrintChanged : IPassInstrumentation
{
    private readonly TextWriter output;
    // Numbers that stay put across passes, so that a diff shows what the pass changed and not a renumbering.
    private readonly StableNumbering numbering;
    private IrSnapshot? before;

    /// <param name="numbering">The pipeline's numbering (<see cref="PassContext.Numbering"/>), so that the diffs and the remarks name values alike.</param>
    public PrintChanged(TextWriter output, StableNumbering numbering)
    {
        this.output = output;
        this.numbering = numbering;
    }

    public void BeforePass(PassInstance pass, Module module, Function? function) =>
        before = function is null ? IrSnapshot.Of(module, numbering) : IrSnapshot.Of(function, numbering);

    public void AfterPass(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved)
    {
        var after = function is null ? IrSnapshot.Of(module, numbering) : IrSnapshot.Of(function, numbering);
        foreach (var name in before!.Changed(after))
        {
            var label = name == IrSnapshot.ModuleLevel ? $"module {Printer.Quote(module.Name)}" : "@" + Printer.Quote(name);
            output.Write($"; *** IR Dump After {pass.Text} on {label}: changed ***\n");
            output.Write(UnifiedDiff.Format(before.Texts.GetValueOrDefault(name, ""), after.Texts.GetValueOrDefault(name, ""),
                $"{label} before {pass.Name}", $"{label} after {pass.Name}"));
        }
        before = null;
    }
}
