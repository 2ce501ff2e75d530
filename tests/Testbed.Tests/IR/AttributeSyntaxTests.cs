using Testbed.IR;
using Xunit;

namespace Testbed.Tests.IR;

/// <summary>Memory effects and parameter attributes in function headers: printed as LLVM spells them, read back, checked.</summary>
public sealed class AttributeSyntaxTests
{
    private const string Attributed = """
        module attributed

        struct %Span size 16 align 8 {
          ptr p @0
          i32 n @8
        }

        func @f(ptr nocapture readonly, i32, %Span nocapture) -> i32 layer app noinline memory(argmem: read) {
        bb0(%0: ptr, %1: i32, %2: %Span):
          %3 = load i32 %0
          ret %3
        }

        func @g(obj nocapture noalias readonly) -> void layer app memory(read, argmem: readwrite) {
        bb0(%0: obj):
          ret
        }

        func @h() -> void layer app memory(write, argmem: none) {
        bb0:
          ret
        }

        declare @ext(ptr nocapture) -> void layer app import ext memory(none)

        """;

    [Fact]
    public void AttributesReadBackAndPrintTheSame()
    {
        var text = Attributed.ReplaceLineEndings("\n");
        var module = Parser.ParseModule(text, "a.tbir");
        Assert.Empty(Verifier.Verify(module));
        Assert.Equal(text, Printer.Print(module));

        var f = module.FindFunction("f")!;
        Assert.Equal(new MemoryEffects(ModRef.Read, ModRef.None), f.Memory);
        Assert.Equal(ParameterAttributes.NoCapture | ParameterAttributes.ReadOnly, f.ParameterAttributes(0));
        Assert.Equal(ParameterAttributes.None, f.ParameterAttributes(1));
        Assert.Equal(ParameterAttributes.NoCapture, f.ParameterAttributes(2));
        Assert.Equal(FunctionFlags.NoInline, f.Flags);
        Assert.Equal(new MemoryEffects(ModRef.ReadWrite, ModRef.Read), module.FindFunction("g")!.Memory);
        Assert.Equal(ParameterAttributes.NoCapture | ParameterAttributes.NoAlias | ParameterAttributes.ReadOnly, module.FindFunction("g")!.ParameterAttributes(0));
        Assert.Equal(new MemoryEffects(ModRef.None, ModRef.Write), module.FindFunction("h")!.Memory);
        Assert.True(module.FindFunction("ext")!.Memory.DoesNotAccessMemory);
    }

    [Fact]
    public void WithoutAttributesAFunctionIsUnknownAndPrintsAsBefore()
    {
        const string text = "module m\n\nfunc @f(ptr) -> void layer app {\nbb0(%0: ptr):\n  ret\n}\n";
        var module = Parser.ParseModule(text);
        Assert.True(module.Functions[0].Memory.IsUnknown);
        Assert.Equal(ParameterAttributes.None, module.Functions[0].ParameterAttributes(0));
        Assert.Equal(text, Printer.Print(module));
    }

    [Theory]
    [InlineData("memory(none)", ModRef.None, ModRef.None)]
    [InlineData("memory(read)", ModRef.Read, ModRef.Read)]
    [InlineData("memory(readwrite)", ModRef.ReadWrite, ModRef.ReadWrite)]
    [InlineData("memory(argmem: write)", ModRef.Write, ModRef.None)]
    [InlineData("memory(none, argmem: write)", ModRef.Write, ModRef.None)]
    [InlineData("memory(read, argmem: read)", ModRef.Read, ModRef.Read)]
    [InlineData("memory(write, argmem: read)", ModRef.Read, ModRef.Write)]
    public void EverySpellingOfTheMemoryAttributeIsRead(string attribute, ModRef argmem, ModRef other)
    {
        var module = Parser.ParseModule($"module m\ndeclare @f(ptr) -> void layer app {attribute}\n");
        Assert.Equal(new MemoryEffects(argmem, other), module.Functions[0].Memory);
        // The canonical form reads back as the same effects.
        var again = Parser.ParseModule(Printer.Print(module));
        Assert.Equal(module.Functions[0].Memory, again.Functions[0].Memory);
    }

    [Fact]
    public void TheTextOfEachEffectIsLlvmsSpelling()
    {
        Assert.Equal("memory(none)", MemoryEffects.None.Text());
        Assert.Equal("memory(read)", MemoryEffects.ReadOnly.Text());
        Assert.Equal("memory(argmem: readwrite)", new MemoryEffects(ModRef.ReadWrite, ModRef.None).Text());
        Assert.Equal("memory(read, argmem: readwrite)", new MemoryEffects(ModRef.ReadWrite, ModRef.Read).Text());
        Assert.Equal("", MemoryEffects.Unknown.Text());
    }

    public static TheoryData<string, string, string> Errors() => new()
    {
        { "module m\ndeclare @f() -> void layer app memory(inaccessiblemem: read)\n", "t.tbir:2:39",
            "expected 'argmem: ACCESS', found 'inaccessiblemem' (the IR tells apart argmem and all other memory only)" },
        { "module m\ndeclare @f() -> void layer app memory(some)\n", "t.tbir:2:39", "expected an access (none, read, write or readwrite), found 'some'" },
        { "module m\ndeclare @f() -> void layer app memory(read\n", "t.tbir:2:43", "expected ')' to close the memory attribute opened at 2:32, found the end of the line" },
        { "module m\ndeclare @f(ptr nocapture nocapture) -> void layer app\n", "t.tbir:2:26", "'nocapture' is given twice for this parameter" },
        { "module m\ndeclare @f(ptr nocature) -> void layer app\n", "t.tbir:2:16", "expected ')', found 'nocature'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void BadAttributesAreATB4001AtTheExactPlace(string text, string location, string message)
    {
        var e = Assert.Throws<DiagnosticException>(() => Parser.ParseModule(text, "t.tbir"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("TB4001", location, message), (d.Code, d.Location, d.Message));
    }

    [Fact]
    public void TheVerifierRefusesParameterAttributesOnATypeWithoutPointers()
    {
        var module = Parser.ParseModule("module m\ndeclare @f(i32 nocapture, ptr nocapture) -> void layer app\n");
        Assert.Equal(new[] { "@f: parameter 0 is i32, which holds no pointer, but has nocapture" }, Verifier.Verify(module));
    }

    [Fact]
    public void AnyPrefixOrSingleCharacterChangeParsesOrGivesADiagnostic()
    {
        ParserTests.CutAndCorruptEverywhere(Attributed, "%@\"(),:-0123456789abmnorwz \n", seed: 4002);
    }
}
