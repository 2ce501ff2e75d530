using Testbed.IR;
using Testbed.Passes;
using Xunit;
using static Testbed.Tests.Transforms.TransformTestKit;

namespace Testbed.Tests.Transforms;

public sealed class InlinerTests
{
    private static (Inliner.Result R, List<string> Remarks) Inline(Module m, int threshold = 60)
    {
        var remarks = new List<string>();
        var r = Inliner.InlineCalls(m, CallGraph.Compute(m, new AnalysisManager(m)), threshold, (kind, _, message, _) => remarks.Add($"{kind}: {message}"));
        AssertVerifies(m);
        return (r, remarks);
    }

    private const string MaxAndCaller = """
        module t
        func @max(i32, i32) -> i32 layer corlib {
        entry(%a: i32, %b: i32):
          %c = icmp sgt bool %a, %b
          condbr %c, left, right
        left:
          ret %a
        right:
          ret %b
        }
        func @main(i32) -> i32 layer app {
        entry(%x: i32):
          %k = const i32 10
          %m = call i32 @max, %x, %k
          %one = const i32 1
          %r = add i32 %m, %one
          ret %r
        }
        """;

    [Fact]
    public void ASmallCalleeIsClonedAndItsReturnsFlowToTheContinuation()
    {
        var m = Parse(MaxAndCaller);
        var (r, remarks) = Inline(m);
        Assert.Equal((1, 1), (r.Inlined, r.CrossLayerInlined));
        var main = m.Fn("main");
        Assert.Equal(0, main.Count(Opcode.Call));
        // entry (with the callee's entry code), left, right, continuation.
        Assert.Equal(4, main.Blocks.Count);
        var continuation = main.Blocks[3];
        var result = Assert.Single(continuation.Parameters);
        Assert.Same(result, main.Instructions.Single(i => i.Opcode == Opcode.Add).Operands[0]);
        // The callee's parameters became the call's arguments.
        var cmp = main.Instructions.Single(i => i.Opcode == Opcode.ICmp);
        Assert.Same(main.Entry.Parameters[0], cmp.Operands[0]);
        Assert.Contains("Passed: inlined max into main (cost -36, threshold 60)", remarks);
        Assert.Contains(remarks, s => s.StartsWith("Passed: cross-layer inline: max (corlib) into main (app)"));
        // Bodies are kept.
        Assert.Equal(3, m.Fn("max").Blocks.Count);
    }

    [Fact]
    public void NoInlineAndRecursionAreRespected()
    {
        var m = Parse("""
            module t
            func @leaf() -> i32 layer app noinline {
            entry:
              %a = const i32 1
              ret %a
            }
            func @self(i32) -> i32 layer app {
            entry(%n: i32):
              %r = call i32 @self, %n
              ret %r
            }
            func @ping(i32) -> i32 layer app aggressiveinline {
            entry(%n: i32):
              %r = call i32 @pong, %n
              ret %r
            }
            func @pong(i32) -> i32 layer app {
            entry(%n: i32):
              %r = call i32 @ping, %n
              ret %r
            }
            func @main() -> i32 layer app {
            entry:
              %a = call i32 @leaf
              %b = call i32 @self, %a
              %c = call i32 @ping, %b
              ret %c
            }
            """);
        var (r, remarks) = Inline(m);
        Assert.Equal(0, r.Inlined);
        Assert.Equal(3, m.Fn("main").Count(Opcode.Call));
        Assert.Contains("Missed: not inlined: leaf into main: the callee is noinline", remarks);
        Assert.Contains("Missed: not inlined: self into main: the callee is recursive", remarks);
        Assert.Contains("Missed: not inlined: ping into main: the callee is recursive", remarks);
    }

    [Fact]
    public void TheThresholdDecidesAndAggressiveInlineOverridesIt()
    {
        var m = Parse(MaxAndCaller);
        // max has 4 instructions, less 10 for the constant argument and 30 for the single call site: -36.
        var (r, remarks) = Inline(m, threshold: -37);
        Assert.Equal(0, r.Inlined);
        Assert.Contains("Missed: not inlined: max into main: cost -36 > threshold -37", remarks);

        m.Fn("max").Flags |= FunctionFlags.AggressiveInline;
        Assert.Equal(1, Inline(m, threshold: -37).R.Inlined);
    }

    [Fact]
    public void AnExportedCalleeGetsNoSingleCallSiteBonus()
    {
        var m = Parse(MaxAndCaller);
        m.Fn("max").ExportName = "tb_max";
        var (_, remarks) = Inline(m);
        Assert.Contains("Passed: inlined max into main (cost -6, threshold 60)", remarks);
    }

    [Fact]
    public void CalleeSlotsMoveToTheCallerEntryAndStackallocBlocksInlining()
    {
        var m = Parse("""
            module t
            func @local(i32) -> i32 layer app {
            entry(%v: i32):
              %s = alloca ptr i32
              store %v, %s
              %r = load i32 %s
              ret %r
            }
            func @buffer(i64) -> ptr layer app {
            entry(%n: i64):
              %p = stackalloc ptr %n
              ret %p
            }
            func @main(bool) -> i32 layer app {
            entry(%c: bool):
              condbr %c, yes, no
            yes:
              %k = const i32 3
              %r = call i32 @local, %k
              %n = const i64 16
              %p = call ptr @buffer, %n
              ret %r
            no:
              %z = const i32 0
              ret %z
            }
            """);
        var (r, remarks) = Inline(m);
        Assert.Equal(1, r.Inlined);
        var main = m.Fn("main");
        Assert.Equal(Opcode.Alloca, main.Entry.Instructions[0].Opcode);
        Assert.Contains("Missed: not inlined: buffer into main: the callee uses stackalloc", remarks);
    }

    [Fact]
    public void BottomUpACalleeIsInlinedIntoItsCallerBeforeTheCallerIsInlined()
    {
        var m = Parse("""
            module t
            func @top() -> i32 layer app {
            entry:
              %r = call i32 @mid
              ret %r
            }
            func @mid() -> i32 layer app {
            entry:
              %r = call i32 @leaf
              ret %r
            }
            func @leaf() -> i32 layer libos.drivers.serial {
            entry:
              %a = const i32 7
              ret %a
            }
            """);
        var context = RunPasses(m, new Inliner());
        AssertVerifies(m);
        Assert.Equal(0, m.Fn("top").Count(Opcode.Call));
        Assert.Equal(0, m.Fn("mid").Count(Opcode.Call));
        Assert.Equal(2, context.Stat("inline", "call sites inlined"));
        // leaf into mid crosses from app into the library OS; mid (app) into top (app) does not.
        Assert.Equal(1, context.Stat("inline", "cross-layer call sites inlined"));
    }
}
