using Mono.Cecil;

namespace Testbed.Frontend;

/// <summary>
/// Which part of the system a piece of code belongs to. The layer comes from the assembly and the
/// namespace: the core library is <c>corlib</c>, the library OS's namespace
/// <c>Testbed.LibOS.Drivers.Serial</c> is <c>libos.drivers.serial</c>, and the application is <c>app</c>.
/// </summary>
public static class Layers
{
    public const string App = "app";
    public const string Corlib = "corlib";
    public const string CoreLibraryAssembly = "Testbed.CoreLib";
    private const string LibOSPrefix = "Testbed.LibOS";

    public static string Of(TypeDefinition type)
    {
        var assembly = type.Module.Assembly.Name.Name;
        if (assembly == CoreLibraryAssembly) return Corlib;
        if (!assembly.StartsWith(LibOSPrefix, StringComparison.Ordinal)) return App;
        var outer = type;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        var ns = outer.Namespace.StartsWith(LibOSPrefix, StringComparison.Ordinal) ? outer.Namespace : assembly;
        var component = ns.Length > LibOSPrefix.Length ? ns[(LibOSPrefix.Length + 1)..] : "core";
        return "libos." + component.ToLowerInvariant();
    }

    public static bool IsGuestLibrary(AssemblyDefinition assembly) =>
        assembly.Name.Name == CoreLibraryAssembly || assembly.Name.Name.StartsWith(LibOSPrefix, StringComparison.Ordinal);
}
