using System.Globalization;

namespace Testbed.Backend.Llvm;

/// <summary>
/// The LLVM options `--llvm-arg` may set. LLVM's option parser, reached through the C API, ignores
/// unknown options without a word, ends the process on some (-help, -version), and several options only
/// act at process exit (-time-passes) or only in debug builds of LLVM (-debug-only, -stats): so only
/// options checked to work inside the compiler's process are accepted. Each entry's effect is checked
/// by a test (tests/Testbed.Tests/Passes/LlvmArgumentTests.cs). Left out on purpose, for example:
/// -x86-asm-syntax=intel, which also switches the parser of the targets' AT&amp;T module assembly; and
/// -pass-remarks=REGEX, because a diagnostic handler installed through the C API receives every remark
/// whatever the regex says, and the remark's text does not name its pass, so it cannot be filtered.
/// </summary>
public static class LlvmCommandLine
{
    public enum ValueKind { None, Bool, Int, Text }

    /// <summary>One accepted option: its name without dashes, the value it takes and what it does.</summary>
    public sealed record Flag(string Name, ValueKind Value, string Description, IReadOnlyList<string>? Choices = null)
    {
        public string Usage => Value switch
        {
            ValueKind.None => $"-{Name}",
            ValueKind.Bool => $"-{Name}[=true|false]",
            ValueKind.Int => $"-{Name}=<n>",
            _ => Choices is null ? $"-{Name}=<text>" : $"-{Name}={string.Join("|", Choices)}",
        };
    }

    public static IReadOnlyList<Flag> Known { get; } = new Flag[]
    {
        new("print-after-all", ValueKind.None, "print the LLVM IR after each LLVM pass (on stderr)"),
        new("print-before-all", ValueKind.None, "print the LLVM IR before each LLVM pass (on stderr)"),
        new("print-after", ValueKind.Text, "print the LLVM IR after the named LLVM pass"),
        new("print-before", ValueKind.Text, "print the LLVM IR before the named LLVM pass"),
        new("filter-print-funcs", ValueKind.Text, "limit the -print-* dumps to these functions (comma-separated)"),
        new("inline-threshold", ValueKind.Int, "LLVM's inlining cost threshold"),
        new("unroll-threshold", ValueKind.Int, "LLVM's loop unrolling cost threshold"),
        new("enable-misched", ValueKind.Bool, "the machine instruction scheduler"),
    };

    private static readonly object Gate = new();
    /// <summary>The options given to LLVM so far, by name and as text ("-inline-threshold=50").</summary>
    private static readonly HashSet<string> appliedNames = new(), appliedTexts = new();

    /// <summary>Null when <paramref name="argument"/> (e.g. "-inline-threshold=50") is accepted, else why not.</summary>
    public static string? Check(string argument)
    {
        var (name, value) = Split(argument);
        if (name is null) return $"'{argument}' is not an LLVM option (expected -name or -name=value)";
        var flag = Known.FirstOrDefault(f => f.Name == name);
        if (flag is null) return $"-{name} is not among the LLVM options known to work inside testbed: {string.Join(", ", Known.Select(f => "-" + f.Name))}";
        return (flag.Value, value) switch
        {
            (ValueKind.None, not null) => $"-{name} takes no value",
            (ValueKind.Bool, null or "true" or "false" or "1" or "0") => null,
            (ValueKind.Bool, _) => $"-{name} takes true or false",
            (ValueKind.Int, var v) when int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => null,
            (ValueKind.Int, _) => $"-{name} takes an integer: {flag.Usage}",
            (ValueKind.Text, null or "") => $"-{name} takes a value: {flag.Usage}",
            (ValueKind.Text, var v) when flag.Choices is not null && !flag.Choices.Contains(v) => $"-{name} takes one of {string.Join(", ", flag.Choices)}",
            _ => null,
        };
    }

    /// <summary>
    /// Hands checked options to LLVM. They are process-wide and stay set; an option already applied with
    /// the same text is not given again (LLVM counts occurrences and ignores a second one).
    /// </summary>
    /// <exception cref="ArgumentException">An argument that <see cref="Check"/> rejects.</exception>
    /// <exception cref="InvalidOperationException">An option this process already gave LLVM another value for.</exception>
    public static void Apply(IReadOnlyList<string> arguments)
    {
        foreach (var a in arguments)
            if (Check(a) is { } error) throw new ArgumentException(error, nameof(arguments));
        lock (Gate)
        {
            // One call may repeat an option (-print-after takes a list); a later call may only repeat it exactly.
            var given = arguments.Select(Split).Select(a => (Name: a.Name!, Text: a.Value is null ? $"-{a.Name}" : $"-{a.Name}={a.Value}")).ToList();
            foreach (var (name, text) in given)
                if (appliedNames.Contains(name) && !appliedTexts.Contains(text))
                    throw new InvalidOperationException($"LLVM options are process-wide: -{name} is set already, {text} cannot change it");
            var fresh = given.Select(g => g.Text).Where(t => !appliedTexts.Contains(t)).ToList();
            foreach (var (name, text) in given) { appliedNames.Add(name); appliedTexts.Add(text); }
            if (fresh.Count == 0) return;
            LlvmNative.Initialize();
            LLVM.ParseCommandLineOptions(fresh);
        }
    }

    private static (string? Name, string? Value) Split(string argument)
    {
        var trimmed = argument.TrimStart('-');
        if (!argument.StartsWith('-') || trimmed.Length == 0) return (null, null);
        int equals = trimmed.IndexOf('=');
        return equals < 0 ? (trimmed, null) : (trimmed[..equals], trimmed[(equals + 1)..]);
    }
}
