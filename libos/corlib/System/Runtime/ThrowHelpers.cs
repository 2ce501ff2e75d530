using Testbed.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Throws for corlib code, with .NET's messages, kept out of line so that the methods that check
    /// stay small. The compiler's own checks raise through <see cref="ExceptionHandling"/>.
    /// </summary>
    public static unsafe class ThrowHelpers
    {
        /// <summary>CoreCLR's exit status for an unhandled exception on Linux (SIGABRT).</summary>
        public const int UnhandledExceptionExitCode = 134;

        internal const string IndexMustBeLessOrEqualMessage =
            "Index was out of range. Must be non-negative and less than or equal to the size of the collection.";
        internal const string DestinationTooShortMessage = "Destination is too short.";

        public static void ThrowIndexOutOfRange() => throw new IndexOutOfRangeException();

        public static void ThrowNullReference() => throw new NullReferenceException();

        /// <summary>CoreCLR's message names both types.</summary>
        internal static void ThrowInvalidCast(byte* from, byte* to) =>
            throw new InvalidCastException("Unable to cast object of type '" + string.FromUtf8Ascii(from)
                + "' to type '" + string.FromUtf8Ascii(to) + "'.");

        internal static void ThrowOverflow(string message) => throw new OverflowException(message);

        internal static void ThrowArgumentOutOfRange() => throw new ArgumentOutOfRangeException();

        internal static void ThrowArgumentOutOfRange(string paramName) => throw new ArgumentOutOfRangeException(paramName);

        internal static void ThrowArgumentOutOfRange(string paramName, string message) =>
            throw new ArgumentOutOfRangeException(paramName, message);

        internal static void ThrowArgument(string paramName, string message) => throw new ArgumentException(message, paramName);

        internal static void ThrowNotSupported(string message) => throw new NotSupportedException(message);

        internal static void ThrowArgumentNull(string paramName) => throw new ArgumentNullException(paramName);

        /// <summary>.NET's ArgumentOutOfRangeException.ThrowIfNegative message, which quotes the value.</summary>
        internal static void ThrowNegativeArgument(string paramName, long value) =>
            throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + Number.Int64ToString(value) + "') must be a non-negative value.");

        /// <summary>.NET's ArgumentOutOfRangeException.ThrowIfGreaterThan message.</summary>
        internal static void ThrowGreaterThan(string paramName, long value, long other) =>
            throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + Number.Int64ToString(value) + "') must be less than or equal to '" + Number.Int64ToString(other) + "'.");

        /// <summary>An interface call the compiler could not resolve (see TypeCast.FindInterfaceMethod): not an exception C# can catch.</summary>
        internal static void FailMissingInterface(byte* type, byte* iface) =>
            Platform.FailFast("Testbed runtime: type '" + string.FromUtf8Ascii(type) + "' has no implementation of interface '"
                + string.FromUtf8Ascii(iface) + "' in this image (see docs/language-support.md)");
    }
}
