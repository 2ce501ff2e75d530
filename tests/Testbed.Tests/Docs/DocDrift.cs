using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Testbed.IR;
using Module = Testbed.IR.Module;
using Testbed.Passes;

namespace Testbed.Tests.Docs;

/// <summary>A name in a document's prose that the pass API does not have.</summary>
public sealed record DocDriftProblem(string File, int Line, string Span, string Reason)
{
    public override string ToString() => $"{File}:{Line}: `{Span}`: {Reason}";
}

/// <summary>
/// Finds the names of the pass API (the public types of Testbed.IR and Testbed.Passes) that the prose of
/// a document mentions but the assemblies no longer have. The rule, on inline code spans outside fenced
/// code blocks:
/// <list type="bullet">
/// <item><c>Type.Member</c> (each part may carry <c>&lt;...&gt;</c> type arguments, the whole may end in
/// <c>(...)</c>) whose <c>Type</c> is a public type of those assemblies: <c>Member</c> must be one of its
/// public members (inherited ones too), a nested type, an enum value, or an extension method of those
/// assemblies that takes a <c>Type</c>;</item>
/// <item><c>receiver.Member</c> with one of the receiver names the docs use for the API's objects
/// (<c>function</c>, <c>block</c>, <c>instruction</c>, <c>value</c>, <c>use</c>, <c>module</c>,
/// <c>builder</c>, <c>context</c>, <c>analyses</c>): the same, on that receiver's type.</item>
/// </list>
/// A span whose first part is not an API type (<c>ProcessExit.AddReport</c>, <c>Testbed.IR</c>) names
/// something else and is not checked. In the documents about the pass API itself (<see cref="ApiDocuments"/>)
/// a bare PascalCase name (<c>UsedValues</c>, <c>Erase()</c>, <c>Get&lt;T&gt;(f)</c>) must moreover be an
/// API type, a public member or enum value of one, or a type the API is written with (.NET's core library,
/// QuikGraph: <c>List</c>, <c>BidirectionalGraph</c>); elsewhere
/// prose names too many other things (<c>Main</c>, corlib and library-OS types) for a bare word to be checked.
/// </summary>
public static partial class DocDrift
{
    private static readonly Assembly[] ApiAssemblies = { typeof(Module).Assembly, typeof(PassContext).Assembly };

    /// <summary>Simple name (generic arity dropped) → the public top-level type of that name.</summary>
    private static readonly Lazy<Dictionary<string, Type>> ApiTypes = new(() =>
        ApiAssemblies.SelectMany(a => a.GetExportedTypes()).Where(t => !t.IsNested)
            .GroupBy(t => SimpleName(t)).ToDictionary(g => g.Key, g => g.First()));

    private static readonly Lazy<List<MethodInfo>> ExtensionMethods = new(() =>
        ApiAssemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.IsDefined(typeof(ExtensionAttribute), false))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.IsDefined(typeof(ExtensionAttribute), false)).ToList());

    private static readonly Dictionary<string, Type> Receivers = new()
    {
        ["module"] = typeof(Module), ["function"] = typeof(Function), ["block"] = typeof(Block),
        ["instruction"] = typeof(Instruction), ["value"] = typeof(Value), ["use"] = typeof(Use),
        ["builder"] = typeof(Builder), ["context"] = typeof(PassContext), ["analyses"] = typeof(AnalysisManager),
    };

    /// <summary>The documents whose bare names are checked too: they describe nothing but the IR and the pass API.</summary>
    public static readonly IReadOnlySet<string> ApiDocuments = new HashSet<string> { "ir.md", "ir-reference.md", "writing-a-pass.md" };

    /// <summary>Every public member name of every API type, extension methods included.</summary>
    private static readonly Lazy<HashSet<string>> ApiMemberNames = new(() =>
        ApiAssemblies.SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(m => m.Name).Append(SimpleName(t)))
            .ToHashSet());

    /// <summary>Types the API is written with: .NET's core library and what the API assemblies reference (QuikGraph's graphs).</summary>
    private static readonly Lazy<HashSet<string>> ReferencedTypes = new(() =>
        ApiAssemblies.SelectMany(a => a.GetReferencedAssemblies()).Select(Assembly.Load).Append(typeof(object).Assembly)
            .SelectMany(a => a.GetExportedTypes()).Select(SimpleName).ToHashSet());

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(?<first>[A-Za-z_]\w*)(?:<[^<>]*>)?\.(?<member>[A-Z]\w*)(?:<[^<>]*>)?(?:\(.*\))?$")]
    private static partial Regex QualifiedName();

    // PascalCase proper: a capital then a small letter, so that TB2001, KEY and LLVMRunPasses are not taken for names.
    [GeneratedRegex(@"^(?<name>[A-Z][a-z]\w*)(?:<[^<>]*>)?(?:\(.*\))?$")]
    private static partial Regex BareName();

    /// <summary>
    /// Every drifted name in <paramref name="text"/>, the Markdown of <paramref name="file"/>; bare names
    /// are checked when <paramref name="checkBareNames"/> (see <see cref="ApiDocuments"/>).
    /// </summary>
    public static IEnumerable<DocDriftProblem> Check(string file, string text, bool checkBareNames = false)
    {
        bool inFence = false;
        var lines = text.Split('\n');
        for (int k = 0; k < lines.Length; k++)
        {
            if (lines[k].TrimStart().StartsWith("```")) { inFence = !inFence; continue; }
            if (inFence) continue;
            foreach (Match span in CodeSpan().Matches(lines[k]))
                if ((Problem(span.Groups[1].Value) ?? (checkBareNames ? BareNameProblem(span.Groups[1].Value) : null)) is { } reason)
                    yield return new DocDriftProblem(file, k + 1, span.Groups[1].Value, reason);
        }
    }

    /// <summary>Why the span names nothing in the API; null when it does or is not an API name.</summary>
    private static string? Problem(string span)
    {
        var name = QualifiedName().Match(span.Trim());
        if (!name.Success) return null;
        var first = name.Groups["first"].Value;
        var type = char.IsLower(first[0]) ? Receivers.GetValueOrDefault(first) : ApiTypes.Value.GetValueOrDefault(first);
        if (type is null) return null;
        var member = name.Groups["member"].Value;
        return HasMember(type, member) ? null : $"{type.FullName} has no public member '{member}'";
    }

    private static string? BareNameProblem(string span)
    {
        var name = BareName().Match(span.Trim());
        if (!name.Success) return null;
        var word = name.Groups["name"].Value;
        return ApiMemberNames.Value.Contains(word) || ReferencedTypes.Value.Contains(word)
            ? null : $"no type of the pass API or of what it references, and no member of an API type, is named '{word}'";
    }

    private static bool HasMember(Type type, string member)
    {
        const BindingFlags any = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        if (type.GetMember(member, any).Length > 0) return true;
        // Interfaces do not inherit through GetMember: look at what they extend.
        if (type.IsInterface && type.GetInterfaces().Any(i => i.GetMember(member, any).Length > 0)) return true;
        if (type.GetNestedTypes().Any(n => SimpleName(n) == member)) return true;
        return ExtensionMethods.Value.Any(m => m.Name == member && Extends(m.GetParameters()[0].ParameterType, type));
    }

    private static bool Extends(Type parameter, Type type) =>
        parameter.IsAssignableFrom(type) || (parameter.IsGenericType && type.IsGenericType && parameter.GetGenericTypeDefinition() == type.GetGenericTypeDefinition());

    private static string SimpleName(Type t) => t.Name.Split('`')[0];
}
