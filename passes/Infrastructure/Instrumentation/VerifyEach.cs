using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// --verify-each: runs the IR verifier after every pass (on the function a function pass ran on, on the
/// whole module after a module pass) and stops at the first pass that leaves invalid IR, naming it.
/// Also catches a pass that changed the IR but returned PreservedAnalyses.All: the analysis manager
/// would then serve stale dominator trees to every later pass; and one that claimed the control flow
/// preserved (PreservedAnalyses.ControlFlow) but changed a branch or an unwind edge, which would leave
/// dominators and loops stale in the same way.
/// </summary>
public sealed class VerifyEach : IPassInstrumentation
{
    private IrSnapshot? before;
    private List<ControlFlowShape>? shapesBefore;

    public void BeforePass(PassInstance pass, Module module, Function? function)
    {
        before = function is null ? IrSnapshot.Of(module) : IrSnapshot.Of(function);
        shapesBefore = (function is null ? module.Functions.Where(f => !f.IsDeclaration) : new[] { function })
            .Select(ControlFlowShape.Of).ToList();
    }

    public void AfterPass(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved)
    {
        var where = function is null ? $"after pass '{pass.Text}'" : $"after pass '{pass.Text}' on @{Printer.Quote(function.Name)}";
        var errors = function is null ? Verifier.Verify(module) : Verifier.Verify(function);
        if (errors.Count > 0)
            throw new DiagnosticException(errors.Take(20).Select(e => new Diagnostic(PipelineErrors.VerifyEach, where, e)).ToList());
        if (preserved.AreAllPreserved)
        {
            var after = function is null ? IrSnapshot.Of(module) : IrSnapshot.Of(function);
            var changed = before!.Changed(after).FirstOrDefault();
            if (changed is not null)
                throw new DiagnosticException(new Diagnostic(PipelineErrors.StalePreservation, where,
                    $"the pass changed {(changed == IrSnapshot.ModuleLevel ? "the module's declarations" : "@" + Printer.Quote(changed))} "
                    + "but returned PreservedAnalyses.All; return what it really preserves (PreservedAnalyses.None when unsure)"));
        }
        else if (preserved.IsPreserved(typeof(Dominators)))
        {
            foreach (var shape in shapesBefore!)
                if (shape.DifferenceFromNow() is { } difference)
                    throw new DiagnosticException(new Diagnostic(PipelineErrors.StalePreservation, where,
                        $"the pass kept the control-flow analyses (dominators, loops) of @{Printer.Quote(shape.Function.Name)}, but {difference}; "
                        + "return PreservedAnalyses.None when a pass adds or removes a block, a branch target or an instruction with an unwind target"));
        }
        before = null;
        shapesBefore = null;
    }
}
