using System.Diagnostics;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>Wall time spent in one pass (all its runs, on every function), for --time-passes and --metrics.</summary>
public sealed record PassTiming(string Pass, TimeSpan Time, int Runs);

/// <summary>
/// --time-passes: the time of each pass, summed over its runs. Give it to the pass manager last so that
/// it is the innermost instrumentation and the others' printing is not counted.
/// </summary>
public sealed class PassTimer : IPassInstrumentation
{
    private readonly Dictionary<string, (TimeSpan Time, int Runs)> totals = new();
    private readonly List<string> order = new();
    private readonly Stopwatch clock = new();

    public void BeforePass(PassInstance pass, Module module, Function? function) => clock.Restart();

    public void AfterPass(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved)
    {
        clock.Stop();
        if (!totals.TryGetValue(pass.Name, out var total)) order.Add(pass.Name);
        totals[pass.Name] = (total.Time + clock.Elapsed, total.Runs + 1);
    }

    /// <summary>Each pass in the order it first ran.</summary>
    public IReadOnlyList<PassTiming> Timings => order.Select(p => new PassTiming(p, totals[p].Time, totals[p].Runs)).ToList();
}
