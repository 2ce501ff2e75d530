using System.Text.RegularExpressions;
using Testbed.Backend.Llvm;
using Testbed.Backend.Lowering;
using Testbed.IR;
using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>The IR's memory effects and parameter attributes, as LLVM 19 receives them.</summary>
public sealed class FunctionAttributesLoweringTests
{
    private static string Lower(string ir)
    {
        var module = Parser.ParseModule(ir, "attrs.tbir");
        Assert.Empty(Verifier.Verify(module));
        using var context = new LlvmContext();
        using var llvm = context.CreateModule("attrs");
        ModuleLowering.Lower(module, llvm, new LoweringOptions(Array.Empty<string>()));
        Assert.Null(llvm.Verify());
        return llvm.Print();
    }

    public static TheoryData<ModRef, ModRef> EveryEffect()
    {
        var data = new TheoryData<ModRef, ModRef>();
        foreach (var argmem in Enum.GetValues<ModRef>())
            foreach (var other in Enum.GetValues<ModRef>())
                if (new MemoryEffects(argmem, other) != MemoryEffects.Unknown) data.Add(argmem, other);
        return data;
    }

    /// <summary>
    /// LLVM decodes the integer the backend computes and prints it in its own syntax, which the IR
    /// copies: the same text on both sides shows the encoding (2 bits per location, argmem at 0,
    /// inaccessiblemem at 2, other at 4) is LLVM's.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryEffect))]
    public void LlvmPrintsTheMemoryAttributeAsTheIrDoes(ModRef argmem, ModRef other)
    {
        var effects = new MemoryEffects(argmem, other);
        var text = Lower($"module m\n\nfunc @f(ptr) -> void layer app {effects.Text()} {{\nbb0(%0: ptr):\n  ret\n}}\n");
        var printed = Regex.Matches(text, @"memory\([^)]*\)").Select(m => m.Value).Distinct().ToList();
        Assert.Equal(new[] { effects.Text() }, printed);
    }

    [Fact]
    public void UnknownEffectsAddNoAttribute()
    {
        var text = Lower("module m\n\nfunc @f(ptr) -> void layer app {\nbb0(%0: ptr):\n  ret\n}\n");
        Assert.DoesNotContain("memory(", text);
        Assert.DoesNotContain("nocapture", text);
    }

    /// <summary>A claim the backend knows to be false (the function may throw, so it writes the pending exception) is dropped.</summary>
    [Fact]
    public void NoMemoryAttributeOnAFunctionThatMayThrow()
    {
        var text = Lower("module m\n\nfunc @f(obj nocapture) -> void layer app memory(none) {\nbb0(%0: obj):\n  nullcheck %0\n  ret\n}\n");
        Assert.DoesNotContain("memory(", text);
        Assert.Contains("ptr nocapture %0", text);
    }

    [Fact]
    public void PointerParametersGetTheirAttributesAndOthersNone()
    {
        var text = Lower("""
            module m

            struct %Span size 16 align 8 {
              ptr p @0
              i32 n @8
            }

            func @f(ptr nocapture readonly, i32, obj nocapture noalias, %Span nocapture readonly) -> i32 layer app memory(argmem: read) {
            bb0(%0: ptr, %1: i32, %2: obj, %3: %Span):
              %4 = load i32 %0
              ret %4
            }

            declare @ext(ptr nocapture) -> void layer app import ext memory(argmem: write)

            """);
        Assert.Contains("define internal i32 @f(ptr nocapture readonly %0, i32 %1, ptr noalias nocapture %2, %Span %3)", text);
        Assert.Contains("declare void @ext(ptr nocapture)", text);
        Assert.Contains("memory(argmem: write)", text);
    }
}
