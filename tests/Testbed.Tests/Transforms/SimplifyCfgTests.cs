using Testbed.IR;
using Testbed.Passes;
using Xunit;
using static Testbed.Tests.Transforms.TransformTestKit;

namespace Testbed.Tests.Transforms;

public sealed class SimplifyCfgTests
{
    private static (Function F, SimplifyCfg.Result R) Simplify(string text)
    {
        var f = Parse(text).Fn("f");
        var r = SimplifyCfg.Simplify(f);
        AssertVerifies(f);
        return (f, r);
    }

    [Fact]
    public void AStraightLineChainBecomesOneBlockWithParametersSubstituted()
    {
        var (f, r) = Simplify("""
            module t
            func @f(i32) -> i32 layer app {
            entry(%a: i32):
              %one = const i32 1
              br b(%a)
            b(%x: i32):
              %y = add i32 %x, %one
              br c(%y, %x)
            c(%p: i32, %q: i32):
              %z = mul i32 %p, %q
              ret %z
            }
            """);
        Assert.Equal(2, r.BlocksMerged);
        var only = Assert.Single(f.Blocks);
        Assert.Empty(only.Parameters.Skip(1));
        var mul = f.Instructions.Single(i => i.Opcode == Opcode.Mul);
        Assert.Same(f.Instructions.Single(i => i.Opcode == Opcode.Add), mul.Operands[0]);
        Assert.Same(f.Entry.Parameters[0], mul.Operands[1]);
    }

    [Fact]
    public void UnreachableBlocksAreDeleted()
    {
        var (f, r) = Simplify("""
            module t
            func @f(bool) -> void layer app {
            entry(%c: bool):
              condbr %c, a, b
            a:
              ret
            b:
              ret
            island:
              br island2
            island2:
              br island
            }
            """);
        Assert.Equal(2, r.UnreachableRemoved);
        Assert.Equal(3, f.Blocks.Count);
    }

    [Fact]
    public void JumpsThroughAnEmptyForwardingBlockGoStraightToItsTarget()
    {
        var (f, r) = Simplify("""
            module t
            declare @g() -> void layer app
            func @f(bool, i32, i32) -> i32 layer app {
            entry(%c: bool, %a: i32, %b: i32):
              condbr %c, fwd(%a), other
            other:
              call void @g
              br fwd(%b)
            fwd(%x: i32):
              br join(%x, %a)
            join(%p: i32, %q: i32):
              call void @g
              %r = add i32 %p, %q
              ret %r
            }
            """);
        Assert.True(r.JumpsThreaded >= 2);
        Assert.Equal(3, f.Blocks.Count); // entry, other, join: fwd is gone
        var entryEdge = f.Entry.Terminator!.Targets[0];
        Assert.Equal(new Value[] { f.Entry.Parameters[1], f.Entry.Parameters[1] }, entryEdge.Arguments);
    }

    [Fact]
    public void ThreadingNeverGivesABranchTwoEdgesIntoABlockWithDifferentArguments()
    {
        // The backend makes block parameters phis: one value per predecessor block.
        var (f, r) = Simplify("""
            module t
            func @f(bool, i32, i32) -> i32 layer app {
            entry(%c: bool, %a: i32, %b: i32):
              condbr %c, fwd(%a), join(%b)
            fwd(%x: i32):
              br join(%x)
            join(%p: i32):
              ret %p
            }
            """);
        Assert.Equal(0, r.JumpsThreaded);
        Assert.Equal(3, f.Blocks.Count);
    }

    [Fact]
    public void AnEmptyBlockWhoseParameterIsUsedElsewhereIsNotThreaded()
    {
        var (f, r) = Simplify("""
            module t
            declare @g() -> void layer app
            func @f(bool, i32, i32) -> i32 layer app {
            entry(%c: bool, %a: i32, %b: i32):
              condbr %c, mid(%a), other
            other:
              call void @g
              br mid(%b)
            mid(%x: i32):
              br use
            use:
              call void @g
              ret %x
            }
            """);
        Assert.Equal(0, r.JumpsThreaded);
        // use merges into mid instead, which keeps its parameter.
        Assert.Equal(1, r.BlocksMerged);
        Assert.Single(f.Blocks, b => b.Parameters.Count == 1 && b != f.Entry);
    }

    [Fact]
    public void ABranchThatCannotChooseBecomesABr()
    {
        var (f, r) = Simplify("""
            module t
            declare @g() -> void layer app
            func @f(bool, i32) -> i32 layer app {
            entry(%c: bool, %a: i32):
              call void @g
              condbr %c, join(%a), join(%a)
            join(%x: i32):
              call void @g
              ret %x
            }
            """);
        Assert.Equal(1, r.BranchesFolded);
        Assert.Single(f.Blocks);
    }

    [Fact]
    public void ThreadingNeverMakesTwoEdgesIntoOneBlockWithDifferentArguments()
    {
        // Threading both empty blocks would give `condbr %c, join(%a), join(%b)`, which the verifier
        // rejects: block parameters become phis, and a phi has one value per predecessor.
        var (f, _) = Simplify("""
            module t
            func @f(bool, i32, i32) -> i32 layer app {
            entry(%c: bool, %a: i32, %b: i32):
              condbr %c, left, right
            left:
              br join(%a)
            right:
              br join(%b)
            join(%x: i32):
              ret %x
            }
            """);
        Assert.Empty(Verifier.Verify(f));
        var branch = f.Entry.Terminator!;
        Assert.Equal(Opcode.CondBr, branch.Opcode);
        Assert.NotSame(branch.Targets[0].Block, branch.Targets[1].Block);
    }

    [Fact]
    public void AnInfiniteLoopOfEmptyBlocksTerminates()
    {
        var (f, _) = Simplify("""
            module t
            func @f() -> void layer app {
            entry:
              br a
            a:
              br b
            b:
              br a
            }
            """);
        Assert.True(f.Blocks.Count <= 2);
        Assert.Contains(f.Blocks, b => b.Successors.Contains(b));
    }

    /// <summary>
    /// Issue 14: simplifycfg was superlinear (a chain of 4,000 blocks took 15.6 s). Edges into a run of
    /// empty blocks now jump to its end once each, and merges do not search growing blocks: a chain of n
    /// empty blocks threads n jumps (in program order it moved n(n+1)/2), counted rather than timed.
    /// </summary>
    [Theory]
    [InlineData(1000)]
    [InlineData(20000)]
    public void ARunOfEmptyBlocksIsThreadedWithOneJumpPerEdge(int n)
    {
        var text = new System.Text.StringBuilder("module t\nfunc @f(i32) -> i32 layer app {\nentry(%x: i32):\n  br b0(%x)\n");
        for (int k = 0; k < n; k++) text.Append($"b{k}(%v{k}: i32):\n  br b{k + 1}(%v{k})\n");
        text.Append($"b{n}(%r: i32):\n  ret %r\n}}\n");
        var (f, r) = Simplify(text.ToString());
        Assert.Equal(n, r.JumpsThreaded);
        var only = Assert.Single(f.Blocks);
        Assert.Same(f.Entry.Parameters[0], only.Terminator!.Operands[0]);
    }

    [Fact]
    public void AChainOfTwentyThousandBlocksWithWorkMergesIntoOne()
    {
        const int n = 20000;
        var text = new System.Text.StringBuilder("module t\nfunc @f(i32) -> i32 layer app {\nentry(%x: i32):\n  %one = const i32 1\n  br b0(%x)\n");
        for (int k = 0; k < n; k++) text.Append($"b{k}(%v{k}: i32):\n  %w{k} = add i32 %v{k}, %one\n  br b{k + 1}(%w{k})\n");
        text.Append($"b{n}(%r: i32):\n  ret %r\n}}\n");
        var (f, r) = Simplify(text.ToString());
        Assert.Equal(n + 1, r.BlocksMerged);
        Assert.Equal(n + 2, Assert.Single(f.Blocks).Instructions.Count);
    }
}
