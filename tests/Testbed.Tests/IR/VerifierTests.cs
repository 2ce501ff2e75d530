using Testbed.IR;
using Xunit;

namespace Testbed.Tests.IR;

/// <summary>The verifier rejects broken IR and says exactly where and why.</summary>
public sealed class VerifierTests
{
    private static (Function F, Builder B) NewFunction(IrType returns, params IrType[] parameters)
    {
        var f = new Function("f", returns, parameters, "app");
        var entry = f.AddBlock();
        foreach (var p in parameters) entry.AddParameter(p);
        return (f, new Builder(entry));
    }

    [Fact]
    public void AWellFormedFunctionHasNoErrors()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32, IrType.I32);
        var sum = b.Binary(Opcode.Add, f.Entry.Parameters[0], f.Entry.Parameters[1]);
        var exit = f.AddBlock();
        var result = exit.AddParameter(IrType.I32);
        b.Br(exit, new Value[] { sum });
        new Builder(exit).Ret(result);
        Assert.Empty(Verifier.Verify(f));
    }

    [Fact]
    public void OnlyLoadsAndStoresCanBeVolatile()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I32);
        var sum = b.Binary(Opcode.Add, f.Entry.Parameters[0], f.Entry.Parameters[0]);
        sum.Volatile = true;
        b.Ret(sum);
        Assert.Contains(Verifier.Verify(f), e => e.Contains("only loads and stores can be volatile"));
        sum.Volatile = false;
        Assert.Empty(Verifier.Verify(f));
    }

    /// <summary>Issue 14: `const i8 300` and a switch with a case twice were accepted.</summary>
    [Theory]
    [InlineData("i8", 300, "300 does not fit i8")]
    [InlineData("i8", -129, "-129 does not fit i8")]
    [InlineData("i16", 65536, "65536 does not fit i16")]
    [InlineData("bool", 2, "2 does not fit bool")]
    [InlineData("i8", 255, null)]       // the unsigned reading of -1
    [InlineData("i8", -128, null)]
    [InlineData("i32", 4294967295, null)]
    [InlineData("i64", long.MinValue, null)]
    public void AnIntegerConstantMustFitItsType(string typeName, long value, string? error)
    {
        var type = IrType.Primitives.Single(t => t.Name == typeName);
        var (f, b) = NewFunction(IrType.Void);
        b.ConstInt(type, value);
        b.Ret(null);
        var errors = Verifier.Verify(f);
        if (error == null) Assert.Empty(errors);
        else Assert.EndsWith(error, Assert.Single(errors));
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 1 }, "case 1 appears twice")]
    [InlineData(new long[] { 255, -1 }, "case -1 appears twice")]   // one i8 value, written both ways
    [InlineData(new long[] { 1, 256 }, "case 256 does not fit i8")]
    [InlineData(new long[] { -128, 127, 200 }, null)]
    public void SwitchCasesAreDistinctValuesOfTheOperandsType(long[] cases, string? error)
    {
        var (f, b) = NewFunction(IrType.Void, IrType.I8);
        var sw = b.Emit(Opcode.Switch, IrType.Void, f.Entry.Parameters[0]);
        var exit = f.AddBlock();
        new Builder(exit).Ret(null);
        sw.Targets.Add(new BlockTarget(exit));
        foreach (var c in cases)
        {
            sw.Targets.Add(new BlockTarget(exit));
            sw.CaseValues.Add(c);
        }
        var errors = Verifier.Verify(f);
        if (error == null) Assert.Empty(errors);
        else Assert.EndsWith(error, Assert.Single(errors));
    }

    [Fact]
    public void AMissingTerminatorIsReportedWithFunctionAndBlock()
    {
        var (f, b) = NewFunction(IrType.I32);
        b.ConstInt(IrType.I32, 1);
        Assert.Equal("@f, bb0: block does not end with a terminator", Assert.Single(Verifier.Verify(f)));
    }

    [Fact]
    public void MismatchedOperandTypesNameTheInstructionAndBothTypes()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.I64, IrType.I32);
        var bad = b.Emit(Opcode.Add, IrType.I32, f.Entry.Parameters[0], f.Entry.Parameters[1]);
        b.Ret(bad);
        Assert.Equal("@f, bb0, '%2 = add i32 %0, %1': operands are i64 and i32, expected i32", Assert.Single(Verifier.Verify(f)));
    }

    [Fact]
    public void AUseThatIsNotDominatedByItsDefinitionIsRejected()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.Bool);
        var left = f.AddBlock();
        var right = f.AddBlock();
        var join = f.AddBlock();
        b.CondBr(f.Entry.Parameters[0], new BlockTarget(left), new BlockTarget(right));
        var lb = new Builder(left);
        var onlyOnTheLeft = lb.ConstInt(IrType.I32, 7);
        lb.Br(join);
        new Builder(right).Br(join);
        new Builder(join).Ret(onlyOnTheLeft);
        var error = Assert.Single(Verifier.Verify(f));
        Assert.Equal("@f, bb3, 'ret %1': operand %1 does not dominate this use", error);
    }

    [Fact]
    public void BranchArgumentsMustMatchTheTargetParameters()
    {
        var (f, b) = NewFunction(IrType.Void, IrType.I64);
        var target = f.AddBlock();
        target.AddParameter(IrType.I32);
        b.Br(target, new Value[] { f.Entry.Parameters[0] });
        new Builder(target).Ret(null);
        Assert.Equal("@f, bb0, 'br bb1(%0)': argument 0 to bb1 is i64, the parameter is i32", Assert.Single(Verifier.Verify(f)));

        var (g, gb) = NewFunction(IrType.Void);
        var two = g.AddBlock();
        two.AddParameter(IrType.I32);
        gb.Br(two);
        new Builder(two).Ret(null);
        Assert.Equal("@f, bb0, 'br bb1': bb1 takes 1 arguments, the branch passes 0", Assert.Single(Verifier.Verify(g)));
    }

    [Fact]
    public void CallsAreCheckedAgainstTheCalleeSignature()
    {
        var callee = new Function("g", IrType.I32, new[] { IrType.I32 }, "corlib");
        var (f, b) = NewFunction(IrType.I32, IrType.F64);
        var call = b.Emit(Opcode.Call, IrType.I32, f.Entry.Parameters[0]);
        call.Callee = callee;
        b.Ret(call);
        Assert.Equal("@f, bb0, '%1 = call i32 @g, %0': argument 0 is f64, @g expects i32", Assert.Single(Verifier.Verify(f)));
    }

    [Fact]
    public void ReturnTypeAndBranchesToTheEntryAreChecked()
    {
        var (f, b) = NewFunction(IrType.I32);
        b.Ret(b.ConstInt(IrType.I64, 0));
        Assert.Contains("returns i64, the function returns i32", Assert.Single(Verifier.Verify(f)));

        var (g, gb) = NewFunction(IrType.Void);
        gb.Br(g.Entry);
        Assert.Equal("@f, bb0, 'br bb0': branch to the entry block", Assert.Single(Verifier.Verify(g)));
    }

    [Fact]
    public void TwoEdgesIntoOneBlockMustAgreeOnTheirArguments()
    {
        var (f, b) = NewFunction(IrType.I32, IrType.Bool, IrType.I32, IrType.I32);
        var join = f.AddBlock();
        var p = join.AddParameter(IrType.I32);
        b.CondBr(f.Entry.Parameters[0], new BlockTarget(join, new Value[] { f.Entry.Parameters[1] }), new BlockTarget(join, new Value[] { f.Entry.Parameters[2] }));
        new Builder(join).Ret(p);
        Assert.Equal("@f, bb0, 'condbr %0, bb1(%1), bb1(%2)': two edges into bb1 pass different arguments", Assert.Single(Verifier.Verify(f)));
    }
}
