using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Support.h: LLVM's own command-line options (cl::opt), process-wide.
public static unsafe partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMParseCommandLineOptions", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void ParseCommandLineOptionsRaw(int argc, byte** argv, string overview);

    /// <summary>
    /// Sets LLVM options as if given on opt's command line (<c>-inline-threshold=50</c>). Through the C API
    /// LLVM ignores unknown options silently and some (-help, -version) end the process: check arguments
    /// with <see cref="LlvmCommandLine"/> first.
    /// </summary>
    public static void ParseCommandLineOptions(IReadOnlyList<string> arguments)
    {
        // argv[0] is the program name, as LLVM's parser expects.
        var strings = arguments.Prepend("testbed").Select(a => Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        try
        {
            fixed (IntPtr* argv = strings)
                ParseCommandLineOptionsRaw(strings.Length, (byte**)argv, "testbed");
        }
        finally
        {
            foreach (var s in strings) Marshal.FreeCoTaskMem(s);
        }
    }
}
