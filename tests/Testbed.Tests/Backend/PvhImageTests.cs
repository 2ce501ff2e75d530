using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>What QEMU's PVH loader needs from the ELF file, checked on the linked image.</summary>
[Collection(BackendImagesCollection.Name)]
public sealed class PvhImageTests(BuiltImages images)
{
    private const uint XenElfNotePhys32Entry = 18;

    [Fact]
    public void HasAFourByteAlignedPtNoteWithThePvhEntry()
    {
        ElfFile elf = ElfFile.Read(images.PvhHello);
        ElfFile.ProgramHeader note = Assert.Single(elf.ProgramHeaders, h => h.Type == ElfFile.PtNote);
        Assert.Equal(4UL, note.Align);

        ElfFile.Note entry = Assert.Single(elf.Notes(note), n => n.Name == "Xen" && n.Type == XenElfNotePhys32Entry);
        Assert.Equal(4, entry.Descriptor.Length);
        uint address = BitConverter.ToUInt32(entry.Descriptor);
        Assert.Equal(elf.Entry, address);
        Assert.True(elf.ProgramHeaders.Any(h => h.Type == ElfFile.PtLoad && (h.Flags & 1) != 0
            && address >= h.VirtualAddress && address < h.VirtualAddress + h.MemorySize), "the entry lies in an executable segment");
    }

    [Fact]
    public void HasNoMultibootHeader()
    {
        ElfFile elf = ElfFile.Read(images.PvhHello);
        Assert.Empty(elf.FindMagic(0x1BADB002, 32 * 1024));   // multiboot 1
        Assert.Empty(elf.FindMagic(0xE85250D6, 32 * 1024));   // multiboot 2
    }

    [Fact]
    public void LoadsAtOneMebibyteIdentityMapped()
    {
        ElfFile elf = ElfFile.Read(images.PvhHello);
        var loads = elf.ProgramHeaders.Where(h => h.Type == ElfFile.PtLoad).ToList();
        Assert.NotEmpty(loads);
        Assert.All(loads, h =>
        {
            Assert.True(h.PhysicalAddress >= PvhLinkerScript.LoadAddress, $"segment at {h.PhysicalAddress:x} is below 1 MiB");
            Assert.Equal(h.VirtualAddress, h.PhysicalAddress);
            const uint writable = 2, executable = 1;
            Assert.False((h.Flags & (writable | executable)) == (writable | executable), "a segment is writable and executable");
        });
        Assert.Equal(PvhLinkerScript.LoadAddress, loads.Min(h => h.PhysicalAddress));
    }
}
