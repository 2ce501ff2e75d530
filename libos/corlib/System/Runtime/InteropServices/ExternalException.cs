namespace System.Runtime.InteropServices
{
    /// <summary>.NET's base of errors reported by the system (Win32Exception, SocketException).</summary>
    public class ExternalException : SystemException
    {
        /// <summary>E_FAIL, .NET's HResult for an ExternalException that names no other.</summary>
        private const int Failure = unchecked((int)0x80004005);

        public ExternalException() : base("External component has thrown an exception.") { }

        public ExternalException(string message) : base(message) { }

        public ExternalException(string message, Exception inner) : base(message, inner) { }

        /// <summary>The HResult in .NET; SocketException overrides it with the errno.</summary>
        public virtual int ErrorCode => Failure;
    }
}
