using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>Loops: preheaders (where hoisted code goes) and exits, exceptional exits included.</summary>
public sealed class LoopShapeTests
{
    private static Function Parse(string text) => Parser.ParseModule(text).Functions.Single(f => !f.IsDeclaration);

    /// <summary>for (i = 0; i &lt; n; i++) { try { F(); } catch { return; } } with a guard that enters the header twice.</summary>
    private const string TwoEntries = """
        module m

        declare @F() -> void layer app

        func @f(i32, bool) -> void layer app {
        entry(%n: i32, %skip: bool):
          %zero = const i32 0
          %one = const i32 1
          condbr %skip, late, header(%zero)
        late:
          br header(%one)
        header(%i: i32):
          %c = icmp slt bool %i, %n
          condbr %c, body, done
        body:
          call void @F unwind handler
          %next = add i32 %i, %one
          br header(%next)
        handler:
          %e = landingpad obj
          ret
        done:
          ret
        }
        """;

    [Fact]
    public void ExitsIncludeTheHandlerAndAHeaderEnteredTwiceHasNoPreheader()
    {
        var f = Parse(TwoEntries);
        var loop = Assert.Single(Loops.Compute(f).All);
        Assert.Null(loop.Preheader);
        Assert.Equal(new[] { "bb4", "bb5" }, Names(f, loop.ExitBlocks));
        Assert.Equal(new[] { "bb2", "bb3" }, Names(f, loop.ExitingBlocks));
    }

    [Fact]
    public void CreatePreheaderTakesTheHeadersParametersAndEveryOutsideEdge()
    {
        var f = Parse(TwoEntries);
        var loop = Loops.Compute(f).All.Single();
        var preheader = Loops.CreatePreheader(f, loop);
        Assert.NotNull(preheader);
        Assert.Empty(Verifier.Verify(f));
        var again = Loops.Compute(f).All.Single();
        Assert.Same(preheader, again.Preheader);
        Assert.Single(preheader!.Parameters);
        Assert.Same(preheader, f.Entry.Terminator!.Targets[1].Block);
        Assert.Same(preheader, f.Blocks.Single(b => b.Terminator!.Targets.Any(t => t.Arguments.Count == 1 && t.Arguments[0] is Instruction { IntValue: 1 })).Terminator!.Targets[0].Block);
        // The back edge still goes straight to the header.
        Assert.Contains(again.Latches, l => l.Terminator!.Targets.Any(t => t.Block == again.Header));
        Assert.Same(preheader, Loops.CreatePreheader(f, again));
    }

    [Fact]
    public void ASingleOutsideBranchIsThePreheader()
    {
        var f = Parse(TwoEntries.Replace("condbr %skip, late, header(%zero)", "br header(%zero)"));
        var loop = Loops.Compute(f).All.Single();
        Assert.Same(f.Entry, loop.Preheader);
    }

    [Fact]
    public void AHandlerHeaderGetsNoPreheader()
    {
        // A loop whose header is a handler: entered by unwind edges, which carry no arguments.
        const string text = """
            module m

            declare @F() -> void layer app

            func @f() -> void layer app {
            entry:
              call void @F unwind retry
              ret
            retry:
              %e = landingpad obj
              call void @F unwind retry
              ret
            }
            """;
        var f = Parse(text);
        var loop = Loops.Compute(f).All.Single();
        Assert.Null(loop.Preheader);
        Assert.Null(Loops.CreatePreheader(f, loop));
    }

    private static string[] Names(Function f, IEnumerable<Block> blocks)
    {
        f.Renumber();
        return blocks.Select(b => b.ToString()).ToArray();
    }
}
