using Testbed.Passes;
using Xunit;
using static Testbed.Tests.Transforms.TransformTestKit;

namespace Testbed.Tests.Transforms;

public sealed class LoopsTests
{
    [Fact]
    public void NestedLoopsAreFoundWithTheirBlocksLatchesAndNesting()
    {
        var f = Parse("""
            module t
            func @f(bool, bool) -> void layer app {
            entry(%c: bool, %d: bool):
              br outer
            outer:
              condbr %c, inner, exit
            inner:
              condbr %d, innerbody, outerlatch
            innerbody:
              br inner
            outerlatch:
              br outer
            exit:
              ret
            }
            """).Fn("f");
        var loops = Loops.Compute(f);
        Assert.Equal(2, loops.All.Count);
        var (outer, inner) = (loops.All[0], loops.All[1]);
        Assert.Equal(f.Blocks[1], outer.Header);
        Assert.Equal(f.Blocks[2], inner.Header);
        Assert.Same(outer, inner.Parent);
        Assert.Equal(2, inner.Depth);
        Assert.Equal(new[] { f.Blocks[4] }, outer.Latches);
        Assert.Equal(4, outer.Blocks.Count);
        Assert.Equal(2, inner.Blocks.Count);
        Assert.Same(inner, loops.InnermostLoop(f.Blocks[3]));
        Assert.Same(outer, loops.InnermostLoop(f.Blocks[4]));
        Assert.Null(loops.InnermostLoop(f.Blocks[5]));
    }

    [Fact]
    public void AnIrreducibleCycleIsNotALoop()
    {
        var f = Parse("""
            module t
            func @f(bool) -> void layer app {
            entry(%c: bool):
              condbr %c, a, b
            a:
              br b
            b:
              br a
            }
            """).Fn("f");
        Assert.Empty(Loops.Compute(f).All);
    }

    [Fact]
    public void DominanceFrontiersOfADiamondAndALoop()
    {
        var f = Parse("""
            module t
            func @f(bool) -> void layer app {
            entry(%c: bool):
              condbr %c, left, right
            left:
              br join
            right:
              br join
            join:
              condbr %c, join, out
            out:
              ret
            }
            """).Fn("f");
        var tree = DominatorTree.Compute(f);
        var (left, join) = (f.Blocks[1], f.Blocks[3]);
        Assert.Equal(new[] { join }, tree.Frontier(left));
        // join is its own frontier: it loops to itself.
        Assert.Equal(new[] { join }, tree.Frontier(join));
        Assert.Equal(new[] { join }, tree.IteratedFrontier(new[] { left }));
        Assert.Equal(f.Blocks.Count, tree.Preorder().Count);
    }
}
