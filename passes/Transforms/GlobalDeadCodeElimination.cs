using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// globaldce: deletes the functions nothing can reach any more. The importer adds a method when some
/// reachable code calls it; after the inliner has copied a callee into every caller, or devirt and
/// preinit have removed the calls, the body stays in the module with no caller, and every later pass,
/// the verifier and the lowering still walk it (in -O2, about two in five functions of a corpus
/// program). LLVM deletes such internal functions too, but only once it has them.
///
/// Reachable is what the backend can emit a reference to, marked from the roots:
/// - the entry point and every exported function (the platform layer and the backend's runtime
///   calls, tb_alloc, tb_raise, ..., reach them by symbol);
/// - every function a live function calls or takes the address of;
/// - the classes a live function names (allocation, type tests, interface calls, initialisation
///   checks, type descriptors), with their base class, element class and interfaces, since the
///   backend emits a class's type descriptor when it is named and the descriptor holds its vtable,
///   its interface tables and (through the check) its static constructor; and System.String,
///   whose descriptor every string literal points to.
/// Declarations are kept: they cost nothing, and the backend finds some of them by their import name.
/// A module without an entry point (a fragment given to opt) keeps everything.
/// Functions are only removed from the module list; a dead function's inlined copies may still name it
/// as the site they came from (debug info), which needs no definition.
/// </summary>
[Pass("globaldce", Description = "Delete functions that no live code, exported symbol or live class's vtable can reach (after inlining)")]
public sealed class GlobalDeadCodeElimination : IModulePass
{
    public PreservedAnalyses Run(Module module, PassContext context)
    {
        // Without an entry point the module is a fragment (a .tbir file given to opt): anything in it
        // may be called from outside, as LLVM keeps a function that is not internal.
        if (module.EntryPoint is null) return PreservedAnalyses.All;
        var live = Reachable(module);
        int before = module.Functions.Count;
        module.Functions.RemoveAll(f => !f.IsDeclaration && !live.Contains(f));
        int removed = before - module.Functions.Count;
        if (removed == 0) return PreservedAnalyses.All;
        context.Count("functions removed", removed);
        return PreservedAnalyses.None;
    }

    public static HashSet<Function> Reachable(Module module)
    {
        var live = new HashSet<Function>();
        var liveClasses = new HashSet<ClassInfo>();
        var functions = new Stack<Function>();
        var classes = new Stack<ClassInfo>();
        void Function(Function? f)
        {
            if (f is not null && live.Add(f)) functions.Push(f);
        }
        void Class(ClassInfo? c)
        {
            if (c is not null && liveClasses.Add(c)) classes.Push(c);
        }

        Function(module.EntryPoint);
        foreach (var f in module.Functions)
            if (f.ExportName is not null) Function(f);
        Class(module.FindClass("System.String"));
        while (functions.Count > 0 || classes.Count > 0)
        {
            while (functions.Count > 0)
            {
                foreach (var i in functions.Pop().Instructions)
                {
                    Function(i.Callee);
                    Class(i.Class);
                }
            }
            while (classes.Count > 0)
            {
                var c = classes.Pop();
                Class(c.BaseClass);
                Class(c.ElementClass);
                Function(c.StaticConstructor);
                foreach (var f in c.VTable) Function(f);
                foreach (var implementation in c.Interfaces)
                {
                    Class(implementation.Interface);
                    foreach (var f in implementation.Methods) Function(f);
                }
            }
        }
        return live;
    }
}
