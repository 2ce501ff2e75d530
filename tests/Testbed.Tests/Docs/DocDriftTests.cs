using Testbed.Cli.Driver;
using Xunit;

namespace Testbed.Tests.Docs;

/// <summary>The prose of docs/*.md and README.md names only types and members the pass API has (<see cref="DocDrift"/>).</summary>
public sealed class DocDriftTests
{
    private static string Root => RepositoryLayout.Locate().Root;

    public static IEnumerable<string> Documents() =>
        Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md")).OrderBy(p => p, StringComparer.Ordinal);

    [Fact]
    public void TheDocsNameOnlyWhatTheApiHas()
    {
        var documents = Documents().ToList();
        Assert.Contains(documents, d => d.EndsWith("ir-reference.md"));
        var problems = documents.SelectMany(d => DocDrift.Check(Path.GetRelativePath(Root, d), File.ReadAllText(d),
            checkBareNames: DocDrift.ApiDocuments.Contains(Path.GetFileName(d)))).ToList();
        Assert.True(problems.Count == 0, "names the code does not have:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void AMadeUpMemberIsReportedWithItsFileAndLine()
    {
        const string sample = "# Sample\n\nUse `Value.Uses` and `Value.UsedValues` to find users.\n\nThen `function.Frobnicate(x)`.\n";
        var problems = DocDrift.Check("sample.md", sample).ToList();
        Assert.Equal(new[] { ("sample.md", 3, "Value.UsedValues"), ("sample.md", 5, "function.Frobnicate(x)") },
            problems.Select(p => (p.File, p.Line, p.Span)));
        Assert.Contains("Testbed.IR.Value has no public member 'UsedValues'", problems[0].ToString());
    }

    [Fact]
    public void InTheApiDocumentsABareNameMustBeAnApiName()
    {
        const string sample = "`ir/Rewriting.cs` has `ReplaceUses`, `IncomingEdges`, `Erase()`, `List`, `Get<T>(f)`, `TB2001` and `UsedValues`.\n";
        Assert.Empty(DocDrift.Check("other.md", sample));
        var problem = Assert.Single(DocDrift.Check("writing-a-pass.md", sample, checkBareNames: true));
        Assert.Equal((1, "UsedValues"), (problem.Line, problem.Span));
    }

    [Fact]
    public void InheritedMembersExtensionsNestedTypesAndEnumValuesCount()
    {
        const string sample = "`Instruction.Uses`, `block.EraseWhere(...)`, `Opcode.MayThrow`, `Opcode.Mul`, "
            + "`PreservedAnalyses.ControlFlow`, `ValueUses.Enumerator`, `context.Analyses`, `IFunctionAnalysis<T>.Compute`, "
            + "`AnalysisManager.Get<DominatorTree>(function)`, `Function.Erase(set)`\n";
        Assert.Empty(DocDrift.Check("sample.md", sample));
    }

    [Fact]
    public void FencedCodeAndNamesOutsideTheApiAreNotChecked()
    {
        const string sample = "```\n`Value.Nonexistent`\n```\n`ProcessExit.AddReport`, `Testbed.IR`, `UsedValues`, `Value.Nonexistent` here\n";
        var problems = DocDrift.Check("sample.md", sample).ToList();
        Assert.Equal(4, Assert.Single(problems).Line);
    }
}
