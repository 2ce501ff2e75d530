namespace Testbed.Backend.Targets;

/// <summary>
/// The green-thread context switch of the library OS (libos/threading), as LLVM module-level assembly:
/// both targets append this same text (PVH after <see cref="PvhInterrupts.Asm"/>, Linux after its
/// <c>_start</c>), so it holds nothing that only ring 0 may run. Threads are cooperative, so a switch
/// happens only at a call: it saves the SysV callee-saved registers on the old stack, swaps stack
/// pointers, and restores them from the new one. Everything else is caller-saved and already dead at
/// the call. It names no C# symbol (a new thread's entry comes in r12), so an image whose program
/// starts no thread carries no scheduler, only these few instructions.
/// </summary>
public static class PvhThreads
{
    /// <summary>Starts with a newline: the text it follows does not end with one.</summary>
    public static readonly string Asm = """

            .pushsection .text.tb_threads, "ax", @progbits
            .code64
        # void tb_context_switch(ulong* saveStackPointer, ulong newStackPointer)
            .globl tb_context_switch
            .type tb_context_switch, @function
        tb_context_switch:
            push %rbp
            push %rbx
            push %r12
            push %r13
            push %r14
            push %r15
            mov %rsp, (%rdi)
            mov %rsi, %rsp
            pop %r15
            pop %r14
            pop %r13
            pop %r12
            pop %rbx
            pop %rbp
            ret
            .size tb_context_switch, . - tb_context_switch

        # A new thread's first "return" lands here (the scheduler builds its stack so), with rsp 16-byte
        # aligned and r12 holding the scheduler's C# entry, which runs the thread and never returns
        # (ud2 if it did: #UD on PVH, SIGILL on Linux). rbp 0 ends its frame chain.
            .globl tb_thread_start
            .type tb_thread_start, @function
        tb_thread_start:
            xor %ebp, %ebp
            call *%r12
            ud2
            .size tb_thread_start, . - tb_thread_start

        # ulong tb_thread_start_address(): for the scheduler, which cannot name asm symbols.
            .globl tb_thread_start_address
            .type tb_thread_start_address, @function
        tb_thread_start_address:
            lea tb_thread_start(%rip), %rax
            ret
            .size tb_thread_start_address, . - tb_thread_start_address
            .popsection
        """;
}
