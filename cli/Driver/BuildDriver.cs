using System.Diagnostics;
using Testbed.Backend.Llvm;
using Testbed.Backend.Lowering;
using Testbed.Backend.Targets;
using Testbed.Cli.Metrics;
using Testbed.Frontend;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Driver;

public enum EmitKind { Image, Ir, LlvmIr, Asm, Obj }

public sealed record BuildRequest(string Input, Target Target, string OutputPath, EmitKind Emit = EmitKind.Image)
{
    /// <summary>The validated pipeline and what to observe of it; null is -O2 with nothing printed.</summary>
    public PassSession? Passes { get; init; }
    /// <summary>--llvm-arg options, each accepted by <see cref="LlvmCommandLine.Check"/>.</summary>
    public IReadOnlyList<string> LlvmArguments { get; init; } = Array.Empty<string>();
    /// <summary>False only to measure what the tests for pending exceptions cost (--ablate-exception-checks).</summary>
    public bool ExceptionChecksAfterCalls { get; init; } = true;
    /// <summary>False only to measure what linking try blocks' handler records costs (--ablate-handler-records).</summary>
    public bool HandlerRecords { get; init; } = true;
    /// <summary>False only to measure what the generational collector's write barrier costs (--ablate-write-barriers).</summary>
    public bool WriteBarriers { get; init; } = true;
    /// <summary>DWARF in the image (-g, and run --gdb).</summary>
    public bool DebugInfo { get; init; }
    /// <summary>Partitions of the optimised module compiled in parallel (--codegen-threads); null: <see cref="ParallelCodeGeneration.AutomaticPartitions"/>.</summary>
    public int? CodegenThreads { get; init; }
}

/// <summary>What a build produced and measured (--verbose and --metrics report it).</summary>
public sealed record BuildResult(string OutputPath, Module Module)
{
    /// <summary>Wall time of each stage, in the order they ran.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes { get; init; } = Array.Empty<(string, TimeSpan)>();
    public PassSession Session { get; init; } = null!;
    public PassRun? Passes { get; init; }
    public IrMeasurement? IrBeforePasses { get; init; }
    public IrMeasurement? IrAfterPasses { get; init; }
    /// <summary>Bytes of .text in the object LLVM generated; null when no object was made (--emit ir, llvm-ir, asm).</summary>
    public long? ObjectTextBytes { get; init; }
    /// <summary>Bytes of .text in the linked image; null unless an image was linked.</summary>
    public long? ImageTextBytes { get; init; }
    /// <summary>The image's .text by layer, from its function symbols; null unless an image was linked.</summary>
    public TextByLayer? ImageTextByLayer { get; init; }
}

/// <summary>
/// Wires the stages together: guest assemblies → frontend → IR verifier → Testbed passes → backend
/// lowering → LLVM pipeline → object → link. No compiler logic lives here; every step is a call into its stage.
/// </summary>
public sealed class BuildDriver
{
    private readonly RepositoryLayout layout;
    private readonly GuestBuild guestBuild;
    private readonly Action<string> progress;
    private readonly TextWriter log;

    /// <param name="log">Where the pipeline's observations go (IR dumps, diffs, remarks); stderr in the CLI.</param>
    public BuildDriver(RepositoryLayout layout, Action<string>? progress = null, TextWriter? log = null)
    {
        this.layout = layout;
        guestBuild = new GuestBuild(layout);
        this.progress = progress ?? (_ => { });
        this.log = log ?? TextWriter.Null;
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
        var session = request.Passes ?? PassSession.Create(new PipelineOptions());
        // Mistakes in the LLVM part of the pipeline or in --llvm-arg are reported before any work.
        CheckLlvmPipeline(session.Pipeline, target);
        if (session.Pipeline.LlvmPerLayer && request.Emit is EmitKind.Asm or EmitKind.Obj)
            throw new DiagnosticException(new Diagnostic(PipelineErrors.BadOption, "command line",
                $"--emit {request.Emit.ToString().ToLowerInvariant()}: llvm<per-layer>(...) makes one object per layer; emit an image or llvm-ir (all layers' modules, one after another)"));
        LlvmCommandLine.Apply(request.LlvmArguments);
        ResolveInput(request.Input);

        var libraries = Stage($"building the library OS for {target.Name}", () => LibraryAssemblies(target));
        // -g -O0 is a debug build: C# compiled as `dotnet build -c Debug` would, so every named local has a slot to show.
        bool optimised = session.Pipeline.Llvm is { } llvmText && !llvmText.Contains("<O0>", StringComparison.Ordinal);
        bool debugBuild = request.DebugInfo && session.Pipeline.Llvm is not null && !optimised;
        var app = Stage("building the application", () => ApplicationAssembly(request.Input, libraries, debugBuild));
        var module = Stage("importing IL", () => Compilation.Import(app, libraries,
            // -g: stack traces name file and line, through a frame recorder other images do without.
            runtimeSupport: request.DebugInfo ? session.Pipeline.RuntimeSupport.Append(LoweringOptions.FrameWithLineSymbol).ToList() : session.Pipeline.RuntimeSupport,
            warn: w => log.WriteLine($"warning: {w}")));
        Stage("verifying IR", () => Verify(module, "IR verifier"));
        var before = IrMeasurement.Of(module);
        var passes = Stage("running Testbed passes", () => session.Run(module, log));
        if (session.Pipeline.Steps.Count > 0) Stage("verifying IR after the passes", () => Verify(module, $"IR verifier, after {session.Pipeline}"));
        // StageTimes is the list itself: stages still to come are added to it.
        var result = new BuildResult(request.OutputPath, module)
        {
            StageTimes = times, Session = session, Passes = passes, IrBeforePasses = before, IrAfterPasses = IrMeasurement.Of(module),
        };
        if (request.Emit == EmitKind.Ir)
        {
            File.WriteAllText(request.OutputPath, Printer.Print(module));
            return result;
        }

        using var context = new LlvmContext();
        using var llvm = context.CreateModule(module.Name);
        using var machine = target.CreateTargetMachine(CodeGenLevelFor(session.Pipeline.Llvm));
        Stage("lowering to LLVM", () =>
        {
            target.PrepareModule(llvm, machine);
            ModuleLowering.Lower(module, llvm, new LoweringOptions(target.RequiredFunctionAttributes)
            {
                ExceptionChecksAfterCalls = request.ExceptionChecksAfterCalls, HandlerRecords = request.HandlerRecords,
                WriteBarriers = request.WriteBarriers,
                DebugInfo = request.DebugInfo, Optimized = optimised,
            });
            if (llvm.Verify() is { } error)
                throw new DiagnosticException(new Diagnostic("TB3001", "LLVM verifier", error));
            return 0;
        });
        if (session.Pipeline.LlvmPerLayer)
            return BuildPerLayer(request, result, module, llvm, machine, Stage<int>);
        if (session.Pipeline.Llvm is { } llvmPipeline)
            Stage($"running LLVM's {llvmPipeline}", () =>
            {
                RunLlvmPipeline(llvm, llvmPipeline, machine);
                return 0;
            });
        // After the optimiser, so that it names only the functions that survived.
        SymbolTable.DefineIfImported(llvm);
        switch (request.Emit)
        {
            case EmitKind.LlvmIr: File.WriteAllText(request.OutputPath, llvm.Print()); return result;
            case EmitKind.Asm: Stage("generating assembly", () => { llvm.EmitAssembly(machine, request.OutputPath); return 0; }); return result;
            case EmitKind.Obj:
                Stage("generating code", () => { llvm.EmitObject(machine, request.OutputPath); return 0; });
                return result with { ObjectTextBytes = ElfSections.TextBytes(request.OutputPath) };
            default:
            {
                int partitions = request.CodegenThreads ?? ParallelCodeGeneration.AutomaticPartitions(llvm);
                IReadOnlyList<string> objects = partitions == 1
                    ? [request.OutputPath + ".o"]
                    : Enumerable.Range(0, partitions).Select(k => $"{request.OutputPath}.{k}.o").ToList();
                var level = CodeGenLevelFor(session.Pipeline.Llvm);
                return Link(request, result, module, objects, Stage<int>,
                    () => ParallelCodeGeneration.EmitObjects(llvm, () => target.CreateTargetMachine(level), objects));
            }
        }
    }

    private static void RunLlvmPipeline(LlvmModule llvm, string pipeline, LlvmTargetMachine machine)
    {
        if (llvm.TryRunPasses(pipeline, machine) is { } error)
            throw new DiagnosticException(new Diagnostic("TB3002", "LLVM pipeline", error));
    }

    /// <summary>
    /// llvm&lt;per-layer&gt;(...): one LLVM module per layer (<see cref="LayerSplitting"/>), each optimised
    /// alone, one object each, linked together without LTO.
    /// </summary>
    private BuildResult BuildPerLayer(BuildRequest request, BuildResult result, Module module, LlvmModule whole, LlvmTargetMachine machine,
        Func<string, Func<int>, int> stage)
    {
        var llvmPipeline = result.Session.Pipeline.Llvm!;
        var layers = new List<(string Layer, LlvmModule Module)>();
        stage("splitting the module by layer", () => { layers.AddRange(LayerSplitting.Split(module, whole)); return 0; });
        if (request.DebugInfo)
        {
            // LLVM's module cloning leaves the layers' debug records conflicting (its verifier rejects
            // them); until the split is done without cloning, per-layer images go without DWARF.
            foreach (var (_, layerModule) in layers) LLVM.StripModuleDebugInfo(layerModule);
            log.WriteLine("warning: -g with llvm<per-layer>(...) (the separate pipeline): the image has no DWARF (docs/debugging.md); stack traces keep their lines");
        }
        var symbolTableOwner = module.Functions.FirstOrDefault(f => f.ImportName == SymbolTable.Symbol)?.Layer;
        stage($"running LLVM's {llvmPipeline} on each of {layers.Count} layers", () =>
        {
            foreach (var (layer, llvm) in layers)
            {
                if (llvm.Verify() is { } error)
                    throw new DiagnosticException(new Diagnostic("TB3001", $"LLVM verifier, module of layer {layer}", error));
                RunLlvmPipeline(llvm, llvmPipeline, machine);
            }
            // After every layer's optimiser, so that the table names only functions that survived, in any layer.
            if (layers.FirstOrDefault(l => l.Layer == symbolTableOwner) is { Module: { } owner })
                SymbolTable.DefineIfImported(owner, layers.Select(l => l.Module).Where(m => m != owner).ToList());
            return 0;
        });
        if (request.Emit == EmitKind.LlvmIr)
        {
            File.WriteAllText(request.OutputPath, string.Concat(layers.Select(l => $"; ---- layer {l.Layer} ----\n{l.Module.Print()}\n")));
            return result;
        }
        var objects = layers.Select(l => $"{request.OutputPath}.{l.Layer}.o").ToList();
        return Link(request, result, module, objects, stage, () =>
        {
            for (int k = 0; k < layers.Count; k++) layers[k].Module.EmitObject(machine, objects[k]);
        });
    }

    /// <summary>Generates the objects (<paramref name="emit"/>), links them into the image and measures both; the objects are deleted.</summary>
    private static BuildResult Link(BuildRequest request, BuildResult result, Module module, IReadOnlyList<string> objects,
        Func<string, Func<int>, int> stage, Action emit)
    {
        try
        {
            stage("generating code", () => { emit(); return 0; });
            long objectText = objects.Sum(ElfSections.TextBytes);
            stage("linking", () => { request.Target.Link(objects, request.OutputPath); return 0; });
            return result with
            {
                ObjectTextBytes = objectText, ImageTextBytes = ElfSections.TextBytes(request.OutputPath),
                ImageTextByLayer = TextByLayer.Of(request.OutputPath, module),
            };
        }
        finally
        {
            foreach (var o in objects) File.Delete(o);
        }
    }

    /// <summary>
    /// The code generator's effort follows the LLVM pipeline's, as clang's -O levels do: no llvm(...) or
    /// default&lt;O0&gt; asks for no optimisation, so instruction selection is the fast one (FastISel) and
    /// the register allocator the fast one; O1 is Less, O3 Aggressive, anything else Default. Unoptimised
    /// IR through the optimising selector took most of a pass-matrix build (4.8 s of 12 for a LINQ test).
    /// </summary>
    public static LLVMCodeGenOptLevel CodeGenLevelFor(string? llvmPipeline)
    {
        if (llvmPipeline is null) return LLVMCodeGenOptLevel.None;
        var text = llvmPipeline.Replace(" ", "");
        if (text == "default<O0>") return LLVMCodeGenOptLevel.None;
        if (text.Contains("<O1>")) return LLVMCodeGenOptLevel.Less;
        if (text.Contains("<O3>")) return LLVMCodeGenOptLevel.Aggressive;
        return LLVMCodeGenOptLevel.Default;
    }

    private static int Verify(Module module, string location)
    {
        var errors = Verifier.Verify(module);
        if (errors.Count > 0)
            throw new DiagnosticException(errors.Take(20).Select(e => new Diagnostic("TB2001", location, e)).ToList());
        return 0;
    }

    /// <summary>Lets LLVM parse the text of llvm(...) on an empty module, so that a typo costs no build (and opt, which runs no LLVM, refuses what build would).</summary>
    internal static void CheckLlvmPipeline(Pipeline pipeline, Target target)
    {
        if (pipeline.Llvm is null) return;
        using var context = new LlvmContext();
        using var empty = context.CreateModule("pipeline-check");
        using var machine = target.CreateTargetMachine();
        empty.ConfigureFor(machine);
        if (empty.TryRunPasses(pipeline.Llvm, machine) is { } error)
            throw PipelineErrors.At(PipelineErrors.LlvmPipeline, pipeline.Source, pipeline.LlvmColumn, $"LLVM rejects this pipeline: {error}");
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

    /// <summary>
    /// The input as a file (an app folder becomes its .csproj), checked before anything is built: a missing
    /// file, a folder without one project, an unknown kind of file or a .dll without .NET metadata is a TB0003
    /// at once, not after the library OS was built (or, for a .dll, a BadImageFormatException while importing).
    /// </summary>
    /// <exception cref="DiagnosticException">TB0003 when the input cannot be compiled.</exception>
    public static string ResolveInput(string input)
    {
        if (input.Length == 0 || input.Contains('\0'))
            throw new DiagnosticException(new Diagnostic("TB0003", "command line", $"{(input.Length == 0 ? "an empty" : "a NUL character in the")} input path"));
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
            case ".csproj" or ".cs": return full;
            case ".dll":
                if (!HasDotNetMetadata(full)) throw new DiagnosticException(new Diagnostic("TB0003", input, "not a .NET assembly (no PE image with CLI metadata)"));
                return full;
            default:
                throw new DiagnosticException(new Diagnostic("TB0003", input, "expected an app project folder, a .csproj, a .dll or a .cs file"));
        }
    }

    private static bool HasDotNetMetadata(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata && System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe).IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>An app project (folder or .csproj), a built .dll, or a single .cs file compiled against the core library.</summary>
    private string ApplicationAssembly(string input, IReadOnlyList<string> libraries, bool debugBuild)
    {
        var full = ResolveInput(input);
        switch (Path.GetExtension(full))
        {
            case ".csproj": return guestBuild.EnsureBuilt(full);
            case ".dll": return full;
            case ".cs":
            {
                // The path is part of the key: the PDB records it, and debug info points there.
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                    File.ReadAllBytes(full).Concat(System.Text.Encoding.UTF8.GetBytes(full)).ToArray()))[..16];
                var output = Path.Combine(layout.Cache, debugBuild ? "single-file-debug" : "single-file", hash, Path.GetFileNameWithoutExtension(full) + ".dll");
                var symbols = Path.ChangeExtension(output, ".pdb");
                if (!File.Exists(output) || !File.Exists(symbols) || File.GetLastWriteTimeUtc(output) < File.GetLastWriteTimeUtc(libraries[0]))
                {
                    // Builds for both targets may compile the same file at once: write aside, then rename,
                    // so that no reader ever sees half an assembly; the PDB first, so an assembly has its PDB.
                    var scratch = output + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    CSharpSource.Compile(full, new[] { libraries[0] }, scratch, symbolsPath: scratch + ".pdb", debugBuild: debugBuild);
                    File.Move(scratch + ".pdb", symbols, overwrite: true);
                    File.Move(scratch, output, overwrite: true);
                }
                return output;
            }
            default:
                throw new InvalidOperationException($"ResolveInput let through {full}");
        }
    }
}
