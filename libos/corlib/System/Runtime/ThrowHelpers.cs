using Testbed.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Failure paths until the image has exceptions: print the first line CoreCLR prints for the
    /// unhandled exception, on standard error, then exit with CoreCLR's status for an unhandled
    /// exception (134, SIGABRT). The compiler calls the exported five for the checks it inserts;
    /// corlib calls the rest where .NET would throw.
    /// </summary>
    public static unsafe class ThrowHelpers
    {
        public const int UnhandledExceptionExitCode = 134;

        internal const string IndexMustBeLessOrEqualMessage =
            "Index was out of range. Must be non-negative and less than or equal to the size of the collection.";
        internal const string DestinationTooShortMessage = "Destination is too short.";

        private const string ArgumentOutOfRangeMessage = "Specified argument was out of the range of valid values.";

        [RuntimeExport("tb_throw_index_out_of_range")]
        public static void ThrowIndexOutOfRange() =>
            Fail("IndexOutOfRangeException", "Index was outside the bounds of the array.");

        [RuntimeExport("tb_throw_null_reference")]
        public static void ThrowNullReference() =>
            Fail("NullReferenceException", "Object reference not set to an instance of an object.");

        [RuntimeExport("tb_throw_divide_by_zero")]
        public static void ThrowDivideByZero() =>
            Fail("DivideByZeroException", "Attempted to divide by zero.");

        [RuntimeExport("tb_throw_overflow")]
        public static void ThrowOverflow() =>
            Fail("OverflowException", "Arithmetic operation resulted in an overflow.");

        [RuntimeExport("tb_throw_invalid_cast")]
        public static void ThrowInvalidCast() =>
            Fail("InvalidCastException", "Specified cast is not valid.");

        /// <summary>CoreCLR's message names both types.</summary>
        internal static void ThrowInvalidCast(byte* from, byte* to)
        {
            byte* buffer = stackalloc byte[BufferSize];
            Utf8Writer writer = new Utf8Writer(Platform.StandardError, buffer, BufferSize);
            WriteHeader(ref writer, "InvalidCastException");
            writer.Write("Unable to cast object of type '");
            writer.WriteUtf8(from);
            writer.Write("' to type '");
            writer.WriteUtf8(to);
            writer.Write("'.");
            Finish(ref writer, null);
        }

        /// <summary>An interface call the compiler could not resolve (see TypeCast.FindInterfaceMethod).</summary>
        internal static void FailMissingInterface(byte* type, byte* iface)
        {
            byte* buffer = stackalloc byte[BufferSize];
            Utf8Writer writer = new Utf8Writer(Platform.StandardError, buffer, BufferSize);
            writer.Write("Testbed runtime: type '");
            writer.WriteUtf8(type);
            writer.Write("' has no implementation of interface '");
            writer.WriteUtf8(iface);
            writer.Write("' in this image (see docs/language-support.md)");
            Finish(ref writer, null);
        }

        internal static void ThrowOverflow(string message) => Fail("OverflowException", message);

        internal static void ThrowArgumentOutOfRange() => Fail("ArgumentOutOfRangeException", ArgumentOutOfRangeMessage);

        internal static void ThrowArgumentOutOfRange(string paramName) =>
            Fail("ArgumentOutOfRangeException", ArgumentOutOfRangeMessage, paramName);

        internal static void ThrowArgumentOutOfRange(string paramName, string message) =>
            Fail("ArgumentOutOfRangeException", message, paramName);

        internal static void ThrowArgument(string paramName, string message) =>
            Fail("ArgumentException", message, paramName);

        internal static void ThrowNotSupported(string message) => Fail("NotSupportedException", message);

        internal static void ThrowArgumentNull(string paramName) =>
            Fail("ArgumentNullException", "Value cannot be null.", paramName);

        /// <summary>.NET's ArgumentOutOfRangeException.ThrowIfNegative message, which quotes the value.</summary>
        internal static void ThrowNegativeArgument(string paramName, long value)
        {
            byte* buffer = stackalloc byte[BufferSize];
            Utf8Writer writer = new Utf8Writer(Platform.StandardError, buffer, BufferSize);
            WriteHeader(ref writer, "ArgumentOutOfRangeException");
            writer.Write(paramName);
            writer.Write(" ('");
            writer.WriteInt64(value);
            writer.Write("') must be a non-negative value.");
            Finish(ref writer, paramName);
        }

        private const int BufferSize = 128;

        private static void Fail(string exceptionName, string message) => Fail(exceptionName, message, null);

        private static void Fail(string exceptionName, string message, string paramName)
        {
            byte* buffer = stackalloc byte[BufferSize];
            Utf8Writer writer = new Utf8Writer(Platform.StandardError, buffer, BufferSize);
            WriteHeader(ref writer, exceptionName);
            writer.Write(message);
            Finish(ref writer, paramName);
        }

        private static void WriteHeader(ref Utf8Writer writer, string exceptionName)
        {
            writer.Write("Unhandled exception. System.");
            writer.Write(exceptionName);
            writer.Write(": ");
        }

        private static void Finish(ref Utf8Writer writer, string paramName)
        {
            if (paramName != null)
            {
                writer.Write(" (Parameter '");
                writer.Write(paramName);
                writer.Write("')");
            }
            writer.Write('\n');
            writer.Flush();
            Platform.Exit(UnhandledExceptionExitCode);
        }
    }
}
