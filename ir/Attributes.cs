namespace Testbed.IR;

/// <summary>Whether memory is read, written, both or neither (LLVM's ModRefInfo, same bit values).</summary>
[Flags]
public enum ModRef
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
}

/// <summary>
/// What a function may do to memory its caller can see, split as LLVM's <c>memory</c> attribute
/// splits it: memory reached through pointers based on the function's pointer parameters
/// (<see cref="ArgMem"/>), and all other memory (<see cref="Other"/>: globals, the heap reached by
/// loaded pointers, the collector's and the exception machinery's state). The function's own stack
/// slots are never counted. Text: <c>memory(read)</c>, <c>memory(argmem: readwrite)</c>,
/// <c>memory(read, argmem: readwrite)</c>; <see cref="Unknown"/> prints nothing.
/// Says nothing about termination: a <c>memory(none)</c> call may still loop forever.
/// <c>default(MemoryEffects)</c> is <see cref="None"/>, the strongest claim: start from <see cref="Unknown"/>.
/// </summary>
public readonly record struct MemoryEffects(ModRef ArgMem, ModRef Other)
{
    /// <summary>What every function is assumed to do unless a pass or the text says otherwise.</summary>
    public static MemoryEffects Unknown => new(ModRef.ReadWrite, ModRef.ReadWrite);
    public static MemoryEffects None => new(ModRef.None, ModRef.None);
    public static MemoryEffects ReadOnly => new(ModRef.Read, ModRef.Read);

    public bool IsUnknown => this == Unknown;
    public bool DoesNotAccessMemory => this == None;
    public bool OnlyReadsMemory => ((ArgMem | Other) & ModRef.Write) == 0;
    public bool OnlyAccessesArgMem => Other == ModRef.None;

    public static MemoryEffects operator |(MemoryEffects a, MemoryEffects b) => new(a.ArgMem | b.ArgMem, a.Other | b.Other);

    /// <summary>The attribute as printed in a function header; empty for <see cref="Unknown"/>.</summary>
    public string Text()
    {
        if (IsUnknown) return "";
        if (ArgMem == Other) return $"memory({Word(Other)})";
        if (Other == ModRef.None) return $"memory(argmem: {Word(ArgMem)})";
        return $"memory({Word(Other)}, argmem: {Word(ArgMem)})";
    }

    public override string ToString() => IsUnknown ? "memory(unknown)" : Text();

    public static string Word(ModRef m) => m switch
    {
        ModRef.None => "none",
        ModRef.Read => "read",
        ModRef.Write => "write",
        _ => "readwrite",
    };

    public static bool TryParseWord(string word, out ModRef m)
    {
        m = word switch { "none" => ModRef.None, "read" => ModRef.Read, "write" => ModRef.Write, "readwrite" => ModRef.ReadWrite, _ => (ModRef)(-1) };
        return m >= 0;
    }
}

/// <summary>
/// Facts about one parameter, printed after its type (<c>ptr nocapture readonly</c>). They describe
/// the pointer a ptr or obj parameter holds, or the pointers inside a struct parameter (a span).
/// </summary>
[Flags]
public enum ParameterAttributes
{
    None = 0,
    /// <summary>No copy of the pointer outlives the call: it is not stored in memory the function does not own, returned or thrown, and not passed where it could be.</summary>
    NoCapture = 1,
    /// <summary>During the call, memory reached through the pointer is reached through nothing else (LLVM's noalias).</summary>
    NoAlias = 2,
    /// <summary>The function does not write through the pointer or anything derived from it.</summary>
    ReadOnly = 4,
}

public static class ParameterAttributeText
{
    private static readonly (ParameterAttributes Flag, string Word)[] Words =
    {
        (ParameterAttributes.NoCapture, "nocapture"),
        (ParameterAttributes.NoAlias, "noalias"),
        (ParameterAttributes.ReadOnly, "readonly"),
    };

    /// <summary>The words in their fixed order, each with a leading space; empty for None.</summary>
    public static string Text(ParameterAttributes attributes) =>
        string.Concat(Words.Where(w => attributes.HasFlag(w.Flag)).Select(w => " " + w.Word));

    public static bool TryParse(string word, out ParameterAttributes flag)
    {
        foreach (var (f, w) in Words)
            if (w == word) { flag = f; return true; }
        flag = ParameterAttributes.None;
        return false;
    }

    public static IEnumerable<string> All => Words.Select(w => w.Word);

    /// <summary>Types whose values can hold a pointer, so that parameter attributes mean something for them.</summary>
    public static bool CanHoldPointer(IrType type) =>
        type.IsPointerLike || (type is StructType s && s.Fields.Any(f => f.Type != type && CanHoldPointer(f.Type)));
}
