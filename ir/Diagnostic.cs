namespace Testbed.IR;

/// <summary>
/// A problem reported to the user: a stable code (TBnnnn), where it is, and what to do.
/// Expected failures travel as values of this type, never as exceptions with stack traces.
/// </summary>
public sealed record Diagnostic(string Code, string Location, string Message)
{
    public override string ToString() => $"{Code}: {Location}: {Message}";
}

/// <summary>Thrown only to abandon a stage once a diagnostic has been recorded; the CLI prints the diagnostics.</summary>
public sealed class DiagnosticException : Exception
{
    public DiagnosticException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join("\n", diagnostics)) { Diagnostics = diagnostics; }

    public DiagnosticException(Diagnostic diagnostic) : this(new[] { diagnostic }) { }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
