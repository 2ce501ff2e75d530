using System.Diagnostics;
using Testbed.Backend.Llvm;
using Testbed.Backend.Lowering;
using Testbed.Backend.Targets;
using Testbed.Frontend;
using Testbed.IR;

namespace Testbed.Cli.Driver;

public enum EmitKind { Image, Ir, LlvmIr, Asm, Obj }

public sealed record BuildRequest(string Input, Target Target, string OutputPath, EmitKind Emit = EmitKind.Image, string LlvmPipeline = "default<O2>");

/// <summary>Wall time of each stage, in the order they ran.</summary>
public sealed record BuildResult(string OutputPath, IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes, Module Module);

/// <summary>
/// Wires the stages together: guest assemblies → frontend → IR verifier → backend lowering →
/// LLVM pipeline → object → link. No compiler logic lives here; every step is a call into its stage.
/// </summary>
public sealed class BuildDriver
{
    private readonly RepositoryLayout layout;
    private readonly GuestBuild guestBuild;
    private readonly Action<string> progress;

    public BuildDriver(RepositoryLayout layout, Action<string>? progress = null)
    {
        this.layout = layout;
        guestBuild = new GuestBuild(layout);
        this.progress = progress ?? (_ => { });
    }

    public BuildResult Build(BuildRequest request)
    {
        var times = new List<(string, TimeSpan)>();
        T Stage<T>(string name, Func<T> work)
        {
            progress(name);
            var clock = Stopwatch.StartNew();
            var result = work();
            times.Add((name, clock.Elapsed));
            return result;
        }

        var target = request.Target;
        var libraries = Stage($"building the library OS for {target.Name}", () => LibraryAssemblies(target));
        var app = Stage("building the application", () => ApplicationAssembly(request.Input, libraries));
        var module = Stage("importing IL", () => Compilation.Import(app, libraries));
        Stage("verifying IR", () =>
        {
            var errors = Verifier.Verify(module);
            if (errors.Count > 0)
                throw new DiagnosticException(errors.Take(20).Select(e => new Diagnostic("TB2001", "IR verifier", e)).ToList());
            return 0;
        });
        if (request.Emit == EmitKind.Ir)
        {
            File.WriteAllText(request.OutputPath, Printer.Print(module));
            return new BuildResult(request.OutputPath, times, module);
        }

        using var context = new LlvmContext();
        using var llvm = context.CreateModule(module.Name);
        using var machine = target.CreateTargetMachine();
        Stage("lowering to LLVM", () =>
        {
            target.PrepareModule(llvm, machine);
            ModuleLowering.Lower(module, llvm, new LoweringOptions(target.RequiredFunctionAttributes));
            if (llvm.Verify() is { } error)
                throw new DiagnosticException(new Diagnostic("TB3001", "LLVM verifier", error));
            return 0;
        });
        Stage($"running LLVM's {request.LlvmPipeline}", () =>
        {
            if (llvm.TryRunPasses(request.LlvmPipeline, machine) is { } error)
                throw new DiagnosticException(new Diagnostic("TB3002", "LLVM pipeline", error));
            return 0;
        });
        switch (request.Emit)
        {
            case EmitKind.LlvmIr: File.WriteAllText(request.OutputPath, llvm.Print()); break;
            case EmitKind.Asm: Stage("generating assembly", () => { llvm.EmitAssembly(machine, request.OutputPath); return 0; }); break;
            case EmitKind.Obj: Stage("generating code", () => { llvm.EmitObject(machine, request.OutputPath); return 0; }); break;
            default:
            {
                var objectPath = request.OutputPath + ".o";
                Stage("generating code", () => { llvm.EmitObject(machine, objectPath); return 0; });
                Stage("linking", () => { target.Link(objectPath, request.OutputPath); return 0; });
                File.Delete(objectPath);
                break;
            }
        }
        return new BuildResult(request.OutputPath, times, module);
    }

    /// <summary>The core library first, then the platform layer of the target (all assemblies of its build output).</summary>
    public IReadOnlyList<string> LibraryAssemblies(Target target)
    {
        var platform = guestBuild.EnsureBuilt(layout.PlatformProject(target.Name));
        var dir = Path.GetDirectoryName(platform)!;
        var corlib = Path.Combine(dir, Layers.CoreLibraryAssembly + ".dll");
        return new[] { corlib }
            .Concat(Directory.GetFiles(dir, "*.dll").Where(p => p != corlib).OrderBy(p => p, StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>An app project (folder or .csproj), a built .dll, or a single .cs file compiled against the core library.</summary>
    private string ApplicationAssembly(string input, IReadOnlyList<string> libraries)
    {
        var full = Path.GetFullPath(input);
        if (Directory.Exists(full))
        {
            var projects = Directory.GetFiles(full, "*.csproj");
            if (projects.Length != 1)
                throw new DiagnosticException(new Diagnostic("TB0003", input, projects.Length == 0 ? "the folder holds no .csproj" : "the folder holds more than one .csproj; name one"));
            full = projects[0];
        }
        if (!File.Exists(full)) throw new DiagnosticException(new Diagnostic("TB0003", input, "no such file or folder"));
        switch (Path.GetExtension(full))
        {
            case ".csproj": return guestBuild.EnsureBuilt(full);
            case ".dll": return full;
            case ".cs":
            {
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(full)))[..16];
                var output = Path.Combine(layout.Cache, "single-file", hash, Path.GetFileNameWithoutExtension(full) + ".dll");
                if (!File.Exists(output) || File.GetLastWriteTimeUtc(output) < File.GetLastWriteTimeUtc(libraries[0]))
                {
                    // Builds for both targets may compile the same file at once: write aside, then rename,
                    // so that no reader ever sees half an assembly.
                    var scratch = output + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    CSharpSource.Compile(full, new[] { libraries[0] }, scratch);
                    File.Move(scratch, output, overwrite: true);
                }
                return output;
            }
            default:
                throw new DiagnosticException(new Diagnostic("TB0003", input, "expected an app project folder, a .csproj, a .dll or a .cs file"));
        }
    }
}
