using Testbed.IR;
using Testbed.Passes;
using Xunit;
using static Testbed.Tests.Transforms.TransformTestKit;

namespace Testbed.Tests.Transforms;

public sealed class DeadCodeEliminationTests
{
    [Fact]
    public void UnusedPureChainsGoButSideEffectsStay()
    {
        var f = Parse("""
            module t
            func @f(i32, i32, ptr) -> void layer app {
            entry(%a: i32, %b: i32, %p: ptr):
              %x = add i32 %a, %b
              %y = mul i32 %x, %x
              %l = load i32 %p
              %q = sdiv i32 %a, %b
              %three = const i32 3
              store %three, %p
              ret
            }
            """).Fn("f");
        var r = DeadCodeElimination.Eliminate(f);
        AssertVerifies(f);
        Assert.Equal(3, r.InstructionsRemoved);
        // sdiv may throw (a zero divisor): it stays although nobody reads its result.
        Assert.Equal(new[] { Opcode.SDiv, Opcode.ConstInt, Opcode.Store, Opcode.Ret }, f.Entry.Instructions.Select(i => i.Opcode));
    }

    [Fact]
    public void ALoopCarriedValueThatOnlyFeedsItselfIsRemoved()
    {
        var f = Parse("""
            module t
            func @f(i32) -> void layer app {
            entry(%n: i32):
              %zero = const i32 0
              br head(%zero, %zero)
            head(%i: i32, %unused: i32):
              %c = icmp slt bool %i, %n
              condbr %c, body, exit
            body:
              %one = const i32 1
              %next = add i32 %i, %one
              %u2 = add i32 %unused, %one
              br head(%next, %u2)
            exit:
              ret
            }
            """).Fn("f");
        var r = DeadCodeElimination.Eliminate(f);
        AssertVerifies(f);
        Assert.Equal(1, r.ParametersRemoved);
        Assert.Equal(1, r.InstructionsRemoved);
        Assert.Single(f.Blocks[1].Parameters);
        Assert.All(f.Instructions.Where(i => i.Opcode == Opcode.Br), br => Assert.Single(br.Targets[0].Arguments));
    }

    [Fact]
    public void EntryParametersAndBranchConditionsAreNeverRemoved()
    {
        var f = Parse("""
            module t
            func @f(i32, i32) -> i32 layer app {
            entry(%a: i32, %unused: i32):
              %c = icmp eq bool %a, %a
              condbr %c, one(%a), one(%a)
            one(%x: i32):
              ret %x
            }
            """).Fn("f");
        var r = DeadCodeElimination.Eliminate(f);
        Assert.Equal(0, r.InstructionsRemoved + r.ParametersRemoved);
        Assert.Equal(2, f.Entry.Parameters.Count);
    }

    [Fact]
    public void ASwitchWithTwoEdgesToOneBlockLosesTheArgumentOnBoth()
    {
        var f = Parse("""
            module t
            func @f(i32) -> void layer app {
            entry(%a: i32):
              switch %a, out(%a), [1: out(%a), 2: other]
            other:
              ret
            out(%dead: i32):
              ret
            }
            """).Fn("f");
        var r = DeadCodeElimination.Eliminate(f);
        AssertVerifies(f);
        Assert.Equal(1, r.ParametersRemoved);
        Assert.All(f.Entry.Terminator!.Targets, t => Assert.Empty(t.Arguments));
    }

    [Fact]
    public void ThePassReportsNothingChangedWhenNothingIsDead()
    {
        var m = Parse("""
            module t
            func @f(i32) -> i32 layer app {
            entry(%a: i32):
              ret %a
            }
            """);
        var context = RunPasses(m, new DeadCodeElimination());
        Assert.Empty(context.Statistics);
    }
}
