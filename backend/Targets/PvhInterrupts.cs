using System.Text;

namespace Testbed.Backend.Targets;

/// <summary>
/// Entry stubs for all 256 vectors, as LLVM module-level assembly appended to <see cref="PvhBoot.Asm"/>.
/// Each stub gives the stack one shape (error code, vector); the common path saves the general-purpose
/// registers and calls <c>tb_cpu_exception(frame*)</c> for the 32 CPU exceptions (which never returns)
/// or <c>tb_interrupt(frame*)</c> for the device and timer vectors 32–255, after saving the SSE state,
/// and returns to the interrupted code. C# fills the IDT from <c>tb_interrupt_stub_table()</c> so that
/// it needs no asm symbol names.
/// </summary>
public static class PvhInterrupts
{
    public const int ExceptionVectorCount = 32;
    public const int VectorCount = 256;

    /// <summary>Vectors for which the CPU pushes an error code (#DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP, #VC, #SX).</summary>
    private static readonly HashSet<int> VectorsWithErrorCode = [8, 10, 11, 12, 13, 14, 17, 21, 29, 30];

    /// <summary>Starts with a newline: PvhBoot.Asm, which it follows, does not end with one.</summary>
    public static readonly string Asm = "\n" + Build();

    private static string Build()
    {
        var asm = new StringBuilder();
        asm.Append("""
                .pushsection .text.tb_interrupts, "ax", @progbits
                .code64

            """);
        for (int vector = 0; vector < VectorCount; vector++)
        {
            asm.Append($"tb_isr_{vector}:\n");
            if (!VectorsWithErrorCode.Contains(vector))
                asm.Append("    pushq $0                         # no error code: a dummy keeps one frame layout\n");
            asm.Append($"    pushq ${vector}\n");
            asm.Append("    jmp tb_isr_common\n");
        }
        // The frame, from the lowest address: r15 ... r8, rbp, rdi, rsi, rdx, rcx, rbx, rax, vector,
        // error code, then what the CPU pushed (rip, cs, rflags, rsp, ss). ExceptionFrame in the library
        // OS mirrors it. For exceptions only the general-purpose registers are saved: the handler reports
        // and exits. An interrupt returns into code that may be in the middle of using xmm registers,
        // which compiled C# (the handler included) uses freely, so that path saves them with fxsave.
        asm.Append("""
            # Weak references: images built without the library OS (the backend's own tests) define no
            # handler and load no IDT, and must still link. (.weak would clash with the C# definition in
            # the same object; .weakref stays weak only while the symbol is undefined.)
                .weakref tb_cpu_exception_weak, tb_cpu_exception
                .weakref tb_interrupt_weak, tb_interrupt
            tb_isr_common:
                push %rax
                push %rbx
                push %rcx
                push %rdx
                push %rsi
                push %rdi
                push %rbp
                push %r8
                push %r9
                push %r10
                push %r11
                push %r12
                push %r13
                push %r14
                push %r15
                mov %rsp, %rdi                   # tb_cpu_exception(frame*)
                mov %rsp, %rbx                   # callee-saved: the frame, to restore rsp after the call
                and $-16, %rsp                   # the SysV ABI wants rsp 16-byte aligned at the call
                xor %ebp, %ebp                   # the handler's own frame chain starts here
                cld
                cmpq $32, 15*8(%rbx)             # the vector: an exception, or an interrupt that returns
                jae 2f
                movabs $tb_cpu_exception_weak, %rax
                test %rax, %rax
                jz 1f
                call *%rax
                jmp 3f
            2:  sub $512, %rsp                   # fxsave area, 16-byte aligned
                fxsave (%rsp)
                movabs $tb_interrupt_weak, %rax
                test %rax, %rax
                jz 1f
                call *%rax
                fxrstor (%rsp)
            3:  mov %rbx, %rsp
                pop %r15
                pop %r14
                pop %r13
                pop %r12
                pop %r11
                pop %r10
                pop %r9
                pop %r8
                pop %rbp
                pop %rdi
                pop %rsi
                pop %rdx
                pop %rcx
                pop %rbx
                pop %rax
                add $16, %rsp                    # vector and error code
                iretq
            1:  cli                              # no handler linked in: stop
                hlt
                jmp 1b

            # ulong* tb_interrupt_stub_table(): the addresses of the 256 stubs, in vector order.
                .globl tb_interrupt_stub_table
                .type tb_interrupt_stub_table, @function
            tb_interrupt_stub_table:
                lea tb_interrupt_stubs(%rip), %rax
                ret
                .size tb_interrupt_stub_table, . - tb_interrupt_stub_table
                .popsection

                .pushsection .rodata.tb_interrupts, "a", @progbits
                .p2align 3
            tb_interrupt_stubs:

            """);
        for (int vector = 0; vector < VectorCount; vector++)
            asm.Append($"    .quad tb_isr_{vector}\n");
        asm.Append("    .popsection\n");
        return asm.ToString();
    }
}
