using Testbed.IR;
using Testbed.Passes;
using Xunit;
using static Testbed.Tests.Transforms.TransformTestKit;

namespace Testbed.Tests.Transforms;

public sealed class Mem2RegTests
{
    private static Mem2Reg.Result Promote(Function f)
    {
        var r = Mem2Reg.Promote(f, DominatorTree.Compute(f));
        AssertVerifies(f);
        return r;
    }

    /// <summary>for (i = 0; i &lt; n; i++) s += i; as the importer writes it: two zeroed slots.</summary>
    private const string SumLoop = """
        module t
        func @sum(i32) -> i32 layer app {
        entry(%n: i32):
          %s = alloca ptr i32
          %z0 = const i32 0
          store %z0, %s
          %i = alloca ptr i32
          %z1 = const i32 0
          store %z1, %i
          br head
        head:
          %iv = load i32 %i
          %c = icmp slt bool %iv, %n
          condbr %c, body, exit
        body:
          %sv = load i32 %s
          %iv2 = load i32 %i
          %sum = add i32 %sv, %iv2
          store %sum, %s
          %one = const i32 1
          %next = add i32 %iv2, %one
          store %next, %i
          br head
        exit:
          %r = load i32 %s
          ret %r
        }
        """;

    [Fact]
    public void ALoopCounterAndAccumulatorBecomeHeaderParameters()
    {
        var f = Parse(SumLoop).Fn("sum");
        var r = Promote(f);
        Assert.Equal(2, r.SlotsPromoted);
        Assert.Equal(4, r.LoadsReplaced);
        Assert.Equal(4, r.StoresRemoved);
        Assert.Equal(0, f.Count(Opcode.Alloca) + f.Count(Opcode.Load) + f.Count(Opcode.Store));
        var head = f.Blocks[1];
        Assert.Equal(2, head.Parameters.Count);
        // The exit reads the accumulator: it is the header's parameter, not a fresh load.
        var ret = f.Blocks[3].Terminator!;
        Assert.Contains(ret.Operands[0], head.Parameters);
        // No parameter where nothing is merged: body and exit have a single predecessor.
        Assert.Empty(f.Blocks[2].Parameters);
        Assert.Empty(f.Blocks[3].Parameters);
    }

    [Fact]
    public void ASlotWhoseAddressEscapesIntoACallIsKeptWithTheReason()
    {
        var m = Parse("""
            module t
            declare @use(ptr) -> void layer app
            func @f() -> i32 layer app {
            entry:
              %x = alloca ptr i32
              %z = const i32 5
              store %z, %x
              call void @use, %x
              %v = load i32 %x
              ret %v
            }
            """);
        var f = m.Fn("f");
        var r = Promote(f);
        Assert.Equal(0, r.SlotsPromoted);
        Assert.Equal("its address is used by call", Assert.Single(r.Kept).Reason);
        Assert.Equal(1, f.Count(Opcode.Load));
    }

    [Fact]
    public void ALoadOfAnotherTypeOrAPartialFillKeepsTheSlot()
    {
        var f = Parse("""
            module t
            func @f() -> i8 layer app {
            entry:
              %x = alloca ptr i32
              %z = const i32 300
              store %z, %x
              %v = load i8 %x
              %y = alloca ptr i64
              %b = const i8 1
              %n = const i64 8
              fill %y, %b, %n
              ret %v
            }
            """).Fn("f");
        var r = Promote(f);
        Assert.Equal(0, r.SlotsPromoted);
        Assert.Equal(new[] { "loaded as i8", "partly or non-zero filled" }, r.Kept.Select(k => k.Reason));
    }

    [Fact]
    public void AStructSlotWrittenWholeBeforeEveryReadIsPromoted()
    {
        var f = Parse("""
            module t
            struct %P size 8 align 4 {
              i32 X @0
              i32 Y @4
            }
            declare @make() -> %P layer app
            declare @show(%P) -> void layer app
            func @f() -> void layer app {
            entry:
              %s = alloca ptr %P
              %zero = const i8 0
              %size = const i64 8
              fill %s, %zero, %size
              %v = call %P @make
              store %v, %s
              %w = load %P %s
              call void @show, %w
              ret
            }
            """).Fn("f");
        var r = Promote(f);
        Assert.Equal(1, r.SlotsPromoted);
        Assert.Equal(0, f.Count(Opcode.Alloca) + f.Count(Opcode.Fill));
        var show = f.Instructions.Last(i => i.Opcode == Opcode.Call);
        Assert.Same(f.Instructions.First(i => i.Opcode == Opcode.Call), show.Operands[0]);
    }

    [Fact]
    public void AStructSlotThatMayBeReadWhileZeroIsKept()
    {
        var f = Parse("""
            module t
            struct %P size 8 align 4 {
              i32 X @0
            }
            declare @make() -> %P layer app
            declare @show(%P) -> void layer app
            func @f(bool) -> void layer app {
            entry(%c: bool):
              %s = alloca ptr %P
              %zero = const i8 0
              %size = const i64 8
              fill %s, %zero, %size
              condbr %c, set, join
            set:
              %v = call %P @make
              store %v, %s
              br join
            join:
              %w = load %P %s
              call void @show, %w
              ret
            }
            """).Fn("f");
        var r = Promote(f);
        Assert.Equal(0, r.SlotsPromoted);
        Assert.Contains("no struct constant", Assert.Single(r.Kept).Reason);
    }

    [Fact]
    public void AScalarReadBeforeAnyStoreReadsZero()
    {
        var f = Parse("""
            module t
            func @f(bool) -> i64 layer app {
            entry(%c: bool):
              %x = alloca ptr i64
              condbr %c, set, join
            set:
              %v = const i64 7
              store %v, %x
              br join
            join:
              %r = load i64 %x
              ret %r
            }
            """).Fn("f");
        Promote(f);
        var join = f.Blocks[2];
        var p = Assert.Single(join.Parameters);
        Assert.Same(p, join.Terminator!.Operands[0]);
        var zero = Assert.IsType<Instruction>(f.Entry.Terminator!.Targets[1].Arguments[0]);
        Assert.Equal((Opcode.ConstInt, 0L), (zero.Opcode, zero.IntValue));
    }

    [Fact]
    public void ALoadInTheEntryBlockBeforeAnyStoreBecomesAZeroConstant()
    {
        var f = Parse("""
            module t
            func @f() -> f64 layer app {
            entry:
              %x = alloca ptr f64
              %v = load f64 %x
              ret %v
            }
            """).Fn("f");
        Promote(f);
        Assert.Equal("%0 = fconst f64 0.0", Printer.Print(f.Entry.Instructions[0]));
        Assert.Same(f.Entry.Instructions[0], f.Entry.Terminator!.Operands[0]);
    }

    [Fact]
    public void AStoreThatNoLoadSeesAddsNoParameter()
    {
        var f = Parse("""
            module t
            func @f(bool) -> i32 layer app {
            entry(%c: bool):
              %x = alloca ptr i32
              %a = const i32 1
              store %a, %x
              %early = load i32 %x
              condbr %c, set, join
            set:
              %b = const i32 2
              store %b, %x
              br join
            join:
              ret %early
            }
            """).Fn("f");
        var r = Promote(f);
        Assert.Equal(0, r.ParametersInserted);
        Assert.Empty(f.Blocks[2].Parameters);
    }

    [Fact]
    public void LoadsInUnreachableBlocksReadZeroAndTheirBranchesStayWellFormed()
    {
        var f = Parse("""
            module t
            func @f() -> i32 layer app {
            entry:
              %x = alloca ptr i32
              %a = const i32 1
              store %a, %x
              br join
            dead:
              %d = load i32 %x
              %two = const i32 2
              %e = add i32 %d, %two
              store %e, %x
              br join
            join:
              %r = load i32 %x
              ret %r
            }
            """).Fn("f");
        var r = Promote(f);
        Assert.Equal(1, r.SlotsPromoted);
        Assert.Equal(0, f.Count(Opcode.Load) + f.Count(Opcode.Alloca));
    }

    [Fact]
    public void ThePassCountsAndRemarks()
    {
        var m = Parse(SumLoop);
        var context = RunPasses(m, new Mem2Reg());
        Assert.Equal(2, context.Stat("mem2reg", "slots promoted"));
        Assert.Equal(2, context.Stat("mem2reg", "block parameters inserted"));
        Assert.Contains(context.Remarks, r => r.Kind == RemarkKind.Passed && r.Message.StartsWith("promoted 2 slot(s)"));
        // A second run finds nothing left to do.
        Assert.Equal(PreservedAnalyses.All, new Mem2Reg().Run(m.Fn("sum"), new PassContext(m)));
    }
}
