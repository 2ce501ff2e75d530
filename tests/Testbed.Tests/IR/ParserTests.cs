using Testbed.IR;
using Xunit;

namespace Testbed.Tests.IR;

/// <summary>The parser: hand-written modules read back with every payload, and TB4001 at the exact place for bad input.</summary>
public sealed class ParserTests
{
    /// <summary>Written by hand: names of any kind, blocks out of order, forward references, comments.</summary>
    private const string HandWritten = """
        ; RUN: testbed-opt %s | FileCheck %s
        module demo

        struct %Point size 8 align 4 {
          i32 X @0
          i32 Y @4
        }

        class Circle size 24 layer app {
          i32 id @8 from Shape      ; the base class's field, listed by the derived class
          f64 radius @16
        }

        class Shape size 16 layer app cctor @"Shape::.cctor()" flag @"Shape::<initialized>" {
          i32 id @8
        }

        class "System.Int32[]" size 16 component i32 4 layer corlib {
        }

        field i64 cookie @24 from Elsewhere

        global @"Shape::<initialized>" : i8 layer app
        global @table : i8 layer app const data 0a0bff
        global @"Shape::count" : i32 layer app

        func @main() -> i32 layer app export tb_app_main noinline {
        start:
          %p = alloca ptr %Point
          %x = fieldaddr ptr %p, "Point::X"    ; trailing comment
          %c = newobject obj "Circle"
          %r = fieldaddr ptr %c, "Circle::radius"
          %k = fieldaddr ptr %c, "Elsewhere::cookie"
          %h = fconst f64 -0.0
          store %h, %r
          %n = const i32 3
          store %n, %x
          %v = load i32 %x
          br loop(%v)
        exit:
          %s = string obj "tab\there \"q\" \u00e9"
          switch %v, out, [1: out, -3: out]
        loop(%i: i32):
          %zero = const i32 0
          %done = icmp sle bool %i, %zero
          condbr %done, exit, body
        body:
          call void @putchar, %i
          %one = const i32 1
          %next = sub i32 %i, %one
          br loop(%next)
        out:
          ret %v
        }

        declare @putchar(i32) -> void layer corlib import tb_putchar

        func @"Shape::.cctor()"() -> void layer app {
        bb7:
          %9 = globaladdr ptr @"Shape::count"
          %8 = fconst f32 nan(0x7ff8000000000001)
          %7 = const i32 1
          store %7, %9
          ret
        }

        entry @main
        """;

    /// <summary>What the printer makes of it: dense numbers, blocks in label order, comments gone.</summary>
    private const string Canonical = """
        module demo

        struct %Point size 8 align 4 {
          i32 X @0
          i32 Y @4
        }

        class Circle size 24 layer app {
          i32 id @8 from Shape
          f64 radius @16
        }

        class Shape size 16 layer app cctor @"Shape::.cctor()" flag @"Shape::<initialized>" {
          i32 id @8
        }

        class "System.Int32[]" size 16 component i32 4 layer corlib {
        }

        field i64 cookie @24 from Elsewhere

        global @"Shape::<initialized>" : i8 layer app
        global @table : i8 layer app const data 0a0bff
        global @"Shape::count" : i32 layer app

        func @main() -> i32 layer app export tb_app_main noinline {
        bb0:
          %0 = alloca ptr %Point
          %1 = fieldaddr ptr %0, "Point::X"
          %2 = newobject obj "Circle"
          %3 = fieldaddr ptr %2, "Circle::radius"
          %4 = fieldaddr ptr %2, "Elsewhere::cookie"
          %5 = fconst f64 -0.0
          store %5, %3
          %6 = const i32 3
          store %6, %1
          %7 = load i32 %1
          br bb2(%7)
        bb1:
          %8 = string obj "tab\there \"q\" \u00e9"
          switch %7, bb4, [1: bb4, -3: bb4]
        bb2(%9: i32):
          %10 = const i32 0
          %11 = icmp sle bool %9, %10
          condbr %11, bb1, bb3
        bb3:
          call void @putchar, %9
          %12 = const i32 1
          %13 = sub i32 %9, %12
          br bb2(%13)
        bb4:
          ret %7
        }

        declare @putchar(i32) -> void layer corlib import tb_putchar

        func @"Shape::.cctor()"() -> void layer app {
        bb0:
          %0 = globaladdr ptr @"Shape::count"
          %1 = fconst f32 nan(0x7ff8000000000001)
          %2 = const i32 1
          store %2, %0
          ret
        }

        entry @main

        """;

    [Fact]
    public void AHandWrittenModuleParsesVerifiesAndPrintsCanonically()
    {
        var module = Parser.ParseModule(HandWritten.ReplaceLineEndings("\n"), "demo.tbir");
        Assert.Empty(Verifier.Verify(module));
        Assert.Equal(Canonical.ReplaceLineEndings("\n"), Printer.Print(module));
        // Canonical text is a fixed point.
        Assert.Equal(Canonical.ReplaceLineEndings("\n"), Printer.Print(Parser.ParseModule(Canonical.ReplaceLineEndings("\n"))));
    }

    [Fact]
    public void ReferencesResolveToTheDeclarationsOfTheModule()
    {
        var module = Parser.ParseModule(HandWritten);
        var point = Assert.Single(module.Structs);
        var circle = module.FindClass("Circle")!;
        var shape = module.FindClass("Shape")!;
        var main = module.FindFunction("main")!;
        var cctor = module.FindFunction("Shape::.cctor()")!;

        Assert.True(point.IsLaidOut);
        Assert.Equal((8, 4), (point.Size, point.Alignment));
        Assert.Same(shape.Fields[0], circle.Fields[0]);
        Assert.Equal("Shape", circle.Fields[0].Owner);
        Assert.Same(cctor, shape.StaticConstructor);
        Assert.Same(module.FindGlobal("Shape::<initialized>"), shape.InitializedFlag);
        Assert.Equal((IrType.I32, 4), (module.FindClass("System.Int32[]")!.ElementType, module.FindClass("System.Int32[]")!.ComponentSize));
        Assert.Equal(new byte[] { 0x0a, 0x0b, 0xff }, module.FindGlobal("table")!.InitialData);
        Assert.True(module.FindGlobal("table")!.IsConstant);
        Assert.Same(main, module.EntryPoint);
        Assert.Equal(("tb_app_main", FunctionFlags.NoInline), (main.ExportName, main.Flags));
        Assert.Equal("tb_putchar", module.FindFunction("putchar")!.ImportName);

        var instructions = main.Instructions.ToList();
        Assert.Same(point, instructions.Single(i => i.Opcode == Opcode.Alloca).TypeOperand);
        var fieldAddresses = instructions.Where(i => i.Opcode == Opcode.FieldAddr).ToList();
        Assert.Same(point.Fields[0], fieldAddresses[0].Field);
        Assert.Same(circle.Fields[1], fieldAddresses[1].Field);
        Assert.Equal(("Elsewhere", "cookie", IrType.I64, 24), (fieldAddresses[2].Field!.Owner, fieldAddresses[2].Field!.Name, fieldAddresses[2].Field!.Type, fieldAddresses[2].Field!.Offset));
        Assert.Same(circle, instructions.Single(i => i.Opcode == Opcode.NewObject).Class);
        Assert.Same(module.FindFunction("putchar"), instructions.Single(i => i.Opcode == Opcode.Call).Callee);
        Assert.Equal("tab\there \"q\" é", instructions.Single(i => i.Opcode == Opcode.StringLiteral).Text);
        Assert.True(double.IsNegative(instructions.Single(i => i.Opcode == Opcode.ConstFloat).FloatValue));
        var sw = instructions.Single(i => i.Opcode == Opcode.Switch);
        Assert.Equal(new long[] { 1, -3 }, sw.CaseValues);
        Assert.Equal(3, sw.Targets.Count);
        Assert.Equal(Predicate.SLe, instructions.Single(i => i.Opcode == Opcode.ICmp).Predicate);

        var loop = main.Blocks[2];
        var back = main.Blocks[3].Terminator!;
        Assert.Same(loop, back.Targets[0].Block);
        Assert.Same(instructions.Single(i => i.Opcode == Opcode.Sub), back.Targets[0].Arguments[0]);
        Assert.Equal(0x7ff8000000000001UL, BitConverter.DoubleToUInt64Bits(cctor.Instructions.Single(i => i.Opcode == Opcode.ConstFloat).FloatValue));
    }

    [Fact]
    public void EveryPredicateIntrinsicAndSpecialFloatReadsBack()
    {
        var lines = new List<string> { "module m", "", "func @f(i32, f64) -> void layer app {", "bb0(%0: i32, %1: f64):" };
        foreach (var p in Enum.GetValues<Predicate>().Where(p => p != Predicate.None))
            lines.Add(p >= Predicate.OEq ? $"  %fcmp{p} = fcmp {p.Mnemonic()} bool %1, %1" : $"  %icmp{p} = icmp {p.Mnemonic()} bool %0, %0");
        foreach (var k in Enum.GetValues<IntrinsicKind>().Where(k => k != IntrinsicKind.None))
            lines.Add($"  intrinsic {k.ToString().ToLowerInvariant()} void");
        foreach (var text in new[] { "nan", "inf", "-inf", "-0.0", "0.1", "5E-324", "1.7976931348623157E+308", "-1.5" })
            lines.Add($"  %f{lines.Count} = fconst f64 {text}");
        lines.Add("  %min = const i64 -9223372036854775808");
        lines.Add("  ret");
        lines.Add("}");
        var text1 = string.Join("\n", lines) + "\n";

        var f = Parser.ParseModule(text1).Functions[0];

        Assert.Equal(Enum.GetValues<Predicate>().Where(p => p != Predicate.None), f.Instructions.Where(i => i.Opcode is Opcode.ICmp or Opcode.FCmp).Select(i => i.Predicate));
        Assert.Equal(Enum.GetValues<IntrinsicKind>().Where(k => k != IntrinsicKind.None), f.Instructions.Where(i => i.Opcode == Opcode.Intrinsic).Select(i => i.Intrinsic));
        Assert.Equal(new[] { "nan", "inf", "-inf", "-0.0", "0.1", "5E-324", "1.7976931348623157E+308", "-1.5" },
            f.Instructions.Where(i => i.Opcode == Opcode.ConstFloat).Select(i => Printer.FormatFloat(i.FloatValue)));
        Assert.Equal(long.MinValue, f.Instructions.Single(i => i.Opcode == Opcode.ConstInt).IntValue);
    }

    [Fact]
    public void CommentsBlankLinesAndWindowsLineEndingsAreIgnored()
    {
        var text = "; RUN: testbed-opt %s\r\n\r\n  ; CHECK: ret\r\nmodule m ; the name\r\n\r\nfunc @f() -> void layer app { ; body\r\n; a comment line\r\nbb0:\r\n  ret ; done\r\n}\r\n";
        var module = Parser.ParseModule(text);
        Assert.Equal("module m\n\nfunc @f() -> void layer app {\nbb0:\n  ret\n}\n", Printer.Print(module));
    }

    [Fact]
    public void ASemicolonInsideAStringIsNotAComment()
    {
        var module = Parser.ParseModule("module m\nfunc @f() -> obj layer app {\nbb0:\n  %0 = string obj \"a; b\" ; c\n  ret %0\n}\n");
        Assert.Equal("a; b", module.Functions[0].Entry.Instructions[0].Text);
    }

    private const string Header = "module m\n\nstruct %P size 4 align 4 {\n  i32 x @0\n}\n\nfunc @f(i32) -> i32 layer app {\nbb0(%0: i32):\n";

    /// <summary>A module whose function body is <paramref name="lines"/>: the first of them is line 9.</summary>
    private static string Body(params string[] lines) => Header + string.Join("\n", lines) + "\n}\n";

    public static TheoryData<string, string, string, string> Errors() => new()
    {
        { "unknown instruction", Body("  %1 = frob i32 %0", "  ret %1"), "t.tbir:9:8", "unknown instruction 'frob'" },
        { "unknown type", Body("  %1 = add i33 %0, %0", "  ret %1"), "t.tbir:9:12",
            "unknown type 'i33' (the types are void, bool, i8, i16, i32, i64, f32, f64, ptr, obj and %Struct)" },
        { "undefined value", Body("  %1 = add i32 %0, %7", "  ret %1"), "t.tbir:9:20", "%7 is not defined" },
        { "undefined block", Body("  br bb5"), "t.tbir:9:6", "block bb5 is not defined in @f" },
        { "undefined function", Body("  call void @nowhere", "  ret %0"), "t.tbir:9:13", "function @nowhere is not defined" },
        { "undefined global", Body("  %1 = globaladdr ptr @g", "  ret %0"), "t.tbir:9:23", "global @g is not defined" },
        { "undefined field", Body("  %1 = alloca ptr %P", "  %2 = fieldaddr ptr %1, \"P::y\"", "  ret %0"), "t.tbir:10:26",
            "field \"P::y\" is not defined: no struct or class declares it and no 'field' line does" },
        { "undefined class", Body("  %1 = newobject obj \"Nope\"", "  ret %0"), "t.tbir:9:22", "class \"Nope\" is not defined" },
        { "undefined struct", Body("  %1 = alloca ptr %Q", "  ret %0"), "t.tbir:9:19", "struct %Q is not defined" },
        { "value defined twice", Body("  %1 = const i32 1", "  %1 = const i32 2", "  ret %1"), "t.tbir:10:3", "%1 is defined twice (first at 9:3)" },
        { "block defined twice", Body("  br bb1", "bb1:", "  ret %0", "bb1:", "  ret %0"), "t.tbir:12:1", "block bb1 is defined twice (first at 10:1)" },
        { "missing closing brace", Header + "  ret %0\n\nfunc @g() -> void layer app {\nbb0:\n  ret\n}\n", "t.tbir:11:1",
            "expected '}' to close @f (opened at 7:1), found 'func'" },
        { "missing closing brace at the end", Header + "  ret %0\n", "t.tbir:10:1",
            "expected '}' to close @f (opened at 7:1), found the end of the input" },
        { "bad escape", Body("  %1 = string obj \"a\\qb\"", "  ret %0"), "t.tbir:9:21",
            "bad escape '\\q' in a string; the escapes are \\\" \\\\ \\n \\r \\t and \\uXXXX" },
        { "short \\u escape", Body("  %1 = string obj \"\\u12\"", "  ret %0"), "t.tbir:9:20",
            "bad escape '\\u': it needs exactly four hexadecimal digits (\\u00e9)" },
        { "unterminated string", Body("  %1 = string obj \"abc", "  ret %0"), "t.tbir:9:19",
            "unterminated string: the closing '\"' is missing on this line" },
        { "too few operands", Body("  %1 = add i32 %0", "  ret %1"), "t.tbir:9:8", "add takes 2 operands, found 1" },
        { "too many operands", Body("  %1 = neg i32 %0, %0", "  ret %1"), "t.tbir:9:20", "neg takes 1 operand, found 2" },
        { "ret with two values", Body("  ret %0, %0"), "t.tbir:9:11", "ret takes at most 1 operand, found 2" },
        { "condbr with one target", Body("  %1 = icmp eq bool %0, %0", "  condbr %1, bb1", "bb1:", "  ret %0"), "t.tbir:10:3",
            "condbr takes 2 branch targets, found 1" },
        { "switch without cases", Body("  switch %0, bb1", "bb1:", "  ret %0"), "t.tbir:9:3",
            "switch needs its cases after the default target: [value: bbN, ...]" },
        { "fieldaddr without field", Body("  %1 = alloca ptr %P", "  %2 = fieldaddr ptr %1", "  ret %0"), "t.tbir:10:8",
            "fieldaddr needs a field (\"Owner::Name\") after its operand" },
        { "void result named", "module m\ndeclare @g() -> void layer app\nfunc @f() -> void layer app {\nbb0:\n  %1 = call void @g\n  ret\n}\n", "t.tbir:5:3",
            "'%1 =' names the result of a void call, which has none" },
        { "call result unnamed", "module m\ndeclare @g() -> i32 layer app\nfunc @f() -> void layer app {\nbb0:\n  call i32 @g\n  ret\n}\n", "t.tbir:5:3",
            "this call produces i32: name its result ('%N = call ...')" },
        { "bad float", Body("  %1 = fconst f64 1.2.3", "  ret %0"), "t.tbir:9:19",
            "expected a float constant (1.5, -0.0, 1E+300, inf, -inf, nan or nan(0x<64-bit pattern>)), found '1.2.3'" },
        { "bad predicate", Body("  %1 = icmp olt bool %0, %0", "  ret %0"), "t.tbir:9:13",
            "expected an icmp predicate (eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge), found 'olt'" },
        { "instruction before a label", "module m\nfunc @f() -> void layer app {\n  ret\n}\n", "t.tbir:3:3",
            "expected a block label (bb0:) before the first instruction" },
        { "function defined twice", "module m\ndeclare @f() -> void layer app\ndeclare @f() -> void layer app\n", "t.tbir:3:9",
            "function @f is defined twice (first at 2:9)" },
        { "missing module line", "func @f() -> void layer app {\nbb0:\n  ret\n}\n", "t.tbir:1:1",
            "expected 'module <name>' at the start of the input, found 'func'" },
        { "junk at top level", "module m\nfunk @f\n", "t.tbir:2:1",
            "expected a declaration (struct, class, field, global, func, declare or entry), found 'funk'" },
        { "struct without closing brace", "module m\nstruct %P size 4 align 4 {\n  i32 x @0\nglobal @g : i32 layer app\n", "t.tbir:4:1",
            "expected '}' to close struct %P (opened at 2:1), found 'global'" },
        { "undefined entry", "module m\nentry @main\n", "t.tbir:2:7", "function @main is not defined" },
        { "odd hex data", "module m\nglobal @g : i8 layer app data abc\n", "t.tbir:2:31",
            "expected the initial bytes as an even number of hexadecimal digits (\"\" for none), found 'abc'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void BadInputIsATB4001AtTheExactPlace(string what, string text, string location, string message)
    {
        var e = Assert.Throws<DiagnosticException>(() => Parser.ParseModule(text, "t.tbir"));
        var d = Assert.Single(e.Diagnostics);
        Assert.True(d.Code == "TB4001", what);
        Assert.Equal((location, message), (d.Location, d.Message));
    }

    [Fact]
    public void AnyPrefixOrSingleCharacterChangeOfAModuleParsesOrGivesADiagnostic()
    {
        // "Never anything but a diagnostic": cut and corrupt a module everywhere, and look at what comes out.
        CutAndCorruptEverywhere(Canonical, "%@\"\\(){}[],:=;-+0123456789abxz \n", seed: 4001);
    }

    /// <summary>
    /// "Never anything but a diagnostic": every prefix of <paramref name="module"/>, and the module with
    /// each character replaced by one from <paramref name="alphabet"/>, parses or gives one TB4001.
    /// </summary>
    internal static void CutAndCorruptEverywhere(string module, string alphabet, int seed)
    {
        var text = module.ReplaceLineEndings("\n");
        var random = new Random(seed);
        for (int k = 0; k < text.Length; k++)
        {
            ParsesOrDiagnoses(text[..k]);
            var chars = text.ToCharArray();
            chars[k] = alphabet[random.Next(alphabet.Length)];
            ParsesOrDiagnoses(new string(chars));
        }

        static void ParsesOrDiagnoses(string input)
        {
            try
            {
                Parser.ParseModule(input);
            }
            catch (DiagnosticException e)
            {
                Assert.Equal("TB4001", Assert.Single(e.Diagnostics).Code);
                Assert.DoesNotContain("bug in the parser", e.Diagnostics[0].Message);
            }
        }
    }
}
