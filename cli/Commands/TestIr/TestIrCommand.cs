using System.CommandLine;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Commands.TestIr;

/// <summary>
/// `testbed test-ir PATH... [--plugin ASSEMBLY]...`: runs .tbir test files (each RUN line, checked with
/// FileCheck's directives; Lit.cs) as the xunit suite runs tests/passes/, so that the author of a pass, a
/// plugin's especially, can test it from the command line. Prints PASS or FAIL for each file, FileCheck's
/// report for each failure and a count; exits 0 when every file passes, 1 when one fails, 2 for a bad
/// command line (a missing path, a folder without .tbir files, a plugin that does not load).
/// </summary>
internal static class TestIrCommand
{
    public const int ExitTestsFailed = 1;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "A .tbir test file, or a folder searched recursively for .tbir files; may be repeated.",
            // Checked by the command, not the parser: a parse error would exit 1, which here means a test failed.
            Arity = ArgumentArity.ZeroOrMore,
        };
        var plugins = new Option<string[]>("--plugin")
        {
            Description = "A pass plugin assembly: what %plugin stands for in RUN lines (e.g. --load-pass-plugin %plugin); may be repeated.",
            HelpName = "assembly",
        };
        var command = new Command("test-ir", """
            Run .tbir test files: each '; RUN: testbed opt %s ...' line (or '%testbed opt ...'; %plugin is the --plugin assembly) is run and its output matched against the file's CHECK, CHECK-NEXT, CHECK-SAME, CHECK-EMPTY, CHECK-NOT and CHECK-LABEL lines, its diagnostics against its ERROR lines (then exit code 2 is expected). Exit code 0: all passed; 1: some failed; 2: bad command line.
            """) { paths, plugins };
        command.SetAction(parse => Program.Guard(parse, () =>
            Run(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(plugins) ?? Array.Empty<string>(), parse.InvocationConfiguration.Output)));
        return command;
    }

    /// <exception cref="DiagnosticException">TB0003 for a missing path or a folder without tests; TB5010 for a plugin that does not load.</exception>
    private static int Run(IReadOnlyList<string> paths, IReadOnlyList<string> plugins, TextWriter output)
    {
        var files = TestFiles(paths);
        // Loading the plugins once up front turns a missing or broken one into one usage error, not a failure per file.
        PassSession.LoadRegistry(plugins);
        int passed = 0, failed = 0;
        foreach (var file in files)
        {
            var failure = Lit.Run(file, plugins);
            if (failure is null)
            {
                output.WriteLine($"PASS: {file}");
                passed++;
                continue;
            }
            output.WriteLine($"FAIL: {file}");
            output.Write(failure);
            output.WriteLine();
            failed++;
        }
        output.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : ExitTestsFailed;
    }

    /// <summary>The files named and the .tbir files under the folders named, each once, folders' files in name order.</summary>
    private static IReadOnlyList<string> TestFiles(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var seen = new HashSet<string>();
        var errors = new List<Diagnostic>();
        if (paths.Count == 0) errors.Add(new Diagnostic("TB0003", "command line", "give a .tbir file or a folder of them"));
        foreach (var path in paths)
        {
            IEnumerable<string> found;
            if (File.Exists(path))
                found = new[] { path };
            else if (Directory.Exists(path))
            {
                try
                {
                    found = Directory.GetFiles(path, "*.tbir", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Add(new Diagnostic("TB0003", path, $"cannot search the folder: {e.Message}"));
                    continue;
                }
                if (!found.Any()) errors.Add(new Diagnostic("TB0003", path, "the folder holds no .tbir files"));
            }
            else
            {
                errors.Add(new Diagnostic("TB0003", path, "no such file or folder"));
                continue;
            }
            files.AddRange(found.Where(f => seen.Add(Path.GetFullPath(f))));
        }
        if (errors.Count > 0) throw new DiagnosticException(errors);
        return files;
    }
}
