using System.Text;

namespace Testbed.Backend.Targets;

/// <summary>
/// Entry stubs for the 32 CPU exception vectors, as LLVM module-level assembly appended to
/// <see cref="PvhBoot.Asm"/>. Each stub gives the stack one shape (error code, vector), the common
/// path saves the general-purpose registers and calls <c>tb_cpu_exception(frame*)</c> in C#, which
/// fills the IDT from <c>tb_interrupt_stub_table()</c> so that it needs no asm symbol names.
/// </summary>
public static class PvhInterrupts
{
    public const int ExceptionVectorCount = 32;

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
        for (int vector = 0; vector < ExceptionVectorCount; vector++)
        {
            asm.Append($"tb_isr_{vector}:\n");
            if (!VectorsWithErrorCode.Contains(vector))
                asm.Append("    pushq $0                         # no error code: a dummy keeps one frame layout\n");
            asm.Append($"    pushq ${vector}\n");
            asm.Append("    jmp tb_isr_common\n");
        }
        // The frame, from the lowest address: r15 ... r8, rbp, rdi, rsi, rdx, rcx, rbx, rax, vector,
        // error code, then what the CPU pushed (rip, cs, rflags, rsp, ss). ExceptionFrame in the library
        // OS mirrors it. Only the general-purpose registers are saved: the handler reports and exits,
        // it never returns into code whose SSE state it may have changed.
        asm.Append("""
            # A weak reference: images built without the library OS (the backend's own tests) define no
            # handler and load no IDT, and must still link. (.weak would clash with the C# definition in
            # the same object; .weakref stays weak only while the symbol is undefined.)
                .weakref tb_cpu_exception_weak, tb_cpu_exception
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
                movabs $tb_cpu_exception_weak, %rax
                test %rax, %rax
                jz 1f
                call *%rax
                mov %rbx, %rsp
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

            # ulong* tb_interrupt_stub_table(): the addresses of the 32 stubs, in vector order.
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
        for (int vector = 0; vector < ExceptionVectorCount; vector++)
            asm.Append($"    .quad tb_isr_{vector}\n");
        asm.Append("    .popsection\n");
        return asm.ToString();
    }
}
