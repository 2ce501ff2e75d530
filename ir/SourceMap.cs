namespace Testbed.IR;

/// <summary>One sequence point of a method: the IL offset where a source statement's code starts.</summary>
public readonly record struct SequencePoint(int ILOffset, int Line, int Column, int EndLine, int EndColumn);

/// <summary>
/// Where a function's code came from in C# source, read from the portable PDB `dotnet build` writes
/// (Mono.Cecil reads it): the document, the sequence points in IL order, and the names of parameters
/// and locals. Diagnostics-only data: passes never read it, the printer does not print it; the backend
/// turns it into DWARF (with -g) and into the file:line of exception stack traces.
/// </summary>
public sealed class SourceMap
{
    /// <summary>Line numbers the compiler emits for code that belongs to no statement (C#'s `#line hidden`).</summary>
    public const int HiddenLine = 0xFEEFEE;

    public SourceMap(string document, IEnumerable<SequencePoint> points, IReadOnlyList<string?> parameterNames, IReadOnlyDictionary<int, string> localNames)
    {
        Document = document;
        Points = points.OrderBy(p => p.ILOffset).ToArray();
        ParameterNames = parameterNames;
        LocalNames = localNames;
    }

    /// <summary>The source file's path as the C# compiler recorded it (absolute for `dotnet build`).</summary>
    public string Document { get; }
    public IReadOnlyList<SequencePoint> Points { get; }
    /// <summary>IL argument order (<c>this</c> first for instance methods, named "this"); null where the metadata has no name.</summary>
    public IReadOnlyList<string?> ParameterNames { get; }
    /// <summary>IL local index → name, for the locals the PDB names (compiler temporaries have none).</summary>
    public IReadOnlyDictionary<int, string> LocalNames { get; }

    /// <summary>The line the function's declaration is reported at: its first visible sequence point.</summary>
    public int FirstLine => Points.FirstOrDefault(p => p.Line != HiddenLine).Line;

    /// <summary>
    /// The statement containing the code at <paramref name="ilOffset"/>: the last sequence point at or
    /// before it. Null before the first one, or when that statement is hidden (compiler-generated code
    /// between statements), so that such code is not blamed on a line it does not belong to.
    /// </summary>
    public SequencePoint? At(int ilOffset)
    {
        if (ilOffset < 0 || Points.Count == 0) return null;
        int lo = 0, hi = Points.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (Points[mid].ILOffset <= ilOffset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0 || Points[found].Line == HiddenLine) return null;
        return Points[found];
    }
}

/// <summary>
/// Where an inlined instruction came from: the function whose body it was copied out of, and the call it
/// replaced (that call's IL offset in the function it was in, and where that call had itself been
/// inlined from). An instruction's own IL offset is an offset in <see cref="Callee"/>'s IL. Debug info
/// turns the chain into DWARF's inlined-at locations, so a debugger shows a frame for each inlined call.
/// </summary>
public sealed class InlineSite
{
    public InlineSite(Function callee, int callILOffset, InlineSite? caller)
    {
        Callee = callee;
        CallILOffset = callILOffset;
        Caller = caller;
    }

    public Function Callee { get; }
    /// <summary>The call's IL offset in the function it was written in (<see cref="Caller"/>'s callee, or the function the code now lives in).</summary>
    public int CallILOffset { get; }
    /// <summary>Null: the call was written in the function the code now lives in.</summary>
    public InlineSite? Caller { get; }

    /// <summary>
    /// The sites of one inlining of <see cref="Rebasing.Callee"/> at a call: each site of the callee's code
    /// gains the call at its outer end, one new object per distinct chain.
    /// </summary>
    public sealed class Rebasing(Function callee, Instruction call)
    {
        private readonly Dictionary<InlineSite, InlineSite> rebased = new();
        private InlineSite? outermost;

        public Function Callee => callee;

        /// <summary>Where code that was at <paramref name="site"/> inside the callee (null: its own code) now is.</summary>
        public InlineSite Rebase(InlineSite? site)
        {
            if (site is null) return outermost ??= new InlineSite(callee, call.ILOffset, call.InlinedAt);
            if (rebased.TryGetValue(site, out var known)) return known;
            return rebased[site] = new InlineSite(site.Callee, site.CallILOffset, Rebase(site.Caller));
        }
    }
}

/// <summary>How a debugger should read a variable's bits: what C# type family it has.</summary>
public enum VariableEncoding { Signed, Unsigned, Float, Boolean, Char, Reference, Pointer, Aggregate }

/// <summary>
/// A C# parameter or named local, for debug info: its storage (the importer's stack slot, or the
/// entry block's parameter for an argument kept in a register), its C# type name (for a reference, the
/// module's class of that name gives the fields a debugger shows) and encoding. Diagnostics-only, like <see cref="SourceMap"/>:
/// a variable whose slot a pass removed (mem2reg at -O1 and above) is simply not described.
/// </summary>
public sealed record DebugVariable(string Name, Value Storage, int ArgumentNumber, string TypeName, VariableEncoding Encoding)
{
    public bool IsParameter => ArgumentNumber > 0;
}
