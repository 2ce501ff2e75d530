using System.Globalization;
using System.Reflection;

namespace Testbed.Passes;

public enum PassKind { Module, Function }

/// <summary>
/// One parameter of a pass: a public settable property marked <see cref="PassParameterAttribute"/>.
/// Its default is whatever a freshly constructed pass holds, so that the pass's own initialiser is
/// the single place that states it.
/// </summary>
public sealed class PassParameterInfo
{
    internal PassParameterInfo(PassParameterAttribute attribute, PropertyInfo property, object? defaultValue)
    {
        Name = attribute.Name;
        Description = attribute.Description;
        Property = property;
        DefaultValue = defaultValue;
    }

    public string Name { get; }
    public string Description { get; }
    public PropertyInfo Property { get; }
    public Type Type => Property.PropertyType;
    public object? DefaultValue { get; }

    /// <summary>How the type reads in --help: int, bool, string, a|b|c.</summary>
    public string TypeName =>
        Type == typeof(int) || Type == typeof(long) ? "int"
        : Type == typeof(double) ? "number"
        : Type == typeof(bool) ? "bool"
        : Type == typeof(string) ? "string"
        : string.Join("|", Enum.GetNames(Type).Select(Kebab));

    public string DefaultText => DefaultValue switch
    {
        null => "",
        bool b => b ? "true" : "false",
        Enum e => Kebab(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };

    internal static bool IsSupported(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(bool) || t == typeof(string) || t.IsEnum;

    /// <summary>The value <paramref name="text"/> denotes, or null and why not.</summary>
    public object? TryParse(string text, out string? error)
    {
        error = null;
        if (Type == typeof(string)) return text;
        if (Type == typeof(bool))
        {
            if (text is "true" or "1" or "") return true;
            if (text is "false" or "0") return false;
            error = $"'{text}' is not a bool (true or false)";
            return null;
        }
        if (Type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
        if (Type == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (Type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        if (Type.IsEnum)
        {
            foreach (var name in Enum.GetNames(Type))
                if (Kebab(name) == text || string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                    return Enum.Parse(Type, name);
            error = $"'{text}' is not one of {TypeName}";
            return null;
        }
        error = $"'{text}' is not {(TypeName == "int" ? "an integer" : "a number")}";
        return null;
    }

    /// <summary>Enum members read in pipelines the way pass names do: <c>AppOnly</c> is <c>app-only</c>.</summary>
    private static string Kebab(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (int k = 0; k < name.Length; k++)
        {
            if (char.IsUpper(name[k]) && k > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[k]));
        }
        return sb.ToString();
    }
}

/// <summary>What the registry knows of a pass class: its name, kind, description and parameters.</summary>
public sealed class PassInfo
{
    private PassInfo(string name, string description, PassKind kind, Type type, IReadOnlyList<PassParameterInfo> parameters,
        IReadOnlyList<string> runtimeSupport)
    {
        Name = name;
        Description = description;
        Kind = kind;
        Type = type;
        Parameters = parameters;
        RuntimeSupport = runtimeSupport;
    }

    public string Name { get; }
    public string Description { get; }
    public PassKind Kind { get; }
    public Type Type { get; }
    public IReadOnlyList<PassParameterInfo> Parameters { get; }
    /// <summary>What <see cref="PassAttribute.RuntimeSupport"/> says: library-OS exports the build must import for this pass.</summary>
    public IReadOnlyList<string> RuntimeSupport { get; }
    /// <summary>The assembly the pass comes from (the compiler's own, or a plugin's).</summary>
    public string AssemblyName => Type.Assembly.GetName().Name ?? "";

    public PassParameterInfo? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>A fresh instance with the given parameter values (already parsed by <see cref="PassParameterInfo.TryParse"/>).</summary>
    public object Create(IReadOnlyDictionary<PassParameterInfo, object> arguments)
    {
        var pass = Activator.CreateInstance(Type)!;
        foreach (var (parameter, value) in arguments) parameter.Property.SetValue(pass, value);
        return pass;
    }

    /// <summary>Describes a class marked [Pass], or says why it cannot be one.</summary>
    public static PassInfo? Describe(Type type, out string? problem)
    {
        problem = null;
        var attribute = type.GetCustomAttribute<PassAttribute>();
        if (attribute is null) { problem = $"{type.FullName} has no [Pass] attribute"; return null; }
        string where = $"pass '{attribute.Name}' ({type.FullName})";
        if (!PipelineSyntax.IsPassName(attribute.Name))
        {
            problem = $"{where}: a pass name is made of lower-case letters, digits, '-', '_' and '.'";
            return null;
        }
        bool isModule = typeof(IModulePass).IsAssignableFrom(type), isFunction = typeof(IFunctionPass).IsAssignableFrom(type);
        if (isModule == isFunction)
        {
            problem = $"{where}: implement exactly one of IModulePass and IFunctionPass";
            return null;
        }
        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            problem = $"{where}: needs to be a concrete class with a public parameterless constructor";
            return null;
        }
        object prototype;
        try
        {
            prototype = Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e)
        {
            problem = $"{where}: its constructor threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}";
            return null;
        }
        var parameters = new List<PassParameterInfo>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var p = property.GetCustomAttribute<PassParameterAttribute>();
            if (p is null) continue;
            if (!PassParameterInfo.IsSupported(property.PropertyType) || property.SetMethod is not { IsPublic: true })
            {
                problem = $"{where}: parameter '{p.Name}' must be a public settable int, long, double, bool, string or enum property";
                return null;
            }
            if (parameters.Any(q => q.Name == p.Name))
            {
                problem = $"{where}: two parameters are named '{p.Name}'";
                return null;
            }
            parameters.Add(new PassParameterInfo(p, property, property.GetValue(prototype)));
        }
        return new PassInfo(attribute.Name, attribute.Description, isModule ? PassKind.Module : PassKind.Function, type, parameters,
            attribute.RuntimeSupport.ToList());
    }
}
