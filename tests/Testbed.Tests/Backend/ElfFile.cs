using System.Buffers.Binary;

namespace Testbed.Tests.Backend;

/// <summary>Just enough of an ELF64 little-endian reader to check what QEMU's loader relies on.</summary>
internal sealed class ElfFile
{
    public const uint PtLoad = 1;
    public const uint PtNote = 4;

    public sealed record ProgramHeader(uint Type, uint Flags, ulong Offset, ulong VirtualAddress, ulong PhysicalAddress,
        ulong FileSize, ulong MemorySize, ulong Align);

    public sealed record Note(string Name, uint Type, byte[] Descriptor);

    private ElfFile(byte[] bytes, ulong entry, IReadOnlyList<ProgramHeader> programHeaders)
    {
        Bytes = bytes;
        Entry = entry;
        ProgramHeaders = programHeaders;
    }

    public byte[] Bytes { get; }
    public ulong Entry { get; }
    public IReadOnlyList<ProgramHeader> ProgramHeaders { get; }

    public static ElfFile Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F')
            throw new InvalidDataException($"{path} is not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1) throw new InvalidDataException($"{path} is not ELF64 little-endian");
        ReadOnlySpan<byte> span = bytes;
        ulong entry = BinaryPrimitives.ReadUInt64LittleEndian(span[24..]);
        ulong phoff = BinaryPrimitives.ReadUInt64LittleEndian(span[32..]);
        ushort phentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[54..]);
        ushort phnum = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        var headers = new List<ProgramHeader>();
        for (int i = 0; i < phnum; i++)
        {
            ReadOnlySpan<byte> h = span.Slice(checked((int)phoff + i * phentsize), 56);
            headers.Add(new ProgramHeader(
                BinaryPrimitives.ReadUInt32LittleEndian(h),
                BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[16..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[24..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[32..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[40..]),
                BinaryPrimitives.ReadUInt64LittleEndian(h[48..])));
        }
        return new ElfFile(bytes, entry, headers);
    }

    /// <summary>The notes of one PT_NOTE segment (name and descriptor each padded to 4 bytes).</summary>
    public IReadOnlyList<Note> Notes(ProgramHeader segment)
    {
        var notes = new List<Note>();
        ReadOnlySpan<byte> data = Bytes.AsSpan(checked((int)segment.Offset), checked((int)segment.FileSize));
        while (data.Length >= 12)
        {
            int nameSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
            int descSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
            int nameStart = 12, descStart = nameStart + Align4(nameSize);
            string name = System.Text.Encoding.ASCII.GetString(data.Slice(nameStart, nameSize)).TrimEnd('\0');
            notes.Add(new Note(name, type, data.Slice(descStart, descSize).ToArray()));
            data = data[Math.Min(data.Length, descStart + Align4(descSize))..];
        }
        return notes;
    }

    /// <summary>File offsets where <paramref name="magic"/> occurs (little-endian) in the first
    /// <paramref name="limit"/> bytes, at any alignment.</summary>
    public IEnumerable<int> FindMagic(uint magic, int limit)
    {
        int end = Math.Min(limit, Bytes.Length) - 4;
        for (int offset = 0; offset <= end; offset++)
            if (BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(offset)) == magic)
                yield return offset;
    }

    private static int Align4(int size) => (size + 3) & ~3;
}
