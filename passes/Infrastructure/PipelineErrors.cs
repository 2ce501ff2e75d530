using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// The TB5xxx diagnostics of the pass infrastructure, in one place (docs/passes.md lists them).
/// Pipeline diagnostics point at a column of the pipeline text, as <c>--passes:1:COLUMN</c>, and
/// repeat the text with a caret under the column.
/// </summary>
public static class PipelineErrors
{
    /// <summary>The pipeline text does not follow the grammar.</summary>
    public const string Syntax = "TB5001";
    /// <summary>A name that no registered pass has.</summary>
    public const string UnknownPass = "TB5002";
    /// <summary>A parameter the pass does not have, or a value of the wrong type.</summary>
    public const string BadParameter = "TB5003";
    /// <summary>A pass or nested pipeline where it cannot run (a module pass inside function(...), llvm(...) not last).</summary>
    public const string Misplaced = "TB5004";
    /// <summary>Options that contradict each other or name no pass (--passes with -O2, --print-after=unknown, a bad regex).</summary>
    public const string BadOption = "TB5005";
    /// <summary>LLVM rejected the text inside llvm(...).</summary>
    public const string LlvmPipeline = "TB5006";
    /// <summary>A plugin that cannot be loaded or holds no usable pass.</summary>
    public const string Plugin = "TB5010";
    /// <summary>--verify-each: the IR is invalid after a pass.</summary>
    public const string VerifyEach = "TB5020";
    /// <summary>--verify-each: a pass changed the IR but returned PreservedAnalyses.All.</summary>
    public const string StalePreservation = "TB5021";
    /// <summary>--llvm-arg with a flag that is not known to work inside the compiler's process.</summary>
    public const string LlvmArgument = "TB5030";

    /// <summary>A diagnostic at <paramref name="column"/> (0-based) of the pipeline text.</summary>
    public static DiagnosticException At(string code, PipelineSource source, int column, string message)
    {
        column = Math.Clamp(column, 0, source.Text.Length);
        var caret = $"\n  {source.Text}\n  {new string(' ', column)}^";
        return new DiagnosticException(new Diagnostic(code, $"{source.Name}:1:{column + 1}", message + caret));
    }
}

/// <summary>Pipeline text and where it came from ("--passes" or "-O2"), for diagnostics.</summary>
public sealed record PipelineSource(string Name, string Text);
