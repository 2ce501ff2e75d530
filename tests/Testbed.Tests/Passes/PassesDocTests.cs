using System.CommandLine;
using Testbed.Backend.Llvm;
using Testbed.Cli.Driver;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>docs/passes.md keeps up with the code: default pipelines, flags, LLVM options and diagnostic codes.</summary>
public sealed class PassesDocTests
{
    private static string Doc => File.ReadAllText(Path.Combine(RepositoryLayout.Locate().Root, "docs", "passes.md"));

    [Fact]
    public void TheDefaultPipelinesAreTheOnesInTheCode()
    {
        for (int level = 0; level <= DefaultPipelines.MaxLevel; level++)
            Assert.Contains($"| `-O{level}` | `{DefaultPipelines.Text(level)}` |", Doc);
        foreach (var name in DefaultPipelines.Names)
            Assert.Contains($"| `{name}` | `{DefaultPipelines.Find(name)!.Text}` |", Doc);
    }

    [Fact]
    public void EveryPipelineFlagIsDescribed()
    {
        var root = Testbed.Cli.Program.BuildCommandLine();
        var build = root.Subcommands.Single(c => c.Name == "build");
        var opt = root.Subcommands.Single(c => c.Name == "opt");
        // The flags opt has are the pipeline's (besides -o), and build has them all plus --llvm-arg.
        // --print-pipeline is opt's: build and run have work to do.
        Assert.Contains("`--print-pipeline`", Doc);
        foreach (var option in opt.Options.Where(o => o.Name is not ("--output" or "--help" or "--print-pipeline")))
        {
            Assert.Contains(option.Name, build.Options.Select(o => o.Name));
            Assert.Contains($"`{option.Name}", Doc);
        }
        Assert.Contains("`--llvm-arg=FLAG`", Doc);
    }

    [Fact]
    public void EveryAcceptedLlvmOptionAndEveryCodeIsListed()
    {
        foreach (var flag in LlvmCommandLine.Known) Assert.Contains($"`-{flag.Name}", Doc);
        foreach (var field in typeof(PipelineErrors).GetFields().Where(f => f.IsLiteral))
            Assert.Contains($"| {field.GetValue(null)} |", Doc);
    }
}
