using Testbed.Backend.Llvm;
using Testbed.Backend.Lowering;
using Testbed.Backend.Targets;
using Testbed.IR;
using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>
/// The bit-count intrinsics as LLVM receives them and as x86-64 runs them: llvm.cttz/ctlz with a
/// defined result for zero (.NET's BitOperations counts the width), llvm.ctpop, and a truncation
/// where the operand is i64; on the SSE2 baseline one bsf/bsr each, not a sequence of compares.
/// </summary>
public sealed class BitCountLoweringTests
{
    private static (string Ir, string Asm) Lower(string intrinsic, string width)
    {
        var ir = $"module m\n\nfunc @f({width}) -> i32 layer corlib export f {{\nbb0(%a: {width}):\n  %n = intrinsic {intrinsic} i32 %a\n  ret %n\n}}\n";
        var module = Parser.ParseModule(ir, "bits.tbir");
        Assert.Empty(Verifier.Verify(module));
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = Target.Linux.CreateTargetMachine(LLVMCodeGenOptLevel.Default);
        using var llvm = context.CreateModule("bits");
        Target.Linux.PrepareModule(llvm, machine);
        ModuleLowering.Lower(module, llvm, new LoweringOptions(Array.Empty<string>()));
        Assert.Null(llvm.Verify());
        string lowered = llvm.Print();
        llvm.RunPasses("default<O2>", machine);
        string path = Path.Combine(Path.GetTempPath(), $"testbed-bits-{Guid.NewGuid():N}.s");
        try
        {
            Assert.Null(LLVM.TargetMachineEmitToFile(machine, llvm, path, LLVMCodeGenFileType.Assembly));
            return (lowered, File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("counttrailingzeros", "i32", "llvm.cttz.i32", "bsf")]
    [InlineData("counttrailingzeros", "i64", "llvm.cttz.i64", "bsf")]
    [InlineData("countleadingzeros", "i32", "llvm.ctlz.i32", "bsr")]
    [InlineData("countleadingzeros", "i64", "llvm.ctlz.i64", "bsr")]
    public void CountsAreOneInstructionWithZeroDefined(string intrinsic, string width, string llvmName, string instruction)
    {
        var (ir, asm) = Lower(intrinsic, width);
        Assert.Contains($"call {width} @{llvmName}({width} %", ir);
        Assert.Contains("i1 false)", ir);
        if (width == "i64") Assert.Contains("trunc i64", ir);
        string body = FunctionBody(asm, "f");
        Assert.Contains(instruction, body);
        Assert.DoesNotContain("call", body);
        Assert.DoesNotContain("cmp", body);
    }

    /// <summary>From the function's label to the end of its code.</summary>
    private static string FunctionBody(string asm, string name)
    {
        int start = asm.IndexOf($"\n{name}:", StringComparison.Ordinal);
        Assert.True(start >= 0, asm);
        int end = asm.IndexOf(".Lfunc_end", start, StringComparison.Ordinal);
        return asm[start..end];
    }

    [Theory]
    [InlineData("i32")]
    [InlineData("i64")]
    public void PopCountIsCtpop(string width)
    {
        var (ir, _) = Lower("popcount", width);
        Assert.Contains($"call {width} @llvm.ctpop.{width}({width} %", ir);
    }
}
