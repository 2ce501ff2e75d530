using System.Runtime.InteropServices;

namespace System.ComponentModel
{
    /// <summary>An error code of the operating system and its text: the base of SocketException, as in .NET.</summary>
    public class Win32Exception : ExternalException
    {
        private readonly int _nativeErrorCode;

        public Win32Exception(int error, string message) : base(message) => _nativeErrorCode = error;

        public Win32Exception(string message) : base(message) { }

        public int NativeErrorCode => _nativeErrorCode;
    }
}
