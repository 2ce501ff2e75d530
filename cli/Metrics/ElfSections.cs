using System.Buffers.Binary;
using System.Text;

namespace Testbed.Cli.Metrics;

/// <summary>
/// The section headers and function symbols of an ELF64 little-endian file (an object or an image):
/// enough to tell how many bytes of code a build produced, and whose code they are. Section names come
/// from the section-name string table, symbol names from the string table .symtab links to.
/// </summary>
public static class ElfSections
{
    public sealed record Section(string Name, uint Type, ulong Flags, ulong Size)
    {
        public ulong Offset { get; init; }
        /// <summary>sh_link: for a symbol table, the index of its string table.</summary>
        public uint Link { get; init; }
        public ulong EntrySize { get; init; }
    }

    /// <summary>A function symbol: its name, its size in bytes, and the index of the section it is in.</summary>
    public sealed record FunctionSymbol(string Name, ulong Size, int Section)
    {
        /// <summary>st_value: in a linked image, the function's address (the profiler symbolises with it).</summary>
        public ulong Address { get; init; }
    }

    private const ulong ExecutableFlag = 0x4; // SHF_EXECINSTR
    private const uint SymbolTableType = 2; // SHT_SYMTAB
    private const int FunctionType = 2; // STT_FUNC
    private const int SymbolEntryBytes = 24;

    /// <exception cref="InvalidDataException">Not an ELF64 little-endian file, or its headers lie outside it.</exception>
    public static IReadOnlyList<Section> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F' || bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException($"{path} is not an ELF64 little-endian file");
        ReadOnlySpan<byte> file = bytes;
        ulong headersAt = BinaryPrimitives.ReadUInt64LittleEndian(file[0x28..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(file[0x3A..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(file[0x3C..]);
        int namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(file[0x3E..]);
        if (count == 0) return Array.Empty<Section>();
        if (entrySize < 64 || headersAt + (ulong)(entrySize * count) > (ulong)bytes.Length || namesIndex >= count)
            throw new InvalidDataException($"{path}: section headers lie outside the file");

        ReadOnlySpan<byte> Header(int k) => bytes.AsSpan(checked((int)headersAt + k * entrySize), 64);
        var names = Header(namesIndex);
        int namesOffset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(names[24..]));
        int namesSize = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(names[32..]));
        if (namesOffset + namesSize > bytes.Length) throw new InvalidDataException($"{path}: the section names lie outside the file");

        var sections = new List<Section>();
        for (int k = 0; k < count; k++)
        {
            var h = Header(k);
            int nameAt = (int)BinaryPrimitives.ReadUInt32LittleEndian(h);
            var name = nameAt < namesSize ? NullTerminated(bytes.AsSpan(namesOffset + nameAt, namesSize - nameAt)) : "";
            sections.Add(new Section(name, BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[8..]), BinaryPrimitives.ReadUInt64LittleEndian(h[32..]))
            {
                Offset = BinaryPrimitives.ReadUInt64LittleEndian(h[24..]),
                Link = BinaryPrimitives.ReadUInt32LittleEndian(h[40..]),
                EntrySize = BinaryPrimitives.ReadUInt64LittleEndian(h[56..]),
            });
        }
        return sections;
    }

    /// <summary>Bytes in .text and .text.* sections (what LLVM and ld.lld put code in).</summary>
    public static long TextBytes(string path) => Read(path).Where(IsText).Sum(s => (long)s.Size);

    public static bool IsText(Section s) =>
        (s.Name == ".text" || s.Name.StartsWith(".text.", StringComparison.Ordinal)) && (s.Flags & ExecutableFlag) != 0;

    /// <summary>The function symbols of .symtab (none if the file has no symbol table, e.g. stripped).</summary>
    /// <exception cref="InvalidDataException">The symbol or string table lies outside the file.</exception>
    public static IReadOnlyList<FunctionSymbol> FunctionSymbols(string path)
    {
        var sections = Read(path);
        var table = sections.FirstOrDefault(s => s.Type == SymbolTableType);
        if (table is null) return Array.Empty<FunctionSymbol>();
        var bytes = File.ReadAllBytes(path);
        if (table.Link >= sections.Count || table.EntrySize < SymbolEntryBytes || table.Offset + table.Size > (ulong)bytes.Length)
            throw new InvalidDataException($"{path}: the symbol table lies outside the file");
        var strings = sections[(int)table.Link];
        if (strings.Offset + strings.Size > (ulong)bytes.Length)
            throw new InvalidDataException($"{path}: the symbol names lie outside the file");
        var names = bytes.AsSpan(checked((int)strings.Offset), checked((int)strings.Size));
        var symbols = new List<FunctionSymbol>();
        for (ulong at = table.Offset; at + SymbolEntryBytes <= table.Offset + table.Size; at += table.EntrySize)
        {
            ReadOnlySpan<byte> entry = bytes.AsSpan(checked((int)at), SymbolEntryBytes);
            if ((entry[4] & 0xF) != FunctionType) continue;
            int nameAt = (int)BinaryPrimitives.ReadUInt32LittleEndian(entry);
            var name = nameAt < names.Length ? NullTerminated(names[nameAt..]) : "";
            symbols.Add(new FunctionSymbol(name, BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]), BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]))
            {
                Address = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]),
            });
        }
        return symbols;
    }

    private static string NullTerminated(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
