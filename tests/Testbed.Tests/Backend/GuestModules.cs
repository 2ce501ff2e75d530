using Testbed.Backend.Llvm;
using Testbed.Backend.Targets;

namespace Testbed.Tests.Backend;

/// <summary>Tiny guest programs built directly with the LLVM builder (no frontend), standing in for the
/// platform layer: enough to prove that the entry code, linking and runners work end to end.</summary>
internal static class GuestModules
{
    /// <summary>tb_pvh_start: prints <paramref name="message"/> on standard output (the runner's debugcon), reports exit=<paramref name="exitCode"/>
    /// on the control channel, then writes the code to isa-debug-exit.</summary>
    public static LlvmModule PvhHello(LlvmContext context, LlvmTargetMachine machine, string message, int exitCode)
    {
        Target target = Target.Pvh;
        LlvmModule module = context.CreateModule("pvh-hello");
        target.PrepareModule(module, machine);
        using LlvmBuilder builder = context.CreateBuilder();
        var io = new PortIo(context);

        // Standard output is the runner's isa-debugcon: no status to poll.
        LLVMValueRef serialPutc = DefineFunction(context, module, target, "console_putc", context.Void, [context.Int8]);
        {
            builder.PositionAtEnd(LLVM.AppendBasicBlockInContext(context, serialPutc, "entry"));
            io.Out8(builder, QemuRunner.OutputPort, LLVM.GetParam(serialPutc, 0));
            LLVM.BuildRetVoid(builder);
        }

        LLVMValueRef debugconPutc = DefineFunction(context, module, target, "debugcon_putc", context.Void, [context.Int8]);
        {
            builder.PositionAtEnd(LLVM.AppendBasicBlockInContext(context, debugconPutc, "entry"));
            io.Out8(builder, QemuRunner.ControlPort, LLVM.GetParam(debugconPutc, 0));
            LLVM.BuildRetVoid(builder);
        }

        LLVMValueRef writeSerial = DefineWriteLoop(context, module, target, builder, "serial_write", serialPutc);
        LLVMValueRef writeControl = DefineWriteLoop(context, module, target, builder, "control_write", debugconPutc);

        LLVMValueRef start = DefineFunction(context, module, target, target.EntrySymbol, context.Void, [context.Ptr]);
        builder.PositionAtEnd(LLVM.AppendBasicBlockInContext(context, start, "entry"));
        CallWrite(context, module, builder, writeSerial, "message", message);
        CallWrite(context, module, builder, writeControl, "control", $"exit={exitCode}\n");
        io.Out32(builder, QemuRunner.ExitPort, LLVM.ConstInt(context.Int32, (ulong)exitCode, false));
        LLVM.BuildRetVoid(builder);
        return module;
    }

    /// <summary>tb_pvh_start that never exits: interrupts off, hlt forever (for the timeout path).</summary>
    public static LlvmModule PvhHang(LlvmContext context, LlvmTargetMachine machine) =>
        PvhFromAsm(context, machine, "cli\n1: hlt\njmp 1b");

    /// <summary>tb_pvh_start that executes an invalid opcode with no IDT: a triple fault.</summary>
    public static LlvmModule PvhTripleFault(LlvmContext context, LlvmTargetMachine machine) =>
        PvhFromAsm(context, machine, "ud2");

    /// <summary>tb_linux_start: write(1, message) then exit_group(exitCode), by raw syscalls.</summary>
    public static LlvmModule LinuxHello(LlvmContext context, LlvmTargetMachine machine, string message, int exitCode)
    {
        Target target = Target.Linux;
        LlvmModule module = context.CreateModule("linux-hello");
        target.PrepareModule(module, machine);
        using LlvmBuilder builder = context.CreateBuilder();

        LLVMTypeRef i64 = context.Int64;
        LLVMTypeRef syscallType = LLVM.FunctionType(i64, [i64, i64, i64, i64]);
        LLVMValueRef syscall = LLVM.GetInlineAsm(syscallType, "syscall",
            "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}", hasSideEffects: true);

        LLVMValueRef start = DefineFunction(context, module, target, target.EntrySymbol, context.Void, [context.Ptr]);
        builder.PositionAtEnd(LLVM.AppendBasicBlockInContext(context, start, "entry"));
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(message);
        LLVMValueRef text = DefineBytes(context, module, "message", bytes);
        LLVMValueRef address = LLVM.BuildCast(builder, LLVMOpcode.PtrToInt, text, i64, "address");
        LLVM.BuildCall2(builder, syscallType, syscall,
            [Const64(context, 1), Const64(context, 1), address, Const64(context, (ulong)bytes.Length)], "written");
        LLVM.BuildCall2(builder, syscallType, syscall,
            [Const64(context, 231), Const64(context, (ulong)exitCode), Const64(context, 0), Const64(context, 0)], "");
        LLVM.BuildUnreachable(builder);
        return module;
    }

    private static LlvmModule PvhFromAsm(LlvmContext context, LlvmTargetMachine machine, string asm)
    {
        Target target = Target.Pvh;
        LlvmModule module = context.CreateModule("pvh-asm");
        target.PrepareModule(module, machine);
        using LlvmBuilder builder = context.CreateBuilder();
        LLVMValueRef start = DefineFunction(context, module, target, target.EntrySymbol, context.Void, [context.Ptr]);
        builder.PositionAtEnd(LLVM.AppendBasicBlockInContext(context, start, "entry"));
        LLVMTypeRef type = LLVM.FunctionType(context.Void, []);
        LLVM.BuildCall2(builder, type, LLVM.GetInlineAsm(type, asm, "~{memory}", hasSideEffects: true), []);
        LLVM.BuildRetVoid(builder);
        return module;
    }

    private static LLVMValueRef DefineFunction(LlvmContext context, LlvmModule module, Target target, string name,
        LLVMTypeRef returnType, LLVMTypeRef[] parameters)
    {
        LLVMValueRef function = LLVM.AddFunction(module, name, LLVM.FunctionType(returnType, parameters));
        target.ApplyRequiredAttributes(context, function);
        // No unwind tables: nothing unwinds through these functions.
        LLVM.AddAttributeAtIndex(function, LLVMAttributeIndex.Function,
            LLVM.CreateEnumAttribute(context, LLVM.GetEnumAttributeKindForName("nounwind"), 0));
        return function;
    }

    /// <summary>void name(ptr bytes, i64 count): calls putc on each byte (a loop with a phi).</summary>
    private static LLVMValueRef DefineWriteLoop(LlvmContext context, LlvmModule module, Target target, LlvmBuilder builder,
        string name, LLVMValueRef putc)
    {
        LLVMTypeRef putcType = LLVM.FunctionType(context.Void, [context.Int8]);
        LLVMValueRef function = DefineFunction(context, module, target, name, context.Void, [context.Ptr, context.Int64]);
        LLVMValueRef bytes = LLVM.GetParam(function, 0), count = LLVM.GetParam(function, 1);
        LLVMBasicBlockRef entry = LLVM.AppendBasicBlockInContext(context, function, "entry");
        LLVMBasicBlockRef loop = LLVM.AppendBasicBlockInContext(context, function, "loop");
        LLVMBasicBlockRef done = LLVM.AppendBasicBlockInContext(context, function, "done");

        builder.PositionAtEnd(entry);
        LLVMValueRef empty = LLVM.BuildICmp(builder, LLVMIntPredicate.EQ, count, Const64(context, 0), "empty");
        LLVM.BuildCondBr(builder, empty, done, loop);

        builder.PositionAtEnd(loop);
        LLVMValueRef index = LLVM.BuildPhi(builder, context.Int64, "index");
        LLVMValueRef address = LLVM.BuildInBoundsGEP2(builder, context.Int8, bytes, [index], "address");
        LLVMValueRef value = LLVM.BuildLoad2(builder, context.Int8, address, "byte");
        LLVM.BuildCall2(builder, putcType, putc, [value]);
        LLVMValueRef next = LLVM.BuildAdd(builder, index, Const64(context, 1), "next");
        LLVMValueRef more = LLVM.BuildICmp(builder, LLVMIntPredicate.ULT, next, count, "more");
        LLVM.BuildCondBr(builder, more, loop, done);
        LLVM.AddIncoming(index, [Const64(context, 0), next], [entry, loop]);

        builder.PositionAtEnd(done);
        LLVM.BuildRetVoid(builder);
        return function;
    }

    private static void CallWrite(LlvmContext context, LlvmModule module, LlvmBuilder builder, LLVMValueRef write,
        string name, string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        LLVMTypeRef writeType = LLVM.FunctionType(context.Void, [context.Ptr, context.Int64]);
        LLVM.BuildCall2(builder, writeType, write, [DefineBytes(context, module, name, bytes), Const64(context, (ulong)bytes.Length)]);
    }

    private static LLVMValueRef DefineBytes(LlvmContext context, LlvmModule module, string name, byte[] bytes)
    {
        LLVMValueRef initializer = LLVM.ConstStringInContext2(context, bytes, dontNullTerminate: true);
        LLVMValueRef global = LLVM.AddGlobal(module, LLVM.TypeOf(initializer), name);
        LLVM.SetInitializer(global, initializer);
        LLVM.SetGlobalConstant(global, true);
        LLVM.SetLinkage(global, LLVMLinkage.Private);
        LLVM.SetUnnamedAddress(global, LLVMUnnamedAddr.Global);
        return global;
    }

    private static LLVMValueRef Const64(LlvmContext context, ulong value) => LLVM.ConstInt(context.Int64, value, false);

    /// <summary>x86 port I/O as inline asm, the way the frontend's Cpu intrinsics will be lowered.</summary>
    private sealed class PortIo(LlvmContext context)
    {
        private readonly LLVMTypeRef out8Type = LLVM.FunctionType(context.Void, [context.Int8, context.Int16]);
        private readonly LLVMTypeRef out32Type = LLVM.FunctionType(context.Void, [context.Int32, context.Int16]);
        private readonly LLVMTypeRef in8Type = LLVM.FunctionType(context.Int8, [context.Int16]);

        public void Out8(LlvmBuilder builder, int port, LLVMValueRef value) =>
            LLVM.BuildCall2(builder, out8Type, LLVM.GetInlineAsm(out8Type, "outb $0, $1", "{al},{dx}", hasSideEffects: true),
                [value, Port(port)]);

        public void Out32(LlvmBuilder builder, int port, LLVMValueRef value) =>
            LLVM.BuildCall2(builder, out32Type, LLVM.GetInlineAsm(out32Type, "outl $0, $1", "{eax},{dx}", hasSideEffects: true),
                [value, Port(port)]);

        public LLVMValueRef In8(LlvmBuilder builder, int port) =>
            LLVM.BuildCall2(builder, in8Type, LLVM.GetInlineAsm(in8Type, "inb $1, $0", "={al},{dx}", hasSideEffects: true),
                [Port(port)], "in");

        private LLVMValueRef Port(int port) => LLVM.ConstInt(context.Int16, (ulong)port, false);
    }
}
