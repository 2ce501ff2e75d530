using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// --print-after-all and --print-after=NAME: the IR after each selected pass. A function pass prints
/// the function it ran on, a module pass the module. Banners are IR comments, so a dump of one function
/// can be fed back to `testbed opt`.
/// </summary>
public sealed class PrintAfter : IPassInstrumentation
{
    private readonly Func<string, bool> selected;
    private readonly TextWriter output;

    public PrintAfter(Func<string, bool> selected, TextWriter output)
    {
        this.selected = selected;
        this.output = output;
    }

    public void AfterPass(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved)
    {
        if (!selected(pass.Name)) return;
        if (function is null)
        {
            output.Write($"; *** IR Dump After {pass.Text} on module {Printer.Quote(module.Name)} ***\n{Printer.Print(module)}\n");
            return;
        }
        output.Write($"; *** IR Dump After {pass.Text} on @{Printer.Quote(function.Name)} ***\n{Printer.Print(function)}\n");
    }
}
