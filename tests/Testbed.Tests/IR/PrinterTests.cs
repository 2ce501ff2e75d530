using Testbed.IR;
using Xunit;

namespace Testbed.Tests.IR;

/// <summary>The textual form: one line per instruction, block parameters on the block label.</summary>
public sealed class PrinterTests
{
    [Fact]
    public void PrintsBlocksParametersAndInstructions()
    {
        var f = new Function("Program::Max(System.Int32,System.Int32)", IrType.I32, new[] { IrType.I32, IrType.I32 }, "app");
        var entry = f.AddBlock();
        var a = entry.AddParameter(IrType.I32);
        var c = entry.AddParameter(IrType.I32);
        var join = f.AddBlock();
        var result = join.AddParameter(IrType.I32);
        var b = new Builder(entry);
        var less = b.Compare(Predicate.SLt, a, c);
        b.CondBr(less, new BlockTarget(join, new Value[] { c }), new BlockTarget(join, new Value[] { a }));
        new Builder(join).Ret(result);

        Assert.Equal("""
            func @"Program::Max(System.Int32,System.Int32)"(i32, i32) -> i32 layer app {
            bb0(%0: i32, %1: i32):
              %2 = icmp slt bool %0, %1
              condbr %2, bb1(%1), bb1(%0)
            bb1(%3: i32):
              ret %3
            }

            """.ReplaceLineEndings("\n"), Printer.Print(f));
    }

    [Fact]
    public void PrintsPayloadsOfMemoryObjectAndConstantInstructions()
    {
        var module = new Module("m");
        var g = new Global("Program::counter", IrType.I64, "app");
        module.Globals.Add(g);
        var f = new Function("f", IrType.Void, Array.Empty<IrType>(), "app") { ExportName = "tb_f" };
        module.Functions.Add(f);
        var b = new Builder(f.AddBlock());
        var slot = b.Alloca(IrType.F64);
        b.Store(b.ConstFloat(IrType.F64, 0.1), slot);
        b.Store(b.ConstFloat(IrType.F64, double.NegativeInfinity), slot);
        var address = b.GlobalAddr(g);
        b.Store(b.ConstInt(IrType.I64, -5), address);
        b.StringLiteral("a \"quoted\"\nline é");
        b.Intrinsic(IntrinsicKind.OutByte, IrType.Void, b.ConstInt(IrType.I16, 0x3f8), b.ConstInt(IrType.I8, 65));
        b.Ret(null);

        var text = Printer.Print(module);
        Assert.Contains("global @\"Program::counter\" : i64 layer app\n", text);
        Assert.Contains("func @f() -> void layer app export tb_f {\n", text);
        Assert.Contains("  %0 = alloca ptr f64\n", text);
        Assert.Contains("  %1 = fconst f64 0.1\n", text);
        Assert.Contains("  %2 = fconst f64 -inf\n", text);
        Assert.Contains("  %3 = globaladdr ptr @\"Program::counter\"\n", text);
        Assert.Contains("  %4 = const i64 -5\n", text);
        Assert.Contains("  %5 = string obj \"a \\\"quoted\\\"\\nline \\u00e9\"\n", text);
        Assert.Contains("  intrinsic outbyte void %6, %7\n", text);
    }

    [Fact]
    public void FloatsPrintSoThatTheyReadBackExactly()
    {
        foreach (var d in new[] { 0.1, 1.0 / 3, 1e300, -0.0, 5e-324, 123456789.0 })
        {
            var text = Printer.FormatFloat(d);
            var back = text == "-0.0" ? -0.0 : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(back));
        }
    }
}
