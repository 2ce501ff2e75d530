using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// --print-after-all and --print-after=NAME: the IR after each selected pass. A function pass prints
/// the function it ran on, a module pass the module. Banners are IR comments, so a dump of one function
/// can be fed back to `testbed opt`. Values are numbered by the pipeline's <see cref="StableNumbering"/>,
/// as in remarks: a value keeps its number from dump to dump, so numbers may skip the deleted ones.
/// </summary>
public sealed class PrintAfter : IPassInstrumentation
{
    private readonly Func<string, bool> selected;
    private readonly TextWriter output;
    private readonly StableNumbering numbering;

    /// <param name="numbering">The pipeline's numbering (<see cref="PassContext.Numbering"/>): a value keeps its name from dump to dump, and a remark names it as the dumps do.</param>
    public PrintAfter(Func<string, bool> selected, TextWriter output, StableNumbering numbering)
    {
        this.selected = selected;
        this.output = output;
        this.numbering = numbering;
    }

    public void AfterPass(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved)
    {
        if (!selected(pass.Name)) return;
        if (function is null)
        {
            output.Write($"; *** IR Dump After {pass.Text} on module {Printer.Quote(module.Name)} ***\n{Printer.Print(module, numbering)}\n");
            return;
        }
        output.Write($"; *** IR Dump After {pass.Text} on @{Printer.Quote(function.Name)} ***\n{Printer.Print(function, numbering)}\n");
    }
}
