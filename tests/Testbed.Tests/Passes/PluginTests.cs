using Testbed.Cli.Commands.TestIr;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Testbed.Cli.Driver;
using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>--load-pass-plugin with assemblies compiled here, well-formed and not.</summary>
public sealed class PluginTests
{
    private const string Usings = "using Testbed.IR;\nusing Testbed.Passes;\n";

    private const string Input = """
        ; RUN-less input for the plugin tests
        module m

        func @f(i32) -> i32 layer app {
        entry(%x: i32):
          %a = add i32 %x, %x
          %b = add i32 %a, %x
          ret %b
        }
        """;

    /// <summary>Compiles pass classes (the usings of the pass API added) into a fresh plugin assembly.</summary>
    private static string CompilePlugin(string name, string source) => CompileAssembly(name, Usings + source);

    /// <summary>Compiles a complete C# file against the compiler's pass API into a fresh plugin assembly.</summary>
    internal static string CompileAssembly(string name, string source)
    {
        var dir = Path.Combine(RepositoryLayout.Locate().Cache, "test-plugins", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkDir)
            .Append(typeof(PassRegistry).Assembly.Location).Append(typeof(Module).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithNullableContextOptions(NullableContextOptions.Enable));
        var path = Path.Combine(dir, name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }

    private static string WriteInput()
    {
        var path = Path.Combine(RepositoryLayout.Locate().Cache, "test-plugins", Guid.NewGuid().ToString("N") + ".tbir");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Input);
        return path;
    }

    private static IReadOnlyList<Testbed.IR.Diagnostic> LoadErrors(string plugin) =>
        Assert.Throws<DiagnosticException>(() => PassSession.LoadRegistry(new[] { plugin })).Diagnostics;

    [Fact]
    public void APluginsPassesRunInAPipelineWithTheirStatisticsAndParameters()
    {
        var plugin = CompilePlugin("CountAdds", """
            [Pass("count-adds", Description = "Counts additions")]
            public sealed class CountAdds : IFunctionPass
            {
                [PassParameter("weight")] public int Weight { get; set; } = 1;
                public PreservedAnalyses Run(Function function, PassContext context)
                {
                    foreach (var i in function.Instructions)
                        if (i.Opcode == Opcode.Add) context.Count("additions seen", Weight);
                    return PreservedAnalyses.All;
                }
            }
            """);
        var (code, stdout, stderr) = Opt(WriteInput(), "--load-pass-plugin", plugin, "--passes=function(count-adds<weight=10>)", "--stats");
        Assert.True(code == 0, stderr);
        Assert.Contains("func @f", stdout);
        Assert.Equal("count-adds: 20 additions seen\n", stderr);
    }

    [Fact]
    public void MalformedPassClassesAreEachReported()
    {
        var plugin = CompilePlugin("Malformed", """
            [Pass("no-interface")] public sealed class A { }
            [Pass("Upper Case")] public sealed class B : IFunctionPass { public PreservedAnalyses Run(Function f, PassContext c) => PreservedAnalyses.All; }
            [Pass("no-constructor")] public sealed class C : IFunctionPass { public C(int x) { } public PreservedAnalyses Run(Function f, PassContext c) => PreservedAnalyses.All; }
            [Pass("throws")] public sealed class E : IFunctionPass
            {
                public E() { throw new System.InvalidOperationException("nope"); }
                public PreservedAnalyses Run(Function f, PassContext c) => PreservedAnalyses.All;
            }
            [Pass("bad-parameter")] public sealed class D : IFunctionPass
            {
                [PassParameter("list")] public System.Collections.Generic.List<int> List { get; set; } = new();
                public PreservedAnalyses Run(Function f, PassContext c) => PreservedAnalyses.All;
            }
            """);
        var errors = LoadErrors(plugin);
        Assert.All(errors, d => Assert.Equal(("TB5010", plugin), (d.Code, d.Location)));
        Assert.Contains(errors, d => d.Message.Contains("'no-interface' (A): implement exactly one of IModulePass and IFunctionPass"));
        Assert.Contains(errors, d => d.Message.Contains("'Upper Case' (B): a pass name is made of lower-case letters"));
        Assert.Contains(errors, d => d.Message.Contains("'no-constructor' (C): needs to be a concrete class with a public parameterless constructor"));
        Assert.Contains(errors, d => d.Message.Contains("'throws' (E): its constructor threw InvalidOperationException: nope"));
        Assert.Contains(errors, d => d.Message.Contains("parameter 'list' must be a public settable int, long, double, bool, string or enum property"));
    }

    [Fact]
    public void APluginPassCannotTakeTheNameOfABuiltInOne()
    {
        var plugin = CompilePlugin("Clash", """
            [Pass("dce")] public sealed class MyDce : IFunctionPass { public PreservedAnalyses Run(Function f, PassContext c) => PreservedAnalyses.All; }
            """);
        Assert.Contains("pass 'dce' (MyDce) has the name of a pass from Testbed.Passes", Assert.Single(LoadErrors(plugin)).Message);
    }

    [Fact]
    public void AnAssemblyWithoutPassesOrNoAssemblyAtAllIsReported()
    {
        var empty = CompilePlugin("NoPasses", "public static class Nothing { }");
        Assert.Contains("holds no class marked [Pass", Assert.Single(LoadErrors(empty)).Message);
        var text = Path.ChangeExtension(empty, ".txt.dll");
        File.WriteAllText(text, "not an assembly");
        Assert.Equal("not a .NET assembly", Assert.Single(LoadErrors(text)).Message);
        Assert.Contains("no such file", Assert.Single(LoadErrors(empty + ".missing")).Message);
    }

    [Fact]
    public void HelpListsThePluginsPassesToo()
    {
        var plugin = CompilePlugin("Listed", """
            [Pass("listed-pass", Description = "A pass from a plugin")]
            public sealed class Listed : IModulePass { public PreservedAnalyses Run(Module m, PassContext c) => PreservedAnalyses.All; }
            """);
        var (code, stdout, _) = Opt("--help", "--load-pass-plugin", plugin);
        Assert.Equal(0, code);
        Assert.Matches(@"\n  listed-pass +module +A pass from a plugin \[from Listed\]\n", stdout);
    }

    private static (int Code, string Stdout, string Stderr) Opt(params string[] arguments)
    {
        var outcome = Lit.Execute(arguments.Prepend("opt").ToList(), merged: false);
        return (outcome.ExitCode, outcome.Stdout, outcome.Stderr);
    }
}
