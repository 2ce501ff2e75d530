using Testbed.IR;
using Testbed.Passes;
using Xunit;
using static Testbed.Tests.Transforms.TransformTestKit;

namespace Testbed.Tests.Transforms;

public sealed class SccpTests
{
    /// <summary>Runs sccp on a one-function module whose body is <paramref name="body"/> and returns the returned constant, or null.</summary>
    private static long? Returned(string type, string body)
    {
        var f = Parse($"""
            module t
            func @f() -> {type} layer app {"{"}
            entry:
            {body}
            {"}"}
            """).Fn("f");
        Sccp.Propagate(f);
        AssertVerifies(f);
        return f.Entry.Terminator!.Operands[0] is Instruction { Opcode: Opcode.ConstInt } c ? c.IntValue : null;
    }

    [Theory]
    [InlineData("i32", "add", 2147483647, 1, -2147483648)] // wraps
    [InlineData("i32", "sdiv", 7, -2, -3)]                // truncates toward zero
    [InlineData("i32", "srem", -7, 2, -1)]
    [InlineData("i32", "udiv", -1, 2, 2147483647)]
    [InlineData("i32", "shl", 1, 33, 2)]                  // count masked to 31
    [InlineData("i64", "shl", 1, 65, 2)]                  // count masked to 63
    [InlineData("i32", "ashr", -8, 1, -4)]
    [InlineData("i32", "lshr", -8, 28, 15)]
    [InlineData("i8", "mul", 16, 16, 0)]
    [InlineData("i32", "addovf", 1, 2, 3)]
    public void ArithmeticFoldsWithDotNetSemantics(string type, string op, long a, long b, long expected)
    {
        Assert.Equal(expected, Returned(type, $"""
              %a = const {type} {a}
              %b = const {type} {b}
              %r = {op} {type} %a, %b
              ret %r
            """));
    }

    [Theory]
    [InlineData("sdiv", 1, 0)]
    [InlineData("srem", 1, 0)]
    [InlineData("udiv", 1, 0)]
    [InlineData("sdiv", -2147483648, -1)]   // OverflowException in .NET
    [InlineData("srem", -2147483648, -1)]   // so is the remainder
    [InlineData("addovf", 2147483647, 1)]
    [InlineData("subovfun", 0, 1)]
    public void OperationsThatThrowAreNotFolded(string op, long a, long b)
    {
        var f = Parse($"""
            module t
            func @f() -> i32 layer app {"{"}
            entry:
              %a = const i32 {a}
              %b = const i32 {b}
              %r = {op} i32 %a, %b
              ret %r
            {"}"}
            """).Fn("f");
        var r = Sccp.Propagate(f);
        Assert.Equal(0, r.InstructionsFolded);
        Assert.Single(f.Entry.Instructions, i => i.Opcode.Mnemonic() == op);
    }

    [Fact]
    public void ConversionsAreExact()
    {
        Assert.Equal(-1, Returned("i32", """
              %a = const i32 255
              %t = trunc i8 %a
              %s = sext i32 %t
              ret %s
            """));
        Assert.Equal(255, Returned("i32", """
              %a = const i32 -1
              %t = trunc i8 %a
              %z = zext i32 %t
              ret %z
            """));
        Assert.Equal(1, Returned("i32", """
              %a = const i32 1
              %b = const i32 2
              %c = icmp ult bool %a, %b
              %z = zext i32 %c
              ret %z
            """));
    }

    [Fact]
    public void UnsignedAndSignedComparisonsDiffer()
    {
        Assert.Equal(0, Returned("i32", """
              %m = const i32 -1
              %one = const i32 1
              %c = icmp ult bool %m, %one
              %z = zext i32 %c
              ret %z
            """));
        Assert.Equal(1, Returned("i32", """
              %m = const i32 -1
              %one = const i32 1
              %c = icmp slt bool %m, %one
              %z = zext i32 %c
              ret %z
            """));
    }

    [Fact]
    public void ABranchOnAConstantBecomesABrAndItsValuesPropagate()
    {
        var f = Parse("""
            module t
            func @f(i32) -> i32 layer app {
            entry(%x: i32):
              %k = const i32 4
              %two = const i32 2
              %c = icmp sgt bool %k, %two
              condbr %c, yes(%k), no
            no:
              br join(%x)
            yes(%y: i32):
              %d = mul i32 %y, %two
              br join(%d)
            join(%r: i32):
              ret %r
            }
            """).Fn("f");
        var r = Sccp.Propagate(f);
        AssertVerifies(f);
        Assert.Equal(1, r.BranchesFolded);
        Assert.Equal(Opcode.Br, f.Entry.Terminator!.Opcode);
        // join is reached only from yes (no is now unreachable): its parameter is 8.
        var ret = f.Blocks[3].Terminator!;
        Assert.Equal(8, Assert.IsType<Instruction>(ret.Operands[0]).IntValue);
        Assert.Empty(f.Blocks[3].Parameters);
    }

    [Fact]
    public void AValueThatChangesAroundALoopIsNotConstant()
    {
        var f = Parse("""
            module t
            func @f(i32) -> i32 layer app {
            entry(%n: i32):
              %zero = const i32 0
              %one = const i32 1
              br head(%zero, %one)
            head(%i: i32, %k: i32):
              %c = icmp slt bool %i, %n
              condbr %c, body, exit
            body:
              %next = add i32 %i, %one
              %k2 = mul i32 %k, %one
              br head(%next, %k2)
            exit:
              %r = add i32 %i, %k
              ret %r
            }
            """).Fn("f");
        var r = Sccp.Propagate(f);
        AssertVerifies(f);
        // %k is 1 on every edge (1 * 1); %i is not constant.
        Assert.Equal(1, r.ParametersFolded);
        var head = f.Blocks[1];
        Assert.Single(head.Parameters);
        Assert.Equal(Opcode.CondBr, head.Terminator!.Opcode);
    }

    [Fact]
    public void ASwitchOnAConstantTakesItsCaseAndAnOverflowCheckOnFalseGoes()
    {
        var f = Parse("""
            module t
            func @f() -> i32 layer app {
            entry:
              %v = const i32 2
              %no = const bool 0
              overflowcheck %no
              switch %v, a, [1: b, 2: c]
            a:
              %ra = const i32 10
              ret %ra
            b:
              %rb = const i32 11
              ret %rb
            c:
              %rc = const i32 12
              ret %rc
            }
            """).Fn("f");
        var r = Sccp.Propagate(f);
        AssertVerifies(f);
        Assert.Equal((1, 1), (r.SwitchesFolded, r.OverflowChecksRemoved));
        Assert.Equal("br bb3", Printer.Print(f.Entry.Terminator!));
    }

    [Fact]
    public void FloatsAreLeftAlone()
    {
        var f = Parse("""
            module t
            func @f() -> f64 layer app {
            entry:
              %a = fconst f64 0.1
              %b = fconst f64 0.2
              %c = fadd f64 %a, %b
              ret %c
            }
            """).Fn("f");
        Assert.False(Sccp.Propagate(f).Changed);
        Assert.Equal(1, f.Count(Opcode.FAdd));
    }
}
