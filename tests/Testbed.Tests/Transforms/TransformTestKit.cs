using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Transforms;

/// <summary>What the transform tests share: IR from text, the verifier as an assertion, and passes run as the pass manager would.</summary>
public static class TransformTestKit
{
    public static Module Parse(string text) => Parser.ParseModule(text, "test.tbir");

    /// <summary>The one function of a test module with the given name.</summary>
    public static Function Fn(this Module module, string name) => module.FindFunction(name) ?? throw new ArgumentException($"no function @{name}");

    public static void AssertVerifies(Function f)
    {
        var errors = Verifier.Verify(f);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + Printer.Print(f));
    }

    public static void AssertVerifies(Module m)
    {
        var errors = Verifier.Verify(m);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    public static int Count(this Function f, Opcode op) => f.Instructions.Count(i => i.Opcode == op);

    /// <summary>
    /// Runs passes in order, each over the whole module (a function pass on every function with a
    /// body), with a fresh context per run, setting CurrentPass and invalidating analyses as the pass
    /// manager does. Returns the context for statistics and remarks.
    /// </summary>
    public static PassContext RunPasses(Module module, params object[] passes) => RunPasses(new PassContext(module), passes);

    public static PassContext RunPasses(PassContext context, params object[] passes)
    {
        var module = context.Module;
        foreach (var pass in passes)
        {
            context.CurrentPass = PassName(pass);
            switch (pass)
            {
                case IModulePass m:
                    context.Analyses.Invalidate(m.Run(module, context));
                    break;
                case IFunctionPass f:
                    foreach (var function in module.Functions.Where(fn => !fn.IsDeclaration).ToList())
                        context.Analyses.Invalidate(function, f.Run(function, context));
                    break;
                default:
                    throw new ArgumentException($"{pass.GetType().Name} is not a pass");
            }
        }
        context.CurrentPass = "";
        return context;
    }

    public static string PassName(object pass) =>
        pass.GetType().GetCustomAttributes(typeof(PassAttribute), false).Cast<PassAttribute>().Single().Name;

    public static long Stat(this PassContext context, string pass, string counter) =>
        context.Statistics.GetValueOrDefault((pass, counter));
}
