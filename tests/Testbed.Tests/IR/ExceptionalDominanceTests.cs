using Testbed.IR;
using Xunit;

namespace Testbed.Tests.IR;

/// <summary>
/// An instruction with an unwind target leaves its block half-way when it throws, so block dominance
/// does not say that an instruction has run: <c>try { x.F(); } catch {} x.G();</c> keeps the second
/// null check although the first one's block dominates it.
/// </summary>
public sealed class ExceptionalDominanceTests
{
    /// <summary>try { x.F(); } catch { } x.G(); as the importer shapes it after mem2reg.</summary>
    private const string TryThenCall = """
        module m

        declare @F(obj) -> void layer app
        declare @G(obj) -> void layer app

        func @f(obj) -> void layer app {
        entry(%x: obj):
          %before = const i32 1
          nullcheck %x unwind handler
          call void @F, %x unwind handler
          %after = const i32 2
          br join
        handler:
          %e = landingpad obj
          br join
        join:
          nullcheck %x
          call void @G, %x
          ret
        }
        """;

    private static Function Parse(string text) => Parser.ParseModule(text).Functions.Single(f => !f.IsDeclaration);

    private static Instruction Nth(Function f, Opcode op, int n = 0) => f.Instructions.Where(i => i.Opcode == op).ElementAt(n);

    private static Block Named(Function f, int index) => f.Blocks[index];

    [Fact]
    public void AThrowingCheckInADominatingBlockDoesNotDominateTheCodeAfterItsHandler()
    {
        var f = Parse(TryThenCall);
        var d = new Dominators(f);
        var (entry, handler, join) = (Named(f, 0), Named(f, 1), Named(f, 2));
        Assert.True(d.Dominates(entry, join));                       // block starts: true
        Assert.False(d.Dominates(Nth(f, Opcode.NullCheck, 0), Nth(f, Opcode.NullCheck, 1)));
        Assert.False(d.Dominates(Nth(f, Opcode.NullCheck, 0), join));
        Assert.False(d.Dominates(Nth(f, Opcode.NullCheck, 0), handler));
        // What ran before the first instruction that can throw has run on every path.
        var before = f.Instructions.First(i => i.Opcode == Opcode.ConstInt && i.IntValue == 1);
        Assert.True(d.Dominates(before, join));
        Assert.True(d.Dominates(before, handler));
        Assert.True(d.Dominates(before, Nth(f, Opcode.NullCheck, 1)));
        // After the last one, only the normal path carries it; the handler's path does not.
        var after = f.Instructions.First(i => i.Opcode == Opcode.ConstInt && i.IntValue == 2);
        Assert.False(d.Dominates(after, join));
        // In one block, order decides.
        Assert.True(d.Dominates(Nth(f, Opcode.NullCheck, 0), Nth(f, Opcode.Call, 0)));
        Assert.False(d.Dominates(Nth(f, Opcode.Call, 0), Nth(f, Opcode.NullCheck, 0)));
    }

    [Fact]
    public void WithoutAHandlerTheCheckDominatesWhatFollows()
    {
        // Without unwind targets an exception leaves the function: code after the check runs only if it passed.
        var f = Parse(TryThenCall.Replace(" unwind handler", ""));
        var d = new Dominators(f);
        Assert.True(d.Dominates(Nth(f, Opcode.NullCheck, 0), Nth(f, Opcode.NullCheck, 1)));
    }

    [Fact]
    public void AHandlerThatLoopsBackThroughTheBlockDoesNotBreakDominanceOfWhatFollowsTheLoop()
    {
        // while (!done) { try { x.F(); done = true; } catch { } }  x.G();  — every way out of the loop
        // passed the check's normal completion, but the handler's own block does not.
        const string text = """
            module m

            declare @F(obj) -> bool layer app

            func @f(obj) -> void layer app {
            entry(%x: obj):
              br header
            header:
              nullcheck %x unwind handler
              %done = call bool @F, %x unwind handler
              condbr %done, exit, header
            handler:
              %e = landingpad obj
              br header
            exit:
              nullcheck %x
              ret
            }
            """;
        var f = Parse(text);
        var d = new Dominators(f);
        var first = Nth(f, Opcode.NullCheck, 0);
        Assert.True(d.Dominates(first, Nth(f, Opcode.NullCheck, 1)));
        Assert.False(d.Dominates(first, f.Blocks[2]));
    }

    [Fact]
    public void TheVerifierRejectsAResultUsedInTheHandlerOfTheInstructionThatMakesIt()
    {
        const string text = """
            module m

            declare @make() -> obj layer app
            declare @use(obj) -> void layer app

            func @f() -> void layer app {
            entry:
              %early = call obj @make
              %a = call obj @make unwind handler
              ret
            handler:
              %e = landingpad obj
              call void @use, %early
              call void @use, %a
              ret
            }
            """;
        var f = Parse(text.Replace("  call void @use, %a\n", ""));
        Assert.Empty(Verifier.Verify(f));
        var message = string.Join("\n", Verifier.Verify(Parse(text)));
        Assert.Contains("does not dominate this use", message);
        Assert.Contains("through an unwind edge at or before it", message);
    }

    [Fact]
    public void IndexInBlockFollowsInsertionsAndRemovals()
    {
        var f = Parse(TryThenCall);
        var entry = f.Entry;
        var call = Nth(f, Opcode.Call, 0);
        Assert.Equal(2, call.IndexInBlock);
        var c = new Instruction(Opcode.ConstInt, IrType.I32) { IntValue = 9 };
        entry.Insert(0, c);
        Assert.Equal(3, call.IndexInBlock);
        Assert.True(c.ComesBefore(call));
        c.Erase();
        Assert.Equal(2, call.IndexInBlock);
        Assert.Throws<InvalidOperationException>(() => call.ComesBefore(Nth(f, Opcode.NullCheck, 1)));
    }

    [Fact]
    public void EveryOpcodeThatMayThrowHasSideEffectsSoNothingRemovesItAsDead()
    {
        foreach (var op in Enum.GetValues<Opcode>())
            if (op.MayThrow()) Assert.True(op.HasSideEffects(), $"{op} may throw but has no side effects");
    }
}
