using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

/// <summary>Loads libLLVM-19 and registers the X86 target with it, once per process.</summary>
public static class LlvmNative
{
    /// <summary>Resolved by the runtime to libLLVM-19.so (Debian's <c>libllvm19</c> ships that name).</summary>
    public const string LibraryName = "LLVM-19";

    private static readonly object Gate = new();
    private static bool initialized;

    /// <summary>Registers the X86 target, its MC layer, assembly printer and parser (the parser is
    /// what assembles module-level asm). Idempotent and thread-safe.</summary>
    /// <exception cref="LlvmUnavailableException">libLLVM-19 cannot be loaded.</exception>
    public static void Initialize()
    {
        if (Volatile.Read(ref initialized)) return;
        lock (Gate)
        {
            if (initialized) return;
            try
            {
                // LLVMInitializeAll*/Native* are inline functions in the headers, not exported
                // symbols: the X86 entry points are the ones libLLVM actually exports.
                LLVM.InitializeX86TargetInfo();
                LLVM.InitializeX86Target();
                LLVM.InitializeX86TargetMC();
                LLVM.InitializeX86AsmPrinter();
                LLVM.InitializeX86AsmParser();
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                throw new LlvmUnavailableException(
                    $"cannot load {LibraryName} ({e.Message}); install the Debian package libllvm19 " +
                    "(apt-get install libllvm19)");
            }
            Volatile.Write(ref initialized, true);
        }
    }
}

/// <summary>An error LLVM reported (bad pipeline, parse error, code generation failure). The message is
/// LLVM's own text, meant for the user as is.</summary>
public class LlvmException(string message) : Exception(message);

/// <summary>libLLVM itself is missing. The message names the package to install.</summary>
public sealed class LlvmUnavailableException(string message) : LlvmException(message);
