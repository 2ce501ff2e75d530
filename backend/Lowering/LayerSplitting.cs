using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// Separate compilation, the conventional-OS baseline (`--pipeline separate`, docs/cross-layer.md):
/// the lowered whole-program module becomes one LLVM module per layer (app, corlib, each library-OS
/// component), each optimised alone and linked without LTO, so that neither LLVM's inliner nor its
/// interprocedural analyses see across a layer boundary.
///
/// Lowering once and splitting afterwards keeps one lowering: every layer's module is a clone of the
/// whole one in which the code and data of other layers are declarations. What needs care:
/// <list type="bullet">
/// <item>A function or static that another layer uses (a call, an address in a vtable, the GC's root
/// table) gets external linkage; one used only inside its layer stays internal, so LLVM may still
/// inline and delete it there, as a C compiler does with a file's static functions.</item>
/// <item>Data without an owner (type descriptors, string literals, names) is copied into every module
/// that uses it as linkonce_odr, so the linker keeps one: a descriptor's address is the type's
/// identity, and equal literals are one object, whichever layer compares them.</item>
/// <item>Module-level assembly (entry code, boot data, the register-spilling collector entry) and
/// code the lowering generates for the runtime live in the core library's module only.</item>
/// </list>
/// </summary>
public static class LayerSplitting
{
    /// <summary>The module that also holds what no layer owns: module asm, the pending exception, runtime tables.</summary>
    public const string RuntimeLayer = "corlib";

    /// <summary>
    /// Splits <paramref name="whole"/>, lowered from <paramref name="ir"/>, into a module per layer (in
    /// the order of first appearance in the program). <paramref name="whole"/> is changed (linkages)
    /// and stays valid; the caller disposes both it and the modules returned.
    /// </summary>
    public static IReadOnlyList<(string Layer, LlvmModule Module)> Split(Module ir, LlvmModule whole)
    {
        var owners = Owners(ir, whole);
        var layers = owners.Values.Distinct().ToList();
        if (!layers.Contains(RuntimeLayer)) layers.Insert(0, RuntimeLayer);
        GiveLinkage(whole, owners);

        var asm = LLVM.GetModuleInlineAsm(whole);
        var modules = new List<(string, LlvmModule)>();
        foreach (var layer in layers)
        {
            var module = whole.Context.CloneModule(whole);
            foreach (var f in LLVM.Functions(module).ToList())
                if (!LLVM.IsDeclaration(f) && owners.Of(f) is { } owner && owner != layer)
                {
                    LLVM.DeleteBody(f);
                    LLVM.SetLinkage(f, LLVMLinkage.External);
                    // A declaration has no subprogram of its own (-g): its layer's module describes it.
                    LLVM.SetSubprogram(f, default);
                }
            foreach (var g in LLVM.GlobalVariables(module).ToList())
                if (!LLVM.IsDeclaration(g) && owners.Of(g) is { } owner && owner != layer)
                    MakeDeclaration(module, g);
            if (layer != RuntimeLayer && asm.Length > 0) LLVM.SetModuleInlineAsm2(module, "");
            RemoveUnusedSharedData(module);
            modules.Add((layer, module));
        }
        return modules;
    }

    private static string Name(LLVMValueRef value) => LLVM.GetValueName2(value);

    /// <summary>Who owns each named function and global variable of the lowered module; absent: no one (shared data).</summary>
    private sealed class OwnerMap
    {
        private readonly Dictionary<string, string> byName = new(StringComparer.Ordinal);

        public void Add(string name, string layer) => byName.TryAdd(name, layer);
        public IEnumerable<string> Values => byName.Values;
        public string? Of(LLVMValueRef value) => byName.TryGetValue(Name(value), out var o) ? o : null;
    }

    private static OwnerMap Owners(Module ir, LlvmModule whole)
    {
        var owners = new OwnerMap();
        foreach (var f in ir.Functions.Where(f => !f.IsDeclaration)) owners.Add(f.SymbolName, f.Layer);
        foreach (var g in ir.Globals.Where(g => !g.IsExternal)) owners.Add(g.Name, g.Layer);
        // Bodies the lowering writes for an import (the GC's root table accessor) belong to the importer's layer.
        foreach (var f in ir.Functions.Where(f => f.IsDeclaration)) owners.Add(f.SymbolName, f.Layer);
        foreach (var f in LLVM.Functions(whole))
            if (!LLVM.IsDeclaration(f)) owners.Add(Name(f), RuntimeLayer);
        // Visible runtime state the lowering defines (tb_pending_exception) has one home; private data is shared.
        foreach (var g in LLVM.GlobalVariables(whole))
            if (!LLVM.IsDeclaration(g) && LLVM.GetLinkage(g) == LLVMLinkage.External) owners.Add(Name(g), RuntimeLayer);
        return owners;
    }

    /// <summary>
    /// External linkage for what another layer uses; linkonce_odr for shared data. Uses are followed
    /// through constants and shared data to the functions and owned data that finally hold them.
    /// </summary>
    private static void GiveLinkage(LlvmModule whole, OwnerMap owners)
    {
        HashSet<string> UsingLayers(LLVMValueRef value)
        {
            var layers = new HashSet<string>(StringComparer.Ordinal);
            var visited = new HashSet<LLVMValueRef> { value };
            var pending = new Stack<LLVMValueRef>();
            pending.Push(value);
            while (pending.Count > 0)
                foreach (var user in LLVM.Users(pending.Pop()))
                {
                    if (!LLVM.IsAInstruction(user).IsNull)
                        layers.Add(owners.Of(LLVM.GetBasicBlockParent(LLVM.GetInstructionParent(user))) ?? RuntimeLayer);
                    else if ((!LLVM.IsAGlobalVariable(user).IsNull || !LLVM.IsAFunction(user).IsNull) && owners.Of(user) is { } owner)
                        layers.Add(owner);
                    else if (visited.Add(user))
                        pending.Push(user);
                }
            return layers;
        }

        foreach (var f in LLVM.Functions(whole).Where(f => !LLVM.IsDeclaration(f)).ToList())
            if (owners.Of(f) is { } owner && UsingLayers(f).Any(l => l != owner))
                LLVM.SetLinkage(f, LLVMLinkage.External);
        foreach (var g in LLVM.GlobalVariables(whole).Where(g => !LLVM.IsDeclaration(g)).ToList())
        {
            if (owners.Of(g) is { } owner)
            {
                if (UsingLayers(g).Any(l => l != owner)) LLVM.SetLinkage(g, LLVMLinkage.External);
            }
            else if (LLVM.GetLinkage(g) is LLVMLinkage.Internal or LLVMLinkage.Private)
                LLVM.SetLinkage(g, LLVMLinkage.LinkOnceODR);
        }
    }

    /// <summary>
    /// Drops shared data no code of this module uses any more (a descriptor of another layer's class
    /// would otherwise name that layer's internal functions), until nothing more goes: LLVM's own
    /// global DCE does the same, but not at every optimisation level.
    /// </summary>
    private static void RemoveUnusedSharedData(LlvmModule module)
    {
        bool removed = true;
        while (removed)
        {
            removed = false;
            foreach (var g in LLVM.GlobalVariables(module).ToList())
                if (LLVM.GetLinkage(g) == LLVMLinkage.LinkOnceODR && LLVM.GetFirstUse(g).IsNull)
                {
                    LLVM.DeleteGlobal(g);
                    removed = true;
                }
        }
    }

    /// <summary>Replaces a global variable's definition by an external declaration of the same name and type.</summary>
    internal static void MakeDeclaration(LlvmModule module, LLVMValueRef global)
    {
        var name = Name(global);
        LLVM.SetValueName2(global, "");
        var declaration = LLVM.AddGlobal(module, LLVM.GlobalGetValueType(global), name);
        LLVM.SetLinkage(declaration, LLVMLinkage.External);
        LLVM.ReplaceAllUsesWith(global, declaration);
        LLVM.DeleteGlobal(global);
    }
}
