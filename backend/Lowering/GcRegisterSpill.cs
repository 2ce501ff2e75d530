using Testbed.Backend.Llvm;

namespace Testbed.Backend.Lowering;

/// <summary>
/// <c>tb_gc_collect_with_registers</c>: pushes the callee-saved registers (rbx, rbp, r12–r15) and
/// calls the collector's <c>tb_gc_collect(void* stackPointer)</c> with the resulting rsp, so the
/// conservative stack scan also sees every reference that lives only in a register of some caller.
/// Caller-saved registers need nothing: the call to this function already spilled the live ones.
/// Defined, as module asm, only when the program imports it (docs/gc.md).
/// </summary>
internal static class GcRegisterSpill
{
    public const string Symbol = "tb_gc_collect_with_registers";

    // rbp first and as a frame, so frame-pointer stack walks (panic reports) pass through; six pushes
    // after the call's return address leave rsp 8 bytes off 16, and the sub restores the alignment.
    private const string Asm = """

            .pushsection .text.tb_gc_collect_with_registers, "ax", @progbits
            .globl tb_gc_collect_with_registers
            .type tb_gc_collect_with_registers, @function
        tb_gc_collect_with_registers:
            push %rbp
            mov %rsp, %rbp
            push %rbx
            push %r12
            push %r13
            push %r14
            push %r15
            sub $8, %rsp
            mov %rsp, %rdi
            call tb_gc_collect
            add $8, %rsp
            pop %r15
            pop %r14
            pop %r13
            pop %r12
            pop %rbx
            pop %rbp
            ret
            .size tb_gc_collect_with_registers, . - tb_gc_collect_with_registers
            .popsection

        """;

    public static void DefineIfImported(ModuleLowering lowering)
    {
        if (!lowering.Ir.Functions.Any(f => f.ImportName == Symbol)) return;
        LLVM.AppendModuleInlineAsm(lowering.Llvm, Asm);
    }
}
