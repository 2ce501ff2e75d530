namespace Testbed.Passes;

/// <summary>An element of a pipeline as written, before its names are looked up.</summary>
public abstract record PipelineNode(string Name, int Column);

/// <summary><c>name</c> or <c>name&lt;key=value;flag&gt;</c>, optionally with a nested list: <c>function(dce,sccp)</c>.</summary>
public sealed record PassNode(string Name, int Column, int EndColumn, IReadOnlyList<ParameterNode> Parameters, IReadOnlyList<PipelineNode>? Children)
    : PipelineNode(Name, Column);

/// <summary><c>key=value</c> (or a bare <c>key</c>, which sets a bool parameter) inside angle brackets.</summary>
public sealed record ParameterNode(string Key, string? Value, int KeyColumn, int ValueColumn);

/// <summary>
/// <c>llvm(...)</c>: the text inside, kept verbatim for LLVM's own pipeline parser.
/// <c>llvm&lt;per-layer&gt;(...)</c> lowers each layer into its own LLVM module, runs the pipeline on
/// each alone and links them without LTO: separate compilation, the conventional-OS baseline.
/// </summary>
public sealed record LlvmNode(string Text, int Column, int TextColumn, bool PerLayer = false) : PipelineNode("llvm", Column);

/// <summary>
/// Reads the textual pipeline grammar of LLVM's <c>opt -passes=</c>:
/// <code>
/// pipeline  := element (',' element)* | (nothing)
/// element   := name ('&lt;' params '&gt;')? ('(' pipeline ')')?  |  'llvm' ('&lt;per-layer&gt;')? '(' verbatim ')'
/// params    := param (';' param)*        param := key ('=' value)?
/// name      := [a-z0-9_.-]+ (letters in either case are read; pass names are lower case)
/// </code>
/// Spaces around names and punctuation are allowed. Errors carry the 0-based column.
/// </summary>
public sealed class PipelineSyntax
{
    private readonly PipelineSource source;
    private readonly string text;
    private int position;

    private PipelineSyntax(PipelineSource source)
    {
        this.source = source;
        text = source.Text;
    }

    public static bool IsPassName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    /// <exception cref="Testbed.IR.DiagnosticException">TB5001 with the column of the problem.</exception>
    public static IReadOnlyList<PipelineNode> Parse(PipelineSource source)
    {
        var parser = new PipelineSyntax(source);
        parser.SkipSpaces();
        if (parser.AtEnd) return Array.Empty<PipelineNode>();
        var nodes = parser.ParseList();
        parser.SkipSpaces();
        if (!parser.AtEnd)
            throw parser.Error(parser.Peek == ')' ? "')' without a matching '('" : $"expected ',' between passes, found '{parser.Peek}'");
        return nodes;
    }

    private bool AtEnd => position >= text.Length;
    private char Peek => text[position];

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek)) position++;
    }

    private Testbed.IR.DiagnosticException Error(string message, int? column = null) =>
        PipelineErrors.At(PipelineErrors.Syntax, source, column ?? position, message);

    private List<PipelineNode> ParseList()
    {
        var nodes = new List<PipelineNode>();
        while (true)
        {
            SkipSpaces();
            nodes.Add(ParseElement());
            SkipSpaces();
            if (AtEnd || Peek != ',') return nodes;
            position++;
        }
    }

    private PipelineNode ParseElement()
    {
        int start = position;
        while (!AtEnd && IsNameChar(Peek)) position++;
        if (position == start)
            throw Error(AtEnd ? "expected a pass name, found the end of the pipeline" : $"expected a pass name, found '{Peek}'");
        var name = text[start..position];
        if (name == "llvm") return ParseLlvm(start);

        var parameters = !AtEnd && Peek == '<' ? ParseParameters() : (IReadOnlyList<ParameterNode>)Array.Empty<ParameterNode>();
        int end = position;
        SkipSpaces();
        List<PipelineNode>? children = null;
        if (!AtEnd && Peek == '(')
        {
            int open = position++;
            SkipSpaces();
            if (!AtEnd && Peek == ')') throw Error($"{name}(...) is empty");
            children = ParseList();
            SkipSpaces();
            if (AtEnd || Peek != ')') throw Error($"'(' at column {open + 1} is not closed", AtEnd ? text.Length : position);
            position++;
            end = position;
        }
        return new PassNode(name, start, end, parameters, children);
    }

    private LlvmNode ParseLlvm(int start)
    {
        bool perLayer = false;
        if (!AtEnd && Peek == '<')
        {
            int angle = position;
            var parameters = ParseParameters();
            foreach (var p in parameters)
                if (p.Key != "per-layer" || p.Value is not null)
                    throw PipelineErrors.At(PipelineErrors.BadParameter, source, p.KeyColumn,
                        $"llvm<...> takes only 'per-layer' (one LLVM module per layer, linked without LTO), not '{p.Key}{(p.Value is null ? "" : "=" + p.Value)}'");
            if (parameters.Count == 0) throw Error("llvm<> is empty; write llvm<per-layer>(...) or llvm(...)", angle);
            perLayer = true;
        }
        SkipSpaces();
        if (AtEnd || Peek != '(') throw Error("llvm must be followed by '(' and LLVM's pipeline text, as in llvm(default<O2>)");
        int open = position++;
        int depth = 1, textStart = position;
        for (; !AtEnd; position++)
        {
            if (Peek == '(') depth++;
            else if (Peek == ')' && --depth == 0) break;
        }
        if (AtEnd) throw Error($"'(' at column {open + 1} is not closed", text.Length);
        var inner = text[textStart..position].Trim();
        position++;
        if (inner.Length == 0) throw Error("llvm(...) is empty", open);
        return new LlvmNode(inner, start, textStart + (text[textStart..].Length - text[textStart..].TrimStart().Length), perLayer);
    }

    private List<ParameterNode> ParseParameters()
    {
        int open = position++;
        int depth = 1, contentStart = position;
        for (; !AtEnd; position++)
        {
            if (Peek == '<') depth++;
            else if (Peek == '>' && --depth == 0) break;
        }
        if (AtEnd) throw Error($"'<' at column {open + 1} is not closed", text.Length);
        int contentEnd = position++;
        var result = new List<ParameterNode>();
        int itemStart = contentStart;
        depth = 0;
        for (int k = contentStart; k <= contentEnd; k++)
        {
            char c = k < contentEnd ? text[k] : ';';
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == ';' && depth == 0)
            {
                result.Add(ParseParameter(itemStart, k));
                itemStart = k + 1;
            }
        }
        return result;
    }

    private ParameterNode ParseParameter(int start, int end)
    {
        var item = text[start..end];
        int equals = item.IndexOf('=');
        var key = (equals < 0 ? item : item[..equals]).Trim();
        int keyColumn = start + (item.Length - item.TrimStart().Length);
        if (key.Length == 0) throw Error("expected a parameter name (key=value)", keyColumn);
        if (!key.All(IsNameChar)) throw Error($"'{key}' is not a parameter name", keyColumn);
        if (equals < 0) return new ParameterNode(key, null, keyColumn, keyColumn);
        var rawValue = item[(equals + 1)..];
        int valueColumn = start + equals + 1 + (rawValue.Length - rawValue.TrimStart().Length);
        return new ParameterNode(key, rawValue.Trim(), keyColumn, valueColumn);
    }
}
