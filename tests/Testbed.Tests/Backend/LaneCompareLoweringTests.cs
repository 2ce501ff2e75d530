using Testbed.Backend.Llvm;
using Testbed.Backend.Lowering;
using Testbed.IR;
using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>
/// The 16-byte compares behind the core library's vectorised searches, as LLVM receives them: an
/// unaligned vector load, an equality compare (with a splat of the scalar), and the i1 vector
/// bitcast to an integer mask, the shape LLVM's x86 backend turns into pcmpeq and pmovmskb.
/// </summary>
public sealed class LaneCompareLoweringTests
{
    private static string Lower(string intrinsic, string parameters, string operands)
    {
        var ir = $"module m\n\nfunc @f({parameters}) -> i32 layer corlib {{\nbb0({operands}):\n  %m = intrinsic {intrinsic} i32 %a, %b\n  ret %m\n}}\n";
        var module = Parser.ParseModule(ir, "lanes.tbir");
        Assert.Empty(Verifier.Verify(module));
        using var context = new LlvmContext();
        using var llvm = context.CreateModule("lanes");
        ModuleLowering.Lower(module, llvm, new LoweringOptions(Array.Empty<string>()));
        Assert.Null(llvm.Verify());
        return llvm.Print();
    }

    [Fact]
    public void MatchBytesComparesSixteenBytesWithASplat()
    {
        var text = Lower("matchbytes16", "ptr, i8", "%a: ptr, %b: i8");
        Assert.Contains("load <16 x i8>, ptr %", text);
        Assert.Contains("align 1", text);
        Assert.Contains("insertelement <16 x i8> poison, i8 %", text);
        Assert.Contains("shufflevector <16 x i8>", text);
        Assert.Contains("icmp eq <16 x i8>", text);
        Assert.Contains("bitcast <16 x i1> %", text);
        Assert.Contains("to i16", text);
        Assert.Contains("zext i16", text);
    }

    [Fact]
    public void MatchCharsComparesEightChars()
    {
        var text = Lower("matchchars8", "ptr, i16", "%a: ptr, %b: i16");
        Assert.Contains("load <8 x i16>, ptr %", text);
        Assert.Contains("icmp eq <8 x i16>", text);
        Assert.Contains("bitcast <8 x i1> %", text);
        Assert.Contains("zext i8", text);
    }

    [Fact]
    public void EqualBytesComparesTwoLoads()
    {
        var text = Lower("equalbytes16", "ptr, ptr", "%a: ptr, %b: ptr");
        Assert.Equal(2, text.Split("load <16 x i8>, ptr %").Length - 1);
        Assert.Contains("icmp eq <16 x i8>", text);
        Assert.DoesNotContain("shufflevector", text);
    }
}
