using Testbed.IR;
using Testbed.Passes;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Debugging;

/// <summary>Source lines in the IR (SourceMap, InlineSite) and what they give at run time: stack traces and panic reports with file:line under -g.</summary>
public sealed class SourceMapTests
{
    private static SourceMap Map(params SequencePoint[] points) => new("/src/a.cs", points, ["this"], new Dictionary<int, string>());

    [Fact]
    public void AnOffsetBelongsToTheLastSequencePointAtOrBeforeIt()
    {
        var map = Map(new SequencePoint(0, 10, 9, 10, 20), new SequencePoint(6, 11, 9, 11, 30), new SequencePoint(14, 13, 9, 13, 12));
        Assert.Equal(10, map.At(0)?.Line);
        Assert.Equal(10, map.At(5)?.Line);
        Assert.Equal(11, map.At(6)?.Line);
        Assert.Equal(13, map.At(400)?.Line);
        Assert.Null(map.At(-1));
        Assert.Equal(10, map.FirstLine);
    }

    [Fact]
    public void HiddenCodeAndCodeBeforeTheFirstStatementHaveNoLine()
    {
        var map = Map(new SequencePoint(4, 20, 1, 20, 5), new SequencePoint(9, SourceMap.HiddenLine, 0, 0, 0), new SequencePoint(12, 22, 1, 22, 5));
        Assert.Null(map.At(2));
        Assert.Null(map.At(10));
        Assert.Equal(22, map.At(12)?.Line);
        Assert.Equal(20, map.FirstLine);
    }

    private const string ThreeLevels = """
        module t
        func @leaf(i32) -> i32 layer corlib {
        entry(%a: i32):
          %one = const i32 1
          %r = add i32 %a, %one
          ret %r
        }
        func @middle(i32) -> i32 layer corlib {
        entry(%a: i32):
          %r = call i32 @leaf, %a
          ret %r
        }
        func @main(i32) -> i32 layer app {
        entry(%x: i32):
          %m = call i32 @middle, %x
          ret %m
        }
        """;

    [Fact]
    public void InlinedCodeKeepsItsOffsetAndGainsTheChainOfCallsItWasInlinedThrough()
    {
        var m = Parser.ParseModule(ThreeLevels, "t.tbir");
        var leaf = m.Functions.Single(f => f.Name == "leaf");
        var middle = m.Functions.Single(f => f.Name == "middle");
        var main = m.Functions.Single(f => f.Name == "main");
        foreach (var i in leaf.Blocks.SelectMany(b => b.Instructions)) i.ILOffset = 3;
        var callOfLeaf = middle.Blocks.SelectMany(b => b.Instructions).Single(i => i.Opcode == Opcode.Call);
        callOfLeaf.ILOffset = 7;
        var callOfMiddle = main.Blocks.SelectMany(b => b.Instructions).Single(i => i.Opcode == Opcode.Call);
        callOfMiddle.ILOffset = 11;

        Inliner.InlineCall(callOfLeaf);
        var add = middle.Blocks.SelectMany(b => b.Instructions).Single(i => i.Opcode == Opcode.Add);
        Assert.Equal(3, add.ILOffset);
        Assert.Same(leaf, add.InlinedAt!.Callee);
        Assert.Equal(7, add.InlinedAt.CallILOffset);
        Assert.Null(add.InlinedAt.Caller);

        Inliner.InlineCall(callOfMiddle);
        var inMain = main.Blocks.SelectMany(b => b.Instructions).Single(i => i.Opcode == Opcode.Add);
        Assert.Equal(3, inMain.ILOffset);
        Assert.Same(leaf, inMain.InlinedAt!.Callee);
        Assert.Equal(7, inMain.InlinedAt.CallILOffset);
        Assert.Same(middle, inMain.InlinedAt.Caller!.Callee);
        Assert.Equal(11, inMain.InlinedAt.Caller.CallILOffset);
        Assert.Null(inMain.InlinedAt.Caller.Caller);
        // The callee's own copy is untouched by being inlined again.
        Assert.Null(add.InlinedAt.Caller);
    }

    [Fact]
    public void ABuilderPlacedAtAnInlinedInstructionStampsItsSite()
    {
        var m = Parser.ParseModule(ThreeLevels, "t.tbir");
        var middle = m.Functions.Single(f => f.Name == "middle");
        Inliner.InlineCall(middle.Blocks.SelectMany(b => b.Instructions).Single(i => i.Opcode == Opcode.Call));
        var add = middle.Blocks.SelectMany(b => b.Instructions).Single(i => i.Opcode == Opcode.Add);
        var made = Builder.Before(add).ConstInt(IrType.I32, 2);
        Assert.Same(add.InlinedAt, made.InlinedAt);
    }

    private const string Thrower = """
        using System;
        using System.Runtime.CompilerServices;
        class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            static int Fail(int depth)
            {
                if (depth == 0)
                    throw new InvalidOperationException("boom"); // @throw
                return Fail(depth - 1) + 1; // @recurse
            }

            static int Main()
            {
                Console.WriteLine("before");
                return Fail(1);
            }
        }
        """;

    private static int LineOf(string source, string marker) =>
        Array.FindIndex(source.Split('\n'), l => l.TrimEnd().EndsWith("// @" + marker, StringComparison.Ordinal)) + 1;

    [Fact]
    public void WithDashGAnUnhandledExceptionsFramesSayFileAndLine()
    {
        var program = CliProcess.WriteProgram("thrower", Thrower);
        var withLines = CliProcess.Run(["run", program, "--target", "linux", "-g"]);
        Assert.Equal(134, withLines.ExitCode);
        var frames = withLines.Stderr.Split('\n').Where(l => l.StartsWith("   at ", StringComparison.Ordinal)).ToList();
        Assert.Equal($"   at Program.Fail(System.Int32) in {program}:line {LineOf(Thrower, "throw")}", frames[0]);
        Assert.Equal($"   at Program.Fail(System.Int32) in {program}:line {LineOf(Thrower, "recurse")}", frames[1]);

        // Without -g the image carries no lines (they cost a constant on every exceptional edge).
        var without = CliProcess.Run(["run", program, "--target", "linux"]);
        Assert.Equal(134, without.ExitCode);
        Assert.Contains("   at Program.Fail(System.Int32)\n", without.Stderr);
        Assert.DoesNotContain(":line ", without.Stderr);
    }

    private const string Poke = """
        using System;
        using System.Runtime.CompilerServices;
        static unsafe class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            static void Poke(long address) { *(long*)address = 42; } // @poke

            [MethodImpl(MethodImplOptions.NoInlining)]
            static int Main()
            {
                Console.WriteLine("before");
                Poke(0x1000_0000_0000); // @call
                Console.WriteLine("after");
                return 0;
            }
        }
        """;

    [Fact]
    public void WithDashGAPvhPanicReportSaysFileAndLine()
    {
        var program = CliProcess.WriteProgram("poke", Poke);
        var result = CliProcess.Run(["run", program, "--target", "pvh", "-g"]);
        Assert.Equal(214, result.ExitCode);
        var lines = result.Stderr.Split('\n');
        var rip = Assert.Single(lines, l => l.StartsWith("  rip 0x", StringComparison.Ordinal));
        Assert.EndsWith($" in Program::Poke(System.Int64) at {program}:{LineOf(Poke, "poke")}", rip);
        var stack = lines.SkipWhile(l => l != "  stack:").Skip(1).ToList();
        Assert.EndsWith($" Program::Main() at {program}:{LineOf(Poke, "call")}", stack[0]);
    }
}
