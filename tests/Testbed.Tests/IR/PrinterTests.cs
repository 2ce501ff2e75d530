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
        var smaller = f.AddBlock();
        var join = f.AddBlock();
        var result = join.AddParameter(IrType.I32);
        var b = new Builder(entry);
        var less = b.Compare(Predicate.SLt, a, c);
        b.CondBr(less, new BlockTarget(smaller), new BlockTarget(join, new Value[] { a }));
        new Builder(smaller).Br(join, new Value[] { c });
        new Builder(join).Ret(result);
        Assert.Empty(Verifier.Verify(f));

        Assert.Equal("""
            func @"Program::Max(System.Int32,System.Int32)"(i32, i32) -> i32 layer app {
            bb0(%0: i32, %1: i32):
              %2 = icmp slt bool %0, %1
              condbr %2, bb1, bb2(%0)
            bb1:
              br bb2(%1)
            bb2(%3: i32):
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
    public void PrintsWhatTheParserNeedsToRebuildTheModule()
    {
        var module = new Module("m");
        var baseClass = new ClassInfo("Base") { InstanceSize = 12, Layer = "app" };
        baseClass.Fields.Add(new FieldInfo("Base", "id", IrType.I32, 8));
        var derived = new ClassInfo("Derived") { InstanceSize = 16, Layer = "app" };
        derived.Fields.Add(baseClass.Fields[0]);
        derived.Fields.Add(new FieldInfo("Derived", "count", IrType.I32, 12));
        var str = new ClassInfo("System.String") { InstanceSize = 12, ComponentSize = 2, ElementType = IrType.I16 };
        module.Classes.AddRange(new[] { derived, baseClass, str });
        module.Globals.Add(new Global("empty", IrType.I8, "libos.drivers.serial") { InitialData = Array.Empty<byte>(), IsConstant = true });
        var f = new Function("f", IrType.Void, new[] { IrType.Ptr }, "app");
        module.Functions.Add(f);
        var entry = f.AddBlock();
        var p = entry.AddParameter(IrType.Ptr);
        var b = new Builder(entry);
        b.FieldAddr(p, new FieldInfo("Elsewhere", "cookie", IrType.I64, 24));
        b.WithClass(Opcode.NewString, IrType.Obj, str, b.ConstInt(IrType.I32, 3));
        b.ConstFloat(IrType.F64, BitConverter.UInt64BitsToDouble(0x7ff8000000000001));
        b.ConstFloat(IrType.F64, double.NaN);
        b.Ret(null);

        var text = Printer.Print(module);
        // A derived class lists its base's fields: their owner is kept.
        Assert.Contains("class Derived size 16 layer app {\n  i32 id @8 from Base\n  i32 count @12\n}\n", text);
        // A field that no struct or class of the module holds gets a line of its own.
        Assert.Contains("\nfield i64 cookie @24 from Elsewhere\n", text);
        Assert.Contains("global @empty : i8 layer libos.drivers.serial const data \"\"\n", text);
        Assert.Contains("  %3 = newstring obj \"System.String\", %2\n", text);
        Assert.Contains("  %4 = fconst f64 nan(0x7ff8000000000001)\n", text);
        Assert.Contains("  %5 = fconst f64 nan\n", text);
        Assert.Equal(text, Printer.Print(Parser.ParseModule(text)));
    }

    [Fact]
    public void InstructionsWithMissingPayloadsStillPrint()
    {
        // The verifier prints the instructions it rejects, so the printer must not trip over them.
        var f = new Function("f", IrType.Void, Array.Empty<IrType>(), "app");
        var b = new Builder(f.AddBlock());
        b.Emit(Opcode.Call, IrType.Void);
        b.Emit(Opcode.NewObject, IrType.Obj);
        b.Emit(Opcode.Switch, IrType.Void, b.ConstInt(IrType.I32, 0));
        Assert.Equal("call void", Printer.Print(f.Entry.Instructions[0]));
        Assert.Equal("%-1 = newobject obj", Printer.Print(f.Entry.Instructions[1]));
        Assert.Equal("switch %-1", Printer.Print(f.Entry.Instructions[3]));
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
