using Testbed.Backend.Llvm;
using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Backend;

public sealed class LlvmBindingTests
{
    private const string AddIr = """
        define i32 @add() {
          %a = alloca i32
          store i32 2, ptr %a
          %v = load i32, ptr %a
          %r = add i32 %v, 3
          ret i32 %r
        }
        """;

    [Fact]
    public void RunsTheDefaultO2Pipeline()
    {
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = Target.Linux.CreateTargetMachine();
        using LlvmModule module = context.ParseIR(AddIr);
        module.ConfigureFor(machine);

        module.RunPasses("default<O2>", machine, verifyEach: true);

        Assert.Contains("ret i32 5", module.Print());
        Assert.DoesNotContain("alloca", module.Print());
    }

    [Theory]
    [InlineData("O2")]
    [InlineData("function(no-such-pass)")]
    public void RejectsABadPipelineWithAMessage(string pipeline)
    {
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = Target.Linux.CreateTargetMachine();
        using LlvmModule module = context.ParseIR(AddIr);

        string? error = module.TryRunPasses(pipeline, machine);

        Assert.NotNull(error);
        Assert.Contains(pipeline, error);
        var thrown = Assert.Throws<LlvmException>(() => module.RunPasses(pipeline, machine));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void VerifyReportsABlockWithoutTerminator()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("broken");
        using LlvmBuilder builder = context.CreateBuilder();
        LLVMValueRef function = LLVM.AddFunction(module, "f", LLVM.FunctionType(context.Int32, []));
        builder.PositionAtEnd(LLVM.AppendBasicBlockInContext(context, function, "entry"));
        LLVM.BuildAdd(builder, LLVM.ConstInt(context.Int32, 1, false), LLVM.ConstInt(context.Int32, 2, false), "x");

        string? error = module.Verify();

        Assert.NotNull(error);
        Assert.Contains("terminator", error);
    }

    [Fact]
    public void VerifyAcceptsAValidModule()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.ParseIR(AddIr);
        Assert.Null(module.Verify());
    }

    [Fact]
    public void ParseErrorsComeBackAsText()
    {
        using var context = new LlvmContext();
        string? error = context.TryParseIR("define i32 @f( {"u8, "bad.ll", out LlvmModule? module);
        Assert.Null(module);
        Assert.NotNull(error);
        Assert.Contains("bad.ll", error);
    }

    [Fact]
    public void AnswersLayoutQuestionsForTheTarget()
    {
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = Target.Pvh.CreateTargetMachine();
        using LlvmTargetData layout = machine.CreateTargetData();
        LLVMTypeRef pair = LLVM.StructTypeInContext(context, [context.Int8, context.Int64]);

        Assert.Equal(16UL, layout.AbiSize(pair));
        Assert.Equal(8UL, layout.OffsetOfElement(pair, 1));
        Assert.Equal(8u, layout.AbiAlignment(context.Int64));
        Assert.Equal(64UL, layout.SizeInBits(context.Ptr));
        Assert.StartsWith("e-m:e", machine.DataLayout);
    }

    [Fact]
    public void BuildsEveryKindOfInstructionTheLoweringNeeds()
    {
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = Target.Linux.CreateTargetMachine();
        using LlvmModule module = context.CreateModule("instructions");
        module.ConfigureFor(machine);
        using LlvmBuilder b = context.CreateBuilder();
        LLVMTypeRef i32 = context.Int32, i64 = context.Int64, f64 = context.Double;
        LLVMTypeRef node = LLVM.StructCreateNamed(context, "Node");
        LLVM.StructSetBody(node, [i32, context.Ptr]);
        LLVMValueRef function = LLVM.AddFunction(module, "everything", LLVM.FunctionType(i64, [i32, f64, context.Ptr]));
        LLVM.SetLinkage(function, LLVMLinkage.External);
        LLVMValueRef x = LLVM.GetParam(function, 0), d = LLVM.GetParam(function, 1), p = LLVM.GetParam(function, 2);
        LLVMBasicBlockRef entry = LLVM.AppendBasicBlockInContext(context, function, "entry");
        LLVMBasicBlockRef one = LLVM.AppendBasicBlockInContext(context, function, "one");
        LLVMBasicBlockRef other = LLVM.AppendBasicBlockInContext(context, function, "other");
        LLVMBasicBlockRef join = LLVM.AppendBasicBlockInContext(context, function, "join");

        b.PositionAtEnd(entry);
        LLVMValueRef c5 = LLVM.ConstInt(i32, 5, false);
        LLVMValueRef shifted = LLVM.BuildAShr(b, LLVM.BuildLShr(b, LLVM.BuildShl(b, x, c5), c5), c5, "shifted");
        LLVMValueRef notted = LLVM.BuildNot(b, LLVM.BuildNeg(b, shifted));
        LLVMValueRef remainder = LLVM.BuildFRem(b, LLVM.BuildFNeg(b, d), LLVM.ConstReal(f64, 2.5), "rem");
        LLVMValueRef less = LLVM.BuildFCmp(b, LLVMRealPredicate.OLT, remainder, LLVM.ConstReal(f64, 0), "less");
        LLVMValueRef chosen = LLVM.BuildSelect(b, less, notted, x, "chosen");
        LLVMValueRef wide = LLVM.BuildCast(b, LLVMOpcode.SExt, chosen, i64, "wide");
        LLVMValueRef slot = LLVM.BuildAlloca(b, node, "slot");
        LLVMValueRef field = LLVM.BuildStructGEP2(b, node, slot, 0, "field");
        LLVMValueRef store = LLVM.BuildStore(b, x, field);
        LLVM.SetVolatile(store, true);
        LLVM.BuildMemSet(b, p, LLVM.ConstInt(context.Int8, 0, false), LLVM.ConstInt(i64, 16, false), 1);
        LLVM.BuildMemCpy(b, p, 1, slot, 8, LLVM.ConstInt(i64, 16, false));
        LLVMValueRef aggregate = LLVM.BuildInsertValue(b, LLVM.GetUndef(node), x, 0, "agg");
        LLVMValueRef extracted = LLVM.BuildExtractValue(b, aggregate, 0, "extracted");
        uint overflowId = LLVM.LookupIntrinsicID("llvm.sadd.with.overflow");
        Assert.NotEqual(0u, overflowId);
        LLVMValueRef overflow = LLVM.GetIntrinsicDeclaration(module, overflowId, [i32]);
        LLVMValueRef sum = LLVM.BuildCall2(b, LLVM.IntrinsicGetType(context, overflowId, [i32]), overflow, [extracted, c5], "sum");
        LLVMValueRef value = LLVM.BuildExtractValue(b, sum, 0, "value");
        LLVMValueRef @switch = LLVM.BuildSwitch(b, value, other, 1);
        LLVM.AddCase(@switch, LLVM.ConstInt(i32, 1, false), one);

        b.PositionAtEnd(one);
        LLVMValueRef element = LLVM.BuildGEP2(b, i32, p, [LLVM.ConstInt(i64, 3, false)], "element");
        LLVMValueRef loaded = LLVM.BuildLoad2(b, i32, element, "loaded");
        LLVMValueRef asDouble = LLVM.BuildCast(b, LLVMOpcode.SIToFP, loaded, f64, "as.double");
        LLVMValueRef back = LLVM.BuildCast(b, LLVMOpcode.FPToSI, asDouble, i64, "back");
        LLVM.BuildBr(b, join);

        b.PositionAtEnd(other);
        LLVMValueRef isZero = LLVM.BuildICmp(b, LLVMIntPredicate.EQ, value, LLVM.ConstInt(i32, 0, false), "is.zero");
        LLVMValueRef zext = LLVM.BuildCast(b, LLVMOpcode.ZExt, isZero, i64, "zext");
        LLVMBasicBlockRef exit = LLVM.AppendBasicBlockInContext(context, function, "exit");
        LLVM.BuildCondBr(b, isZero, join, exit);

        b.PositionAtEnd(join);
        LLVMValueRef phi = LLVM.BuildPhi(b, i64, "result");
        LLVM.AddIncoming(phi, [back, zext], [one, other]);
        LLVM.BuildRet(b, LLVM.BuildAdd(b, phi, wide, "total"));

        b.PositionAtEnd(exit);
        LLVM.BuildUnreachable(b);

        Assert.True(b.InsertBlockIsTerminated);
        Assert.Null(module.Verify());
        string ir = module.Print();
        foreach (string expected in new[] { "shl", "lshr", "ashr", "frem", "fneg", "fcmp olt", "select", "sext", "store volatile",
                     "llvm.memset", "llvm.memcpy", "insertvalue", "@llvm.sadd.with.overflow.i32", "switch", "sitofp", "fptosi", "phi" })
            Assert.Contains(expected, ir);
        byte[] elf = module.EmitObjectToBytes(machine);
        Assert.Equal("\x7F" + "ELF", System.Text.Encoding.ASCII.GetString(elf, 0, 4));
    }

    [Fact]
    public void InvalidInlineAsmIsAnErrorNotAnExit()
    {
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = Target.Linux.CreateTargetMachine();
        using LlvmModule module = context.ParseIR("""
            define void @f() {
              call void asm sideeffect "not_an_instruction %eax", ""()
              ret void
            }
            """);
        module.ConfigureFor(machine);

        var error = Assert.Throws<LlvmException>(() => module.EmitObjectToBytes(machine));
        Assert.Contains("not_an_instruction", error.Message);
    }

    [Fact]
    public void ModuleAsmRoundTripsThroughTheModule()
    {
        using var context = new LlvmContext();
        using LlvmModule module = context.CreateModule("asm");
        module.AppendInlineAsm(Target.Linux.ModuleAsm);
        Assert.Contains("call tb_linux_start", LLVM.GetModuleInlineAsm(module));
    }
}
