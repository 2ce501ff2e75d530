namespace Testbed.Backend.Targets;

/// <summary>The ld.lld script for PVH images: loaded at 1 MiB, virtual = physical.</summary>
public static class PvhLinkerScript
{
    /// <summary>Physical (and virtual) load address: the first MiB holds the BIOS/firmware areas on q35
    /// and pc, so the image starts above it on every machine type.</summary>
    public const ulong LoadAddress = 0x100000;

    /// <summary>Explicit program headers: one segment per permission (W^X-ready), none containing the
    /// ELF headers (which would otherwise be loaded below 1 MiB), and the PT_NOTE QEMU needs.</summary>
    public static readonly string Text = $$"""
        ENTRY(_start)

        PHDRS
        {
          text   PT_LOAD FLAGS(5);   /* R X */
          rodata PT_LOAD FLAGS(4);   /* R   */
          data   PT_LOAD FLAGS(6);   /* R W */
          note   PT_NOTE FLAGS(4);
        }

        SECTIONS
        {
          . = 0x{{LoadAddress:x}};
          tb_image_start = .;

          .text : { *(.text.tb_boot) *(.text .text.*) } :text

          . = ALIGN(4096);
          tb_rodata_start = .;
          .rodata : { *(.rodata .rodata.*) } :rodata
          /* 4-byte aligned section, so the PT_NOTE segment is 4-byte aligned, as QEMU requires. */
          .note.Xen : ALIGN(4) { KEEP(*(.note.Xen)) } :rodata :note

          . = ALIGN(4096);
          tb_data_start = .;
          .data : { *(.data .data.*) } :data
          /* Placed by hand before .bss: an orphan .got (even empty) would land after .bss and make the
             segment's file size include all of .bss (a 1.2 MB hello world for 86 KB of contents). */
          .got : { *(.got .got.plt) } :data
          .bss : {
            tb_bss_start = .;
            *(.bss .bss.*)
            *(COMMON)
            tb_bss_end = .;
            /* The fault stack, the boot stack's guard page and the boot stack: after tb_bss_end, so the
               trampoline does not spend time zeroing them. */
            *(.tb_boot_stack)
          } :data

          . = ALIGN(4096);
          /* First free byte of RAM after the image: where the library OS may start its heap. */
          tb_image_end = .;

          /* No unwinder runs on bare metal; the rest are host toolchain notes. */
          /DISCARD/ : { *(.eh_frame .eh_frame_hdr .comment .note.GNU-stack .note.gnu.*) }
        }
        """;
}
