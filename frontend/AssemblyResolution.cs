using Mono.Cecil;

namespace Testbed.Frontend;

/// <summary>
/// Makes every assembly reference resolve to the one instance loaded for this compilation, and every
/// reference to a .NET framework assembly resolve onto the library OS by type name.
/// </summary>
/// <remarks>
/// An unmodified project (<c>dotnet new console</c>) is compiled against the framework's reference
/// assemblies: its types live in <c>System.Runtime</c>, <c>System.Console</c>, <c>System.Collections</c>
/// and dozens more, which at run time forward to <c>System.Private.CoreLib</c>. Here the core library
/// and the library OS play the part of all of them, the way type forwarding does: a type is looked up
/// by its full name in the core library first, then in the other libraries. A framework type or member
/// that none of them provides stays unresolved, and the importer names it (TB1001); the host's own
/// framework is never loaded.
/// </remarks>
internal sealed class AssemblyResolution : IAssemblyResolver
{
    private readonly Dictionary<string, AssemblyDefinition> cache = new();
    private readonly DefaultAssemblyResolver searchPath = new();
    private readonly Dictionary<string, TypeDefinition> libraryTypes = new();

    public AssemblyResolution(IEnumerable<string> searchDirectories)
    {
        foreach (var dir in searchDirectories) searchPath.AddSearchDirectory(dir);
        Metadata = new ForwardingMetadataResolver(this);
    }

    public MetadataResolver Metadata { get; }

    public ReaderParameters ReaderParameters(bool readSymbols) => new()
    {
        AssemblyResolver = this,
        MetadataResolver = Metadata,
        ReadSymbols = readSymbols,
        SymbolReaderProvider = readSymbols ? new Mono.Cecil.Cil.DefaultSymbolReaderProvider(throwIfNoSymbol: false) : null,
    };

    /// <summary>Records an input assembly; a library's types become what framework references forward to.</summary>
    public void Add(AssemblyDefinition assembly, bool isLibrary)
    {
        cache[assembly.Name.Name] = assembly;
        if (!isLibrary) return;
        // The core library is added first, so its definition of a name wins over any other library's.
        foreach (var type in assembly.MainModule.GetTypes())
            libraryTypes.TryAdd(type.FullName, type);
    }

    /// <summary>
    /// Names under which code (or Cecil itself) may refer to the core library. Cecil's TypeSystem
    /// makes up an mscorlib reference for the primitive types of every signature in a module that
    /// does not reference one of these; it must find our core library, never the host's.
    /// </summary>
    private static readonly HashSet<string> CoreLibraryNames = new() { "mscorlib", "System.Private.CoreLib", "System.Runtime", "netstandard" };

    /// <summary>The public key tokens that Microsoft signs the framework's assemblies with.</summary>
    private static readonly HashSet<string> FrameworkKeyTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "b03f5f7f11d50a3a", "cc7b13ffcd2ddd51", "7cec85d7bea7798e", "b77a5c561934e089", "31bf3856ad364e35", "adb9793829ddae60",
    };

    public static bool IsFramework(AssemblyNameReference name) =>
        CoreLibraryNames.Contains(name.Name)
        || (name.PublicKeyToken is { Length: 8 } token && FrameworkKeyTokens.Contains(Convert.ToHexString(token))
            && (name.Name.StartsWith("System", StringComparison.Ordinal) || name.Name.StartsWith("Microsoft", StringComparison.Ordinal) || name.Name is "mscorlib" or "netstandard"));

    public AssemblyDefinition Resolve(AssemblyNameReference name)
    {
        if (cache.TryGetValue(name.Name, out var known)) return known;
        if (IsFramework(name) && cache.TryGetValue(Layers.CoreLibraryAssembly, out var core)) return core;
        // Read with this resolver, so that the assembly's own references resolve here too.
        return cache[name.Name] = searchPath.Resolve(name, ReaderParameters(readSymbols: false));
    }

    public AssemblyDefinition Resolve(AssemblyNameReference name, ReaderParameters parameters) => Resolve(name);

    public void Dispose() => searchPath.Dispose();

    private sealed class ForwardingMetadataResolver : MetadataResolver
    {
        private readonly AssemblyResolution resolution;

        public ForwardingMetadataResolver(AssemblyResolution resolution) : base(resolution) => this.resolution = resolution;

        public override TypeDefinition Resolve(TypeReference type)
        {
            var found = base.Resolve(type);
            if (found is not null) return found;
            // A nested type's scope is its outermost declaring type's.
            var outer = type.GetElementType();
            while (outer.DeclaringType is { } declaring) outer = declaring;
            return outer.Scope is AssemblyNameReference scope && IsFramework(scope) && resolution.libraryTypes.TryGetValue(type.GetElementType().FullName, out var forwarded)
                ? forwarded : null!;
        }
    }
}
