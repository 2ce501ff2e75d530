using System.Text.RegularExpressions;
using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>
/// A remark names a value as the IR dumps of the same run print it (the pipeline's
/// <see cref="PassContext.Numbering"/>), so that it can be found in --print-after and --print-changed output.
/// </summary>
public sealed class RemarkValueNameTests
{
    private const string Source = """
        module naming

        func @f(i32) -> i32 layer app {
        entry(%x: i32):
          %dead = const i32 7
          %m = mul i32 %x, %x
          %two = const i32 2
          %r = add i32 %m, %two
          ret %r
        }

        func @g(i32) -> i32 layer app {
        entry(%y: i32):
          %n = mul i32 %y, %y
          ret %n
        }
        """;

    private static (PassRun Run, string Log) Run(string pipeline, PipelineOptions options)
    {
        var log = new StringWriter { NewLine = "\n" };
        var session = PassSession.Create(options with { Passes = pipeline }, baseRegistry: TestRegistry.WithTestPasses);
        var run = session.Run(Parser.ParseModule(Source, "naming.tbir"), log);
        return (run, log.ToString());
    }

    /// <summary>The instruction line that defines <paramref name="name"/> in the dump of <paramref name="function"/> after <paramref name="pass"/>.</summary>
    private static string DefinitionInDump(string log, string pass, string function, string name)
    {
        var dump = Regex.Match(log, $@"; \*\*\* IR Dump After {pass} on @{function} \*\*\*\n(?<ir>func .*?\n}}\n)", RegexOptions.Singleline);
        Assert.True(dump.Success, log);
        return Assert.Single(dump.Groups["ir"].Value.Split('\n'), l => l.StartsWith($"  {name} = "));
    }

    [Fact]
    public void ARemarkNamesTheValueThePrintAfterDumpShowsAtThatInstruction()
    {
        var (run, log) = Run("test-name-then-erase", new PipelineOptions { PrintAfter = new[] { "test-name-then-erase" }, Remarks = "test-name" });
        var remark = run.Context.Remarks.First(r => r.Function == "f");
        var names = Regex.Match(remark.Message, @"^(?<mul>%\d+) multiplies (?<operand>%\d+)$");
        Assert.True(names.Success, remark.Message);
        // The constant before the mul is gone by the time the dump prints; the mul keeps its name.
        Assert.Equal("  %2 = mul i32 %0, %0", DefinitionInDump(log, "test-name-then-erase", "f", names.Groups["mul"].Value));
        Assert.Equal(names.Groups["operand"].Value, Regex.Match(DefinitionInDump(log, "test-name-then-erase", "f", "%2"), @"mul i32 (%\d+)").Groups[1].Value);
        Assert.Contains($"remark: test-name-then-erase (analysis) in @f: {remark.Message}", log);
        // Each function counts from %0: @g's mul is %1 after its parameter %0, as the dense printer would say.
        Assert.Equal("%1 multiplies %0", run.Context.Remarks.Single(r => r.Function == "g").Message);
    }

    [Fact]
    public void PrintChangedShowsTheNamesTheRemarksUsed()
    {
        var (run, log) = Run("test-name-then-erase", new PipelineOptions { PrintChanged = true });
        Assert.Equal("%2 multiplies %0", run.Context.Remarks.First(r => r.Function == "f").Message);
        Assert.Contains("-  %1 = const i32 7\n   %2 = mul i32 %0, %0\n", log);
    }

    [Fact]
    public void PrintEscapeNamesAllocationsAsTheDumpsDo()
    {
        const string escaping = """
            module escaping

            class "System.Byte[]" size 16 component i8 1 layer corlib {
            }

            func @h(i32) -> obj layer app {
            entry(%n: i32):
              %unused = const i32 1
              %a = newarray obj "System.Byte[]", %n
              ret %a
            }
            """;
        var log = new StringWriter { NewLine = "\n" };
        var session = PassSession.Create(new PipelineOptions { Passes = "dce,print-escape", PrintAfter = new[] { "print-escape" }, PrintChanged = true, Remarks = "print-escape" },
            baseRegistry: TestRegistry.WithTestPasses);
        session.Run(Parser.ParseModule(escaping, "escaping.tbir"), log);
        // --print-changed numbered @h before dce removed %1: the allocation stays %2 in the remark and in the dump.
        Assert.Contains("remark: print-escape (analysis) in @h: %2 (newarray) escapes: returned at 'ret %2'", log.ToString());
        Assert.Contains("  %2 = newarray obj \"System.Byte[]\", %0\n", log.ToString());
    }

    [Fact]
    public void AValueInNoFunctionHasNoName()
    {
        var numbering = new StableNumbering();
        Assert.Equal("%?", numbering.Name(new Instruction(Opcode.ConstInt, IrType.I32)));
    }
}
