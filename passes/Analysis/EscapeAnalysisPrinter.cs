using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// print-escape: says what <see cref="EscapeAnalysis"/> answers, as analysis remarks, and changes
/// nothing. For each allocation of a function: whether it escapes, and through which instruction;
/// for each direct call it is passed to: whether the function touches it again after the call. The
/// answers depend on the callees' nocapture attributes, so run function-attrs before it. For tests,
/// and for finding the buffers whose copies a cross-layer pass could save.
/// </summary>
[Pass("print-escape", Description = "Report the escape analysis's answers as remarks: which allocations escape and why, and which are used after the calls they are passed to")]
public sealed class EscapeAnalysisPrinter : IFunctionPass
{
    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var analysis = context.Analyses.Get<EscapeAnalysis>(function);
        if (analysis.Allocations.Count == 0) return PreservedAnalyses.All;
        // The pipeline's numbers, so that the values the remarks name are those --print-after shows.
        context.Numbering.Assign(function);
        foreach (var allocation in analysis.Allocations)
        {
            var name = $"{allocation} ({allocation.Opcode.Mnemonic()})";
            if (analysis.FindEscape(allocation) is { } escape)
            {
                context.Count("allocations that escape");
                context.Remark(RemarkKind.Analysis, function, $"{name} escapes: {escape.Reason} at '{Printer.Print(escape.At)}'", allocation);
            }
            else
            {
                context.Count("allocations that do not escape");
                context.Remark(RemarkKind.Analysis, function, $"{name} does not escape", allocation);
            }
            var calls = analysis.Flow(allocation).Uses.Where(u => u.Kind == PointerUseKind.CallArgument).Select(u => u.At).Distinct();
            foreach (var call in calls)
            {
                var message = analysis.FindUseAfter(call, allocation) is { } use
                    ? $"{name} is used after '{Printer.Print(call)}': {use.Reason} at '{Printer.Print(use.At)}'"
                    : $"{name} is not used after '{Printer.Print(call)}'";
                context.Remark(RemarkKind.Analysis, function, message, call);
            }
        }
        return PreservedAnalyses.All;
    }
}
