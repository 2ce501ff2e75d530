namespace Testbed.Backend.Targets;

/// <summary>
/// The green-thread context switch of the PVH library OS, as LLVM module-level assembly appended after
/// <see cref="PvhInterrupts.Asm"/>. Threads are cooperative, so a switch happens only at a call: it
/// saves the SysV callee-saved registers on the old stack, swaps stack pointers, and restores them
/// from the new one. Everything else is caller-saved and already dead at the call.
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
        # aligned; rbp 0 ends its frame chain. tb_thread_entry runs the thread and never returns.
            .weakref tb_thread_entry_weak, tb_thread_entry
            .globl tb_thread_start
            .type tb_thread_start, @function
        tb_thread_start:
            xor %ebp, %ebp
            movabs $tb_thread_entry_weak, %rax
            call *%rax
        1:  cli
            hlt
            jmp 1b
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
