using Testbed.IR;
using Testbed.Passes;
using Xunit;
using static Testbed.Tests.Transforms.TransformTestKit;

namespace Testbed.Tests.Transforms;

public sealed class BoundsCheckEliminationTests
{
    private static BoundsCheckElimination.Result Eliminate(Function f)
    {
        var r = BoundsCheckElimination.Eliminate(f, new Dominators(f), Loops.Compute(f));
        AssertVerifies(f);
        return r;
    }

    /// <summary>for (i = START; i CMP a.Length; i += STEP) s += a[i]; in SSA, with the importer's ldlen; conv.i4.</summary>
    private static Function Loop(string start = "0", string cmp = "slt", string step = "1", string checkedArray = "%a") =>
        Parse($$"""
            module t
            class "System.Int32[]" size 16 component i32 4 layer corlib {
            }
            func @f(obj, obj) -> i32 layer app {
            entry(%a: obj, %other: obj):
              %start = const i32 {{start}}
              %zero = const i32 0
              br head(%start, %zero)
            head(%i: i32, %s: i32):
              nullcheck %a
              %len = arraylength i32 %a
              %wide = zext i64 %len
              %n = trunc i32 %wide
              %c = icmp {{cmp}} bool %i, %n
              condbr %c, body, exit
            body:
              boundscheck {{checkedArray}}, %i
              %p = elementaddr ptr i32, {{checkedArray}}, %i
              %v = load i32 %p
              %s2 = add i32 %s, %v
              %step = const i32 {{step}}
              %next = add i32 %i, %step
              br head(%next, %s2)
            exit:
              ret %s
            }
            """).Fn("f");

    [Fact]
    public void TheCanonicalCountingLoopLosesItsCheck()
    {
        var f = Loop();
        Assert.Equal(1, Eliminate(f).Removed);
        Assert.Equal(0, f.Count(Opcode.BoundsCheck));
        Assert.Equal(1, f.Count(Opcode.ElementAddr));
    }

    [Theory]
    [InlineData("-1", "slt", "1", "%a")]      // starts below zero
    [InlineData("0", "sle", "1", "%a")]       // i <= a.Length reaches a.Length
    [InlineData("0", "slt", "2", "%a")]       // a step of 2 could wrap past MaxValue
    [InlineData("0", "slt", "1", "%other")]   // the condition bounds another array
    public void ACheckTheConditionsDoNotProveIsKept(string start, string cmp, string step, string array)
    {
        var f = Loop(start, cmp, step, array);
        var r = Eliminate(f);
        Assert.Equal(0, r.Removed);
        Assert.Single(r.Kept);
        Assert.Equal(1, f.Count(Opcode.BoundsCheck));
    }

    [Fact]
    public void AnUnsignedComparisonNeedsNoLowerBound()
    {
        var f = Loop(start: "-1", cmp: "ult");
        Assert.Equal(1, Eliminate(f).Removed);
    }

    [Fact]
    public void ConstantIndicesIntoAConstantLengthArray()
    {
        var f = Parse("""
            module t
            class "System.Int32[]" size 16 component i32 4 layer corlib {
            }
            func @f() -> void layer app {
            entry:
              %n = const i32 4
              %a = newarray obj "System.Int32[]", %n
              %zero = const i32 0
              %three = const i32 3
              %four = const i32 4
              %minus = const i32 -1
              boundscheck %a, %zero
              boundscheck %a, %three
              boundscheck %a, %four
              boundscheck %a, %minus
              ret
            }
            """).Fn("f");
        var r = Eliminate(f);
        Assert.Equal((2, 2), (r.Removed, r.ConstantIndexRemoved));
        var kept = f.Instructions.Where(i => i.Opcode == Opcode.BoundsCheck).Select(i => ((Instruction)i.Operands[1]).IntValue);
        Assert.Equal(new long[] { 4, -1 }, kept);
    }

    [Fact]
    public void ALoopBoundedByAConstantNoLargerThanTheLengthLosesItsCheck()
    {
        var f = Parse("""
            module t
            class "System.Int32[]" size 16 component i32 4 layer corlib {
            }
            func @f() -> void layer app {
            entry:
              %n = const i32 10
              %a = newarray obj "System.Int32[]", %n
              %zero = const i32 0
              br head(%zero)
            head(%i: i32):
              %c = icmp sgt bool %n, %i
              condbr %c, body, exit
            body:
              boundscheck %a, %i
              %one = const i32 1
              %next = add i32 %one, %i
              br head(%next)
            exit:
              ret
            }
            """).Fn("f");
        Assert.Equal(1, Eliminate(f).Removed);
    }

    [Fact]
    public void AfterMem2RegTheImportersLoopLosesItsCheck()
    {
        // The importer's shape: the array and the counter in slots, zeroed at entry.
        var m = Parse("""
            module t
            func @sum(obj) -> i32 layer app {
            bb0(%0: obj):
              %1 = alloca ptr i32
              %2 = const i32 0
              store %2, %1
              %3 = alloca ptr i32
              %4 = const i32 0
              store %4, %3
              br bb1
            bb1:
              %5 = const i32 0
              store %5, %1
              %6 = const i32 0
              store %6, %3
              br bb2
            bb2:
              %7 = load i32 %3
              nullcheck %0
              %8 = arraylength i32 %0
              %9 = zext i64 %8
              %10 = trunc i32 %9
              %11 = icmp slt bool %7, %10
              condbr %11, bb3, bb4
            bb3:
              %12 = load i32 %1
              %13 = load i32 %3
              nullcheck %0
              boundscheck %0, %13
              %14 = elementaddr ptr i32, %0, %13
              %15 = load i32 %14
              %16 = add i32 %12, %15
              store %16, %1
              %17 = load i32 %3
              %18 = const i32 1
              %19 = add i32 %17, %18
              store %19, %3
              br bb2
            bb4:
              %20 = load i32 %1
              ret %20
            }
            """);
        Assert.Equal(0, BoundsCheckElimination.Eliminate(m.Fn("sum"), new Dominators(m.Fn("sum")), Loops.Compute(m.Fn("sum"))).Removed);
        var context = RunPasses(m, new Mem2Reg(), new BoundsCheckElimination());
        AssertVerifies(m);
        Assert.Equal(1, context.Stat("bce", "bounds checks removed"));
        Assert.Equal(0, m.Fn("sum").Count(Opcode.BoundsCheck));
    }
}
