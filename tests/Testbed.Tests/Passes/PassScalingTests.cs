using System.Diagnostics;
using System.Text;
using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>
/// Every pass, the verifier and the analyses stay near-linear in the size of a function: a generated
/// function four times larger must not take anywhere near sixteen times longer. Walking up the
/// dominator tree for each dominance question made Loops, bce and the verifier quadratic on long
/// chains of blocks (a 16,000-block chain took a minute in bce); a ratio, not a time, so that the
/// machine's speed and load matter less. The best of three runs is compared.
/// </summary>
public sealed class PassScalingTests
{
    private const string Pipeline = "function(mem2reg,sccp,dce,simplifycfg),module(devirt,inline),function(bce,nce,sccp,dce,simplifycfg)";

    /// <summary>A chain of if/else diamonds, each joining into the next with a block parameter, then a chain of plain blocks.</summary>
    private static string Generate(int n)
    {
        var text = new StringBuilder("module scaling\n\nfunc @f(i32, obj) -> i32 layer app {\nentry(%x: i32, %a: obj):\n  br d0(%x)\n");
        for (int k = 0; k < n; k++)
        {
            text.Append($"d{k}(%v{k}: i32):\n  %k{k} = const i32 {k}\n  %c{k} = icmp slt bool %v{k}, %k{k}\n  condbr %c{k}, t{k}, e{k}\n");
            text.Append($"t{k}:\n  nullcheck %a\n  boundscheck %a, %v{k}\n  %s{k} = add i32 %v{k}, %k{k}\n  br d{k + 1}(%s{k})\n");
            text.Append($"e{k}:\n  %m{k} = sub i32 %v{k}, %k{k}\n  br d{k + 1}(%m{k})\n");
        }
        text.Append($"d{n}(%r: i32):\n  br c0\n");
        for (int k = 0; k < n; k++) text.Append($"c{k}:\n  nullcheck %a\n  %u{k} = icmp eq bool %r, %r\n  br c{k + 1}\n");
        text.Append($"c{n}:\n  ret %r\n}}\n");
        return text.ToString();
    }

    private static double BestSeconds(int n)
    {
        var text = Generate(n);
        double best = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var module = Parser.ParseModule(text);
            Assert.Empty(Verifier.Verify(module));
            PassSession.Create(new PipelineOptions { Passes = Pipeline, VerifyEach = true }).Run(module, TextWriter.Null);
            Assert.Empty(Verifier.Verify(module));
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    [Fact]
    public void FourTimesTheBlocksTakesLessThanEightTimesTheTime()
    {
        BestSeconds(200);   // warm up the JIT
        double small = BestSeconds(1500), large = BestSeconds(6000);
        Assert.True(large < 8 * Math.Max(small, 0.05),
            $"1,500 diamonds: {small:0.00} s, 6,000: {large:0.00} s ({large / small:0.0}x; linear is 4x, quadratic 16x)");
    }
}
