using System.Buffers.Binary;
using System.Text;

namespace Testbed.Cli.Metrics;

/// <summary>
/// The section headers of an ELF64 little-endian file (an object or an image): enough to tell how
/// many bytes of code a build produced. Section names come from the section-name string table.
/// </summary>
public static class ElfSections
{
    public sealed record Section(string Name, uint Type, ulong Flags, ulong Size);

    private const ulong ExecutableFlag = 0x4; // SHF_EXECINSTR

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
                BinaryPrimitives.ReadUInt64LittleEndian(h[8..]), BinaryPrimitives.ReadUInt64LittleEndian(h[32..])));
        }
        return sections;
    }

    /// <summary>Bytes in .text and .text.* sections (what LLVM and ld.lld put code in).</summary>
    public static long TextBytes(string path) =>
        Read(path).Where(s => (s.Name == ".text" || s.Name.StartsWith(".text.", StringComparison.Ordinal)) && (s.Flags & ExecutableFlag) != 0)
            .Sum(s => (long)s.Size);

    private static string NullTerminated(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
