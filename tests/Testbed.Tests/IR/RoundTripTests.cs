using Testbed.Cli.Driver;
using Testbed.IR;
using Testbed.Tests.Frontend;
using Xunit;

namespace Testbed.Tests.IR;

/// <summary>
/// print ∘ parse is the identity on everything the importer produces: each program of the
/// differential corpus is imported (application, core library and library OS), printed, parsed,
/// printed again, and the parsed module must verify.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ProgramsFolder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    private static string ProgramsFolder => Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs");

    [Theory]
    [MemberData(nameof(Programs))]
    public void PrintingTheParsedModuleGivesTheSameText(string program)
    {
        var module = ImportedProgram.Import(File.ReadAllText(Path.Combine(ProgramsFolder, program)));
        var text = Printer.Print(module);

        var parsed = Parser.ParseModule(text, program + ".tbir");

        var again = Printer.Print(parsed);
        if (again != text) Assert.Fail(FirstDifference(text, again));
        Assert.Empty(Verifier.Verify(parsed));
        Assert.Equal(module.EntryPoint?.Name, parsed.EntryPoint?.Name);
        // The references point into the parsed module, not at look-alikes.
        var fields = parsed.Structs.SelectMany(s => s.Fields).Concat(parsed.Classes.SelectMany(c => c.Fields)).ToHashSet();
        Assert.All(parsed.Functions.SelectMany(f => f.Instructions), i =>
        {
            if (i.Callee is not null) Assert.Contains(i.Callee, parsed.Functions);
            if (i.Global is not null) Assert.Contains(i.Global, parsed.Globals);
            if (i.Class is not null) Assert.Contains(i.Class, parsed.Classes);
            if (i.Field is not null) Assert.Contains(i.Field, fields);
            if (i.TypeOperand is StructType s) Assert.Contains(s, parsed.Structs);
        });
    }

    /// <summary>A whole-module assertion would print two copies of thousands of lines; the first differing line is what helps.</summary>
    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (int k = 0; k < Math.Max(a.Length, b.Length); k++)
        {
            var x = k < a.Length ? a[k] : "<end>";
            var y = k < b.Length ? b[k] : "<end>";
            if (x != y) return $"line {k + 1} differs after the round trip:\n  printed: {x}\n  reprint: {y}";
        }
        return "the texts differ only in line endings";
    }
}
