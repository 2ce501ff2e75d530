using Testbed.Backend.Llvm;

namespace Testbed.Backend.Lowering;

/// <summary>
/// Code generation of one optimised module on several cores, as lld's --lto-partitions does for LTO:
/// the functions are dealt out into partitions of about equal size, each partition is a copy of the
/// module in which the other partitions' functions are declarations, and each copy is compiled to
/// an object in a thread of its own, in an LLVM context of its own (contexts are not thread-safe).
/// The linker joins the objects again. Instruction selection and register allocation work one
/// function at a time, so a function's machine code is the same whichever partition it lands in;
/// only the order of functions in .text changes. The optimiser has run on the whole module before:
/// nothing is lost to the split (unlike `llvm&lt;per-layer&gt;`, which optimises each layer alone).
///
/// What the split has to keep right:
/// <list type="bullet">
/// <item>Each definition is emitted by exactly one partition: a function by the one it was dealt to,
/// a variable (vtables, descriptors, literals, a function's frame record) by the first partition
/// whose code needs it, and the module's inline assembly (entry code, boot data), with the data
/// only it refers to, by the first.</item>
/// <item>A partition sees a constant it reads as a copy it does not emit (available_externally), so
/// that instruction selection still folds loads from it as in the whole module (a declaration
/// would cost a load from a descriptor or a table); data it writes is a declaration.</item>
/// <item>A local (internal or private) function or variable that a partition other than its own
/// needs becomes external with hidden visibility, so that the linker can join the reference to the
/// definition and the static link makes the symbol local again; the rest stay local and out of the
/// symbol table. A partition drops what it does not need. Unnamed values are named first, since a
/// name is what the copies share.</item>
/// </list>
/// </summary>
public static class ParallelCodeGeneration
{
    /// <summary>Most partitions used without being asked: beyond this, the bitcode copies cost more than the cores gain.</summary>
    public const int MaxAutomaticPartitions = 4;

    /// <summary>
    /// Below this many basic blocks one thread is as fast: the bitcode round trip for the copies is
    /// fixed work (hello's module, about 2,500 blocks, still gains).
    /// </summary>
    public const int MinBlocksToSplit = 1000;

    /// <summary>Stack of each code generation thread: as much as the main thread's and more (address space, not memory).</summary>
    private const int CodeGenerationStackBytes = 64 << 20;

    /// <summary>Code generation threads running in this process now (a test run builds several programs at once).</summary>
    private static int busyThreads;

    /// <summary>
    /// How many partitions to use for <paramref name="module"/>: the processors that this process's
    /// other code generation leaves free (at most <see cref="MaxAutomaticPartitions"/>), or 1 for a
    /// small module. More threads than processors would only add the copies' work.
    /// </summary>
    public static int AutomaticPartitions(LlvmModule module)
    {
        int processors = Math.Min(Environment.ProcessorCount - Volatile.Read(ref busyThreads), MaxAutomaticPartitions);
        if (processors <= 1) return 1;
        long blocks = 0;
        foreach (var f in LLVM.Functions(module))
            if (!LLVM.IsDeclaration(f)) blocks += LLVM.CountBasicBlocks(f);
        return blocks < MinBlocksToSplit ? 1 : processors;
    }

    /// <summary>
    /// Writes one object per path in <paramref name="objectPaths"/>, together holding <paramref name="module"/>'s code and
    /// data; with one path, the module as it is. <paramref name="module"/> is changed (linkages, and it
    /// becomes the first partition), so nothing else may use it afterwards.
    /// </summary>
    /// <exception cref="LlvmException">Code generation of a partition failed.</exception>
    public static void EmitObjects(LlvmModule module, Func<LlvmTargetMachine> createMachine, IReadOnlyList<string> objectPaths)
    {
        int partitions = objectPaths.Count;
        Interlocked.Add(ref busyThreads, partitions);
        try
        {
            if (partitions == 1)
            {
                using var machine = createMachine();
                module.EmitObject(machine, objectPaths[0]);
            }
            else EmitPartitions(module, createMachine, objectPaths);
        }
        finally
        {
            Interlocked.Add(ref busyThreads, -partitions);
        }
    }

    private static void EmitPartitions(LlvmModule module, Func<LlvmTargetMachine> createMachine, IReadOnlyList<string> objectPaths)
    {
        int partitions = objectPaths.Count;
        var plan = Plan.Make(module, partitions);
        byte[] bitcode = LLVM.WriteBitcodeToBytes(module);

        var failures = new Exception?[partitions];
        void Generate(int k)
        {
            try
            {
                if (k == 0) EmitPartition(module, 0, plan, createMachine, objectPaths[0]);
                else
                {
                    using var context = new LlvmContext();
                    if (context.TryParseIR(bitcode, $"partition {k}", out var copy) is { } error)
                        throw new LlvmException($"code generation failed: partition {k} could not be read back: {error}");
                    EmitPartition(copy!, k, plan, createMachine, objectPaths[k]);
                }
            }
            catch (Exception e)
            {
                failures[k] = e;
            }
        }
        // Threads of their own, not the pool's: LLVM's code generator recurses deeply on large
        // functions, and pool threads have a fraction of the main thread's 8 MiB of stack.
        var threads = Enumerable.Range(0, partitions)
            .Select(k => new Thread(() => Generate(k), CodeGenerationStackBytes) { IsBackground = true, Name = $"codegen partition {k}" })
            .ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }

    /// <summary>
    /// Where each function and variable is defined (its home partition) and which partitions need it
    /// (a bit per partition), by name.
    /// </summary>
    private sealed class Plan
    {
        public readonly Dictionary<string, int> Home = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> NeededIn = new(StringComparer.Ordinal);

        public void Rename(string from, string to)
        {
            Home[to] = Home[from];
            Home.Remove(from);
            NeededIn[to] = NeededIn[from];
            NeededIn.Remove(from);
        }

        public bool IsHome(int partition, string name) => Home.TryGetValue(name, out int h) && h == partition;
        public bool Needs(int partition, string name) => NeededIn.TryGetValue(name, out int mask) && (mask & (1 << partition)) != 0;

        public static Plan Make(LlvmModule module, int partitions)
        {
            NameUnnamed(module);
            var plan = new Plan();
            Deal(module, partitions, plan.Home);

            // Where each function and variable is used: the partitions of the functions whose code
            // refers to it (through constant expressions too), and the variables whose initialisers do.
            var values = LLVM.Functions(module).Concat(LLVM.GlobalVariables(module)).ToList();
            var initialisersUsing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var v in values)
            {
                int mask = 0;
                var holders = new List<string>();
                var pending = new Stack<LLVMValueRef>();
                var seen = new HashSet<LLVMValueRef> { v };
                pending.Push(v);
                while (pending.Count > 0)
                    foreach (var user in LLVM.Users(pending.Pop()))
                    {
                        if (!LLVM.IsAInstruction(user).IsNull)
                        {
                            var f = LLVM.GetBasicBlockParent(LLVM.GetInstructionParent(user));
                            if (plan.Home.TryGetValue(LLVM.GetValueName2(f), out int owner)) mask |= 1 << owner;
                        }
                        else if (!LLVM.IsAGlobalVariable(user).IsNull) holders.Add(LLVM.GetValueName2(user));
                        else if (LLVM.IsAFunction(user).IsNull && seen.Add(user)) pending.Push(user);
                    }
                string name = LLVM.GetValueName2(v);
                plan.NeededIn[name] = mask;
                initialisersUsing[name] = holders;
            }
            // The module's inline assembly stays in partition 0 and may name code and data (the entry
            // code calls the start-up function): what it names is needed there, LLVM cannot see it.
            foreach (var word in AsmWords(LLVM.GetModuleInlineAsm(module)))
                if (plan.NeededIn.TryGetValue(word, out int mask)) plan.NeededIn[word] = mask | 1;
            // Wherever a variable is, its initialiser may be (as the definition or an available_externally
            // copy of a constant): what the initialiser refers to is needed there too.
            for (bool changed = true; changed;)
            {
                changed = false;
                foreach (var (name, holders) in initialisersUsing)
                {
                    int mask = plan.NeededIn[name];
                    foreach (var holder in holders) mask |= plan.NeededIn[holder];
                    if (mask != plan.NeededIn[name]) { plan.NeededIn[name] = mask; changed = true; }
                }
            }
            // Data lives with the code that uses it: a function's own records and tables in its
            // partition, shared data in the first partition that needs it, data no code refers to
            // (the entry code's, in module asm) in partition 0, beside the asm.
            foreach (var g in LLVM.GlobalVariables(module))
            {
                // An appending array (llvm.used) is merged by the linker from every object: each partition keeps its own.
                if (LLVM.IsDeclaration(g) || LLVM.GetLinkage(g) == LLVMLinkage.Appending) continue;
                string name = LLVM.GetValueName2(g);
                int mask = plan.NeededIn[name];
                int home = mask == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(mask);
                plan.Home[name] = home;
                plan.NeededIn[name] = mask | (1 << home);
            }
            foreach (var v in values)
            {
                if (LLVM.IsDeclaration(v) || LLVM.GetLinkage(v) is not (LLVMLinkage.Internal or LLVMLinkage.Private)) continue;
                string name = LLVM.GetValueName2(v);
                if (!plan.Home.TryGetValue(name, out int home) || (plan.NeededIn[name] & ~(1 << home)) == 0) continue;
                LLVM.SetLinkage(v, LLVMLinkage.External);
                LLVM.SetVisibility(v, LLVMVisibility.Hidden);
                // The linker reads a global symbol's "name@version" as a symbol version and names it
                // "name" in the image; a local one keeps its name. Exposed, '@' becomes '$at$'.
                if (name.Contains('@'))
                {
                    LLVM.SetValueName2(v, name.Replace("@", "$at$", StringComparison.Ordinal));
                    // LLVM makes a name unique if it is taken: record the one it gave.
                    plan.Rename(name, LLVM.GetValueName2(v));
                }
            }
            return plan;
        }
    }

    /// <summary>The symbol-like words of assembly text.</summary>
    private static IEnumerable<string> AsmWords(string asm) =>
        System.Text.RegularExpressions.Regex.Matches(asm, @"[A-Za-z_.$][A-Za-z0-9_.$@]*").Select(m => m.Value).Distinct();

    /// <summary>
    /// Deals the defined functions out by size, largest first, each to the partition with the least
    /// so far (LPT scheduling: within 4/3 of the best balance). A function's companions (`F$unbox`,
    /// the filter funclets `F$filters@IL_0010`) go with it, so that what only F refers to stays local
    /// to F's partition. Ties go by name, so that a build is the same every time.
    /// </summary>
    private static void Deal(LlvmModule module, int partitions, Dictionary<string, int> owners)
    {
        var defined = new List<(string Name, long Size)>();
        foreach (var f in LLVM.Functions(module))
            if (!LLVM.IsDeclaration(f) && LLVM.GetLinkage(f) != LLVMLinkage.AvailableExternally)
                defined.Add((LLVM.GetValueName2(f), Size(f)));
        var names = defined.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        string ClusterOf(string name) => name.IndexOf('$') is > 0 and var at && names.Contains(name[..at]) ? name[..at] : name;
        var clusters = defined.GroupBy(d => ClusterOf(d.Name), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Members: g.Select(d => d.Name).ToList(), Size: g.Sum(d => d.Size)))
            .OrderByDescending(c => c.Size).ThenBy(c => c.Key, StringComparer.Ordinal);
        var load = new long[partitions];
        foreach (var cluster in clusters)
        {
            int least = 0;
            for (int k = 1; k < partitions; k++)
                if (load[k] < load[least]) least = k;
            foreach (var member in cluster.Members) owners[member] = least;
            load[least] += cluster.Size;
        }
    }

    /// <summary>Instructions plus blocks: instruction selection works per block, the rest per instruction.</summary>
    private static long Size(LLVMValueRef function)
    {
        long size = 0;
        for (var b = LLVM.GetFirstBasicBlock(function); !b.IsNull; b = LLVM.GetNextBasicBlock(b))
        {
            size++;
            for (var i = LLVM.GetFirstInstruction(b); !i.IsNull; i = LLVM.GetNextInstruction(i)) size++;
        }
        return size;
    }

    private static void NameUnnamed(LlvmModule module)
    {
        int n = 0;
        foreach (var v in LLVM.Functions(module).Concat(LLVM.GlobalVariables(module)))
            if (LLVM.GetValueName2(v).Length == 0) LLVM.SetValueName2(v, $"tb.partitioned.{n++}");
    }

    private static void EmitPartition(LlvmModule module, int partition, Plan plan, Func<LlvmTargetMachine> createMachine, string objectPath)
    {
        var unneeded = new List<string>();
        foreach (var f in LLVM.Functions(module).ToList())
        {
            string name = LLVM.GetValueName2(f);
            if (LLVM.IsDeclaration(f) || !plan.Home.ContainsKey(name) || plan.IsHome(partition, name)) continue;
            LLVM.DeleteBody(f);
            LLVM.SetLinkage(f, LLVMLinkage.External);
            // A declaration carries no subprogram (-g): the partition that defines it describes it.
            LLVM.SetSubprogram(f, default);
            if (!plan.Needs(partition, name)) unneeded.Add(name);
        }
        foreach (var g in LLVM.GlobalVariables(module).ToList())
        {
            string name = LLVM.GetValueName2(g);
            if (LLVM.IsDeclaration(g) || !plan.Home.ContainsKey(name) || plan.IsHome(partition, name)) continue;
            if (plan.Needs(partition, name) && LLVM.IsGlobalConstant(g))
                LLVM.SetLinkage(g, LLVMLinkage.AvailableExternally);
            else
            {
                // In place, so that its alignment and attributes stay what code generation saw in the whole module.
                LLVM.SetInitializer(g, default);
                LLVM.SetLinkage(g, LLVMLinkage.External);
                if (!plan.Needs(partition, name)) unneeded.Add(name);
            }
            // The home partition describes the variable (-g); a copy here would be a second description.
            LLVM.GlobalClearMetadata(g);
        }
        if (partition != 0 && LLVM.GetModuleInlineAsm(module).Length > 0) LLVM.SetModuleInlineAsm2(module, "");
        // Declarations nothing here refers to any more (their users were other partitions' code or data).
        foreach (var name in unneeded)
        {
            var f = LLVM.GetNamedFunction(module, name);
            if (!f.IsNull) { if (LLVM.GetFirstUse(f).IsNull) LLVM.DeleteFunction(f); continue; }
            var g = LLVM.GetNamedGlobal(module, name);
            if (!g.IsNull && LLVM.GetFirstUse(g).IsNull) LLVM.DeleteGlobal(g);
        }
        using var machine = createMachine();
        module.EmitObject(machine, objectPath);
    }
}
