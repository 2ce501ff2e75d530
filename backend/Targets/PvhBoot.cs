namespace Testbed.Backend.Targets;

/// <summary>The PVH entry trampoline, as LLVM module-level assembly (AT&amp;T syntax): the Xen PVH ELF note
/// that tells QEMU where to enter, and `_start`, which goes from 32-bit protected mode to 64-bit long
/// mode and calls <c>tb_pvh_start</c>.</summary>
public static class PvhBoot
{
    /// <summary>Size of the boot stack that <c>tb_pvh_start</c> runs on. Larger than the 64 KiB the runtime
    /// contract promises, because unoptimised recursive code is deep; it costs no file size (nobits) and
    /// no boot time (it is not zeroed).</summary>
    public const int BootStackBytes = 1 << 20;

    /// <summary>Identity map: the first 4 GiB, virtual = physical, in 2 MiB pages (1 GiB pages are not on
    /// every CPU model QEMU offers).</summary>
    public const ulong IdentityMappedBytes = 4UL << 30;

    /// <summary>The stack the CPU switches to (IST1) for faults that the faulting stack may not be able
    /// to take, such as a stack overflow into the guard page: enough for the panic report.</summary>
    public const int FaultStackBytes = 16 << 10;

    /// <summary>The 64-bit TSS: 104 bytes, no I/O permission bitmap.</summary>
    private const int TssBytes = 104;

    /// <summary>Module asm text. It must leave the assembler in `.code64` and in the section it found:
    /// LLVM emits the compiled functions right after it.</summary>
    public static readonly string Asm = $$"""
        # ---- Xen PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY = 18) ----
        # QEMU's -kernel loader looks for it in a PT_NOTE segment (4-byte aligned) and enters at the
        # 32-bit physical address it holds, in flat 32-bit protected mode, paging off, ebx = the
        # physical address of struct hvm_start_info.
            .pushsection .note.Xen, "a", @note
            .p2align 2
            .long 4                          # namesz: "Xen\0"
            .long 4                          # descsz: one 32-bit address
            .long 18                         # type
            .asciz "Xen"
            .long _start
            .popsection

        # TSC at the first instruction; the platform layer reports main's TSC minus this as boot_tsc_to_main.
        # In .data, not .bss: _start writes it before it zeroes .bss.
            .pushsection .data.tb_boot, "aw", @progbits
            .p2align 3
            .globl tb_boot_tsc
            .type tb_boot_tsc, @object
            .size tb_boot_tsc, 8
        tb_boot_tsc:
            .quad 0
            .popsection

        # 64-bit GDT: null, ring-0 code (0x08), ring-0 data (0x10), and the 16-byte TSS descriptor (0x18)
        # that gives the CPU a known-good stack (IST1) for faults such as a stack overflow, where the
        # faulting stack cannot take the exception frame. The code and data accessed bits are preset so
        # the CPU never writes to them; ltr marks the TSS busy, once, in the trampoline, after which the
        # table may be read-only. In .data because the trampoline writes the TSS base into it.
            .pushsection .data.tb_boot_gdt, "aw", @progbits
            .p2align 3
        tb_boot_gdt:
            .quad 0
            .quad 0x00af9b000000ffff
            .quad 0x00cf93000000ffff
        tb_boot_gdt_tss:
            .quad 0x0000890000000000 + {{TssBytes - 1}}   # present, type 9 (available 64-bit TSS), limit; base filled in
            .quad 0
        tb_boot_gdt_end:
            .p2align 3
        tb_boot_gdt_pointer:
            .word tb_boot_gdt_end - tb_boot_gdt - 1
            .quad tb_boot_gdt                # lgdt reads 4 bytes of base in 32-bit mode, 8 in 64-bit mode
            .popsection

        # The 64-bit TSS: only IST1 (offset 36) is used; no I/O bitmap (its offset, 104, is the limit).
            .pushsection .data.tb_boot_tss, "aw", @progbits
            .p2align 4
        tb_boot_tss:
            .long 0
            .quad 0, 0, 0                    # rsp0..rsp2: no ring changes
            .quad 0                          # reserved
            .quad tb_fault_stack_top         # IST1
            .quad 0, 0, 0, 0, 0, 0           # IST2..IST7
            .quad 0
            .word 0
            .word {{TssBytes}}                   # I/O map base beyond the limit: no bitmap
            .popsection

        # Image layout for the platform layer, which cannot name linker symbols: see ImageLayout in C#.
            .pushsection .rodata.tb_boot_layout, "a", @progbits
            .p2align 3
        tb_image_layout_table:
            .quad tb_image_start, tb_rodata_start, tb_data_start, tb_boot_stack_guard
            .quad tb_boot_stack_bottom, tb_boot_stack_top, tb_image_end
            .quad tb_fault_stack_bottom, tb_fault_stack_top
            .popsection

        # Page tables: PML4 -> one PDPT -> four page directories of 512 2-MiB pages each.
            .pushsection .bss.tb_boot, "aw", @nobits
            .p2align 12
        tb_boot_pml4:
            .skip 4096
        tb_boot_pdpt:
            .skip 4096
        tb_boot_pd:
            .skip 4096 * 4
            .popsection

        # The boot stack sits after tb_bss_end (see the linker script) so that it is not zeroed. Below it,
        # a page the platform layer leaves unmapped: a stack overflow faults there instead of silently
        # overwriting .bss. The fault stack (IST1) is where the CPU then delivers the fault.
            .pushsection .tb_boot_stack, "aw", @nobits
            .p2align 12
        tb_fault_stack_bottom:
            .skip {{FaultStackBytes}}
        tb_fault_stack_top:
            .globl tb_boot_stack_guard
        tb_boot_stack_guard:
            .skip 4096
            .globl tb_boot_stack_bottom
        tb_boot_stack_bottom:
            .skip {{BootStackBytes}}
            .globl tb_boot_stack_top
        tb_boot_stack_top:
            .popsection

            .pushsection .text.tb_boot, "ax", @progbits
            .code32
            .globl _start
            .type _start, @function
        _start:
            rdtsc                            # first, so that boot_tsc_to_main covers the whole boot
            mov %eax, tb_boot_tsc
            mov %edx, tb_boot_tsc + 4
            cli
            cld
            mov %ebx, %esi                   # start info; cpuid below clobbers ebx, nothing touches esi

            # Zero .bss, page tables included. QEMU hands over zeroed RAM, but a kernel that relied on
            # it would break on the first loader that does not.
            mov $tb_bss_start, %edi
            mov $tb_bss_end, %ecx
            sub %edi, %ecx
            xor %eax, %eax
            rep stosb

            # The TSS base, split across the descriptor as the CPU wants it (bits 16-39 and 56-63; the
            # image lies below 4 GiB, so the upper 32 bits stay 0).
            mov $tb_boot_tss, %eax
            mov %eax, %edx
            shl $16, %edx
            or %edx, tb_boot_gdt_tss
            mov %eax, %edx
            shr $16, %edx
            and $0xff, %edx
            or %edx, tb_boot_gdt_tss + 4
            and $0xff000000, %eax
            or %eax, tb_boot_gdt_tss + 4

            mov $tb_boot_pdpt + 0x3, %eax    # present | writable
            mov %eax, tb_boot_pml4
            mov $tb_boot_pd + 0x3, %eax
            mov $tb_boot_pdpt, %edi
            mov $4, %ecx
        1:  mov %eax, (%edi)
            add $0x1000, %eax
            add $8, %edi
            dec %ecx
            jnz 1b

            mov $0x83, %eax                  # present | writable | 2 MiB page, physical address 0
            mov $tb_boot_pd, %edi
            mov $2048, %ecx
        2:  mov %eax, (%edi)
            add $0x200000, %eax
            add $8, %edi
            dec %ecx
            jnz 2b

            # The fourth GiB holds device memory on every machine type (LAPIC, IOAPIC, microvm's
            # virtio-mmio, the PCI windows of q35/pc): map it uncached (PWT | PCD) so that device
            # registers are never cached.
            mov $tb_boot_pd + 3 * 4096, %edi
            mov $512, %ecx
        3:  orl $0x18, (%edi)
            add $8, %edi
            dec %ecx
            jnz 3b

            # CR4: PAE (required by long mode), OSFXSR and OSXMMEXCPT (SSE instructions and SSE
            # exceptions; compiled code uses SSE for floating point and copies).
            mov %cr4, %eax
            or $0x620, %eax
            mov %eax, %cr4
            mov $tb_boot_pml4, %eax
            mov %eax, %cr3

            # EFER: LME, plus NXE when the CPU has NX (CPUID 0x80000001 EDX bit 20): setting NXE on a
            # CPU without NX faults, and W^X mappings need it.
            mov $0x80000001, %eax
            cpuid
            mov %edx, %edi
            mov $0xc0000080, %ecx
            rdmsr
            or $0x100, %eax
            bt $20, %edi
            jnc 4f
            or $0x800, %eax
        4:  wrmsr

            # CR0: clear EM and TS (x87/SSE would trap), set MP, NE (native FPU errors), WP (ring 0
            # honours read-only pages) and PG, which activates long mode.
            mov %cr0, %eax
            and $0xfffffff3, %eax
            or $0x80010022, %eax
            mov %eax, %cr0

            lgdt tb_boot_gdt_pointer
            ljmp $0x08, $tb_boot_long_mode

            .code64
        tb_boot_long_mode:
            mov $0x10, %eax
            mov %ax, %ds
            mov %ax, %es
            mov %ax, %ss
            xor %eax, %eax
            mov %ax, %fs
            mov %ax, %gs
            mov $0x18, %ax
            ltr %ax
            mov $tb_boot_stack_top, %rsp     # 16-byte aligned before the call, as the SysV ABI wants
            xor %ebp, %ebp                   # ends frame-pointer chains for debuggers
            fninit
            mov %esi, %edi                   # tb_pvh_start(hvm_start_info*, boot TSC): the start info, zero-extended,
            mov tb_boot_tsc, %rsi            # and the TSC of the first instruction, so C# needs no extern global
            call tb_pvh_start
        5:  cli
            hlt
            jmp 5b
            .size _start, . - _start

        # ulong* tb_image_layout(): addresses of the image's parts (ImageLayout in the platform layer).
            .globl tb_image_layout
            .type tb_image_layout, @function
        tb_image_layout:
            lea tb_image_layout_table(%rip), %rax
            ret
            .size tb_image_layout, . - tb_image_layout
            .popsection
        """;
}
