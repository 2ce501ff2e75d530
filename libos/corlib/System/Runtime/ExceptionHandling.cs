using System.Runtime.CompilerServices;
using Testbed.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// The core library's side of exception propagation (docs/exceptions.md): the compiler lowers
    /// <c>throw</c> to <c>tb_raise</c>, a failed check to one of the <c>tb_raise_*</c> helpers, and a
    /// function that lets an exception pass to <c>tb_exception_frame</c>; each makes the exception
    /// pending and returns, and the compiled code then branches to its handler or returns.
    /// </summary>
    public static unsafe partial class ExceptionHandling
    {
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern Exception GetPendingException();

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void SetPendingException(Exception exception);

        [RuntimeExport("tb_raise")]
        public static void Raise(Exception exception)
        {
            if (exception == null) exception = new NullReferenceException();
            exception._stackTrace = null;
            FirstPass(exception);
            SetPendingException(exception);
        }

        /// <summary>rethrow: the same exception, with the frames it has been through so far, looking for a handler afresh.</summary>
        [RuntimeExport("tb_reraise")]
        public static void Reraise(Exception exception)
        {
            FirstPass(exception);
            SetPendingException(exception);
        }

        [RuntimeExport("tb_exception_frame")]
        public static void AddFrame(byte* method)
        {
            Exception pending = TakePending();
            AddFrameLine(pending, "   at " + string.FromUtf8Ascii(method));
            SetPendingException(pending);
        }

        /// <summary>
        /// The same with "in file:line N", as CoreCLR writes a frame when it has the method's PDB: what
        /// images built with -g call (the compiler knows the line only then, docs/debugging.md).
        /// Compiled only into those images: the line's formatting would cost every image 1.3 KB.
        /// </summary>
        [RuntimeExport("tb_exception_frame_at", WhenImported = true)]
        public static void AddFrameAt(byte* method, byte* file, int sourceLine)
        {
            Exception pending = TakePending();
            AddFrameLine(pending, "   at " + string.FromUtf8Ascii(method) + " in " + string.FromUtf8Ascii(file) + ":line " + sourceLine.ToString());
            SetPendingException(pending);
        }

        // A frame is recorded with nothing pending while its string is built, so that an allocation
        // failure there cannot be mistaken for the exception being propagated; the exception is made
        // pending again by the exported function itself, after its last call (a call that returns
        // with an exception pending is one that threw).
        private static Exception TakePending()
        {
            Exception pending = GetPendingException();
            SetPendingException(null);
            return pending;
        }

        private static void AddFrameLine(Exception pending, string line) =>
            pending._stackTrace = pending._stackTrace == null ? line : pending._stackTrace + "\n" + line;

        /// <summary>A static constructor let <paramref name="typeName"/>'s initialisation fail: wrap the pending exception.</summary>
        [RuntimeExport("tb_type_initialization_failed")]
        public static void TypeInitializationFailed(byte* typeName)
        {
            Exception inner = GetPendingException();
            SetPendingException(null);
            var failure = new TypeInitializationException(string.FromUtf8Ascii(typeName), inner);
            s_failedTypes = new FailedType { TypeName = typeName, Failure = failure, Next = s_failedTypes };
            Raise(failure);
        }

        // Each type whose static constructor failed, by its name's address, with the exception every
        // later access throws. Rare, so a list: a dictionary here would be in every image.
        private sealed class FailedType
        {
            public byte* TypeName;
            public TypeInitializationException Failure;
            public FailedType Next;
        }

        private static FailedType s_failedTypes;

        /// <summary>A type whose static constructor failed is used again: .NET throws the same exception again.</summary>
        [RuntimeExport("tb_type_initialization_failed_before")]
        public static void TypeInitializationFailedBefore(byte* typeName)
        {
            FailedType failed = s_failedTypes;
            while (failed.TypeName != typeName)
                failed = failed.Next;
            Raise(failed.Failure);
        }

        [RuntimeExport("tb_raise_null_reference")]
        public static void RaiseNullReference() => Raise(new NullReferenceException());

        [RuntimeExport("tb_raise_index_out_of_range")]
        public static void RaiseIndexOutOfRange() => Raise(new IndexOutOfRangeException());

        [RuntimeExport("tb_raise_divide_by_zero")]
        public static void RaiseDivideByZero() => Raise(new DivideByZeroException());

        /// <summary>
        /// The body the compiler gives a generic method instantiated more deeply nested than it compiles
        /// ahead of time (a method that calls itself with a growing type argument): NativeAOT cuts such
        /// expansions off the same way, and the program fails only if it really goes that deep.
        /// </summary>
        public static void RaiseGenericNestingTooDeep(string method) =>
            Raise(new NotSupportedException("'" + method + "' is a generic instantiation nested too deeply to be compiled ahead of time"));

        [RuntimeExport("tb_raise_overflow")]
        public static void RaiseOverflow() => Raise(new OverflowException());

        // Allocated before it is needed: raising it must not depend on free memory.
        private static OutOfMemoryException s_outOfMemory;

        /// <summary>Called by the heap when an allocation cannot be satisfied even after collecting.</summary>
        [RuntimeExport("tb_raise_out_of_memory")]
        public static void RaiseOutOfMemory()
        {
            if (s_outOfMemory == null)
            {
                Platform.FailFast("Testbed heap: out of memory before the OutOfMemoryException was allocated");
                return;
            }
            Raise(s_outOfMemory);
        }

        /// <summary>Called by start-up, before the program runs.</summary>
        [RuntimeExport("tb_exceptions_initialize")]
        public static void Initialize() => s_outOfMemory = new OutOfMemoryException();

        /// <summary>What CoreCLR does with an exception nothing caught: report it on standard error, exit 134.</summary>
        [RuntimeExport("tb_unhandled_exception")]
        public static void Unhandled(Exception exception)
        {
            ReportUnhandled(exception);
            Platform.Exit(ThrowHelpers.UnhandledExceptionExitCode);
        }

        private static void ReportUnhandled(Exception exception)
        {
            if (exception._unhandledReported) return;
            exception._unhandledReported = true;
            Platform.WriteStandardError("Unhandled exception. " + exception.ToString() + "\n");
        }
    }
}
