namespace System.Net.Sockets
{
    /// <summary>
    /// .NET's SocketException as it behaves on Linux: <see cref="NativeErrorCode"/> and <see cref="ErrorCode"/>
    /// are the errno that .NET maps the <see cref="SocketError"/> to, and the message is glibc's strerror text
    /// for it (both read off CoreCLR 10 on Linux, see docs/corlib.md "Sockets").
    /// </summary>
    public class SocketException : System.ComponentModel.Win32Exception
    {
        private readonly SocketError _errorCode;

        /// <summary>As in .NET, <paramref name="errorCode"/> is a <see cref="SocketError"/> value, not an errno.</summary>
        public SocketException(int errorCode) : this((SocketError)errorCode) { }

        public SocketException(int errorCode, string message) : this((SocketError)errorCode, message) { }

        internal SocketException(SocketError socketError) : this(socketError, null) { }

        internal SocketException(SocketError socketError, string message)
            : base(NativeErrorFor(socketError), message ?? StrError(NativeErrorFor(socketError)))
        {
            _errorCode = socketError;
        }

        /// <summary>.NET's ExtendedSocketException of a failed Connect: the text, a space and the endpoint.</summary>
        internal static SocketException WithEndPoint(SocketError socketError, EndPoint endPoint) =>
            new SocketException(socketError, StrError(NativeErrorFor(socketError)) + " " + endPoint.ToString());

        public SocketError SocketErrorCode => _errorCode;

        public override int ErrorCode => NativeErrorCode;

        /// <summary>SocketErrorPal.Unix: the errno for each SocketError; values without one stay as they are.</summary>
        internal static int NativeErrorFor(SocketError error)
        {
            switch (error)
            {
                case SocketError.Success: return 0;
                case SocketError.OperationAborted: return 125;
                case SocketError.IOPending: return 115;
                case SocketError.Interrupted: return 4;
                case SocketError.AccessDenied: return 13;
                case SocketError.Fault: return 14;
                case SocketError.InvalidArgument: return 22;
                case SocketError.TooManyOpenSockets: return 23;
                case SocketError.WouldBlock: return 11;
                case SocketError.InProgress: return 115;
                case SocketError.AlreadyInProgress: return 114;
                case SocketError.NotSocket: return 88;
                case SocketError.DestinationAddressRequired: return 89;
                case SocketError.MessageSize: return 90;
                case SocketError.ProtocolType: return 91;
                case SocketError.ProtocolOption: return 92;
                case SocketError.ProtocolNotSupported: return 93;
                case SocketError.SocketNotSupported: return 94;
                case SocketError.OperationNotSupported: return 95;
                case SocketError.ProtocolFamilyNotSupported: return 96;
                case SocketError.AddressFamilyNotSupported: return 97;
                case SocketError.AddressAlreadyInUse: return 98;
                case SocketError.AddressNotAvailable: return 99;
                case SocketError.NetworkDown: return 100;
                case SocketError.NetworkUnreachable: return 101;
                case SocketError.NetworkReset: return 102;
                case SocketError.ConnectionAborted: return 103;
                case SocketError.ConnectionReset: return 104;
                case SocketError.NoBufferSpaceAvailable: return 105;
                case SocketError.IsConnected: return 106;
                case SocketError.NotConnected: return 107;
                case SocketError.Shutdown: return 32;
                case SocketError.TimedOut: return 110;
                case SocketError.ConnectionRefused: return 111;
                case SocketError.HostDown: return 112;
                case SocketError.HostUnreachable: return 113;
                case SocketError.ProcessLimit: return 10067;
                case SocketError.SystemNotReady: return 10091;
                case SocketError.VersionNotSupported: return 10092;
                case SocketError.NotInitialized: return 10093;
                case SocketError.Disconnecting: return 108;
                case SocketError.TypeNotFound: return 10109;
                case SocketError.HostNotFound: return -131073;
                case SocketError.TryAgain: return 11;
                case SocketError.NoRecovery: return 11003;
                case SocketError.NoData: return 61;
                case SocketError.SocketError: return -131074;
                default: return (int)error;
            }
        }

        /// <summary>glibc's strerror (and .NET's own texts for its two negative pseudo-errors).</summary>
        internal static string StrError(int errno)
        {
            switch (errno)
            {
                case -131074: return "Unknown socket error";
                case -131073: return "Name or service not known";
                case 0: return "Success";
                case 4: return "Interrupted system call";
                case 11: return "Resource temporarily unavailable";
                case 13: return "Permission denied";
                case 14: return "Bad address";
                case 22: return "Invalid argument";
                case 23: return "Too many open files in system";
                case 32: return "Broken pipe";
                case 61: return "No data available";
                case 88: return "Socket operation on non-socket";
                case 89: return "Destination address required";
                case 90: return "Message too long";
                case 91: return "Protocol wrong type for socket";
                case 92: return "Protocol not available";
                case 93: return "Protocol not supported";
                case 94: return "Socket type not supported";
                case 95: return "Operation not supported";
                case 96: return "Protocol family not supported";
                case 97: return "Address family not supported by protocol";
                case 98: return "Address already in use";
                case 99: return "Cannot assign requested address";
                case 100: return "Network is down";
                case 101: return "Network is unreachable";
                case 102: return "Network dropped connection on reset";
                case 103: return "Software caused connection abort";
                case 104: return "Connection reset by peer";
                case 105: return "No buffer space available";
                case 106: return "Transport endpoint is already connected";
                case 107: return "Transport endpoint is not connected";
                case 108: return "Cannot send after transport endpoint shutdown";
                case 110: return "Connection timed out";
                case 111: return "Connection refused";
                case 112: return "Host is down";
                case 113: return "No route to host";
                case 114: return "Operation already in progress";
                case 115: return "Operation now in progress";
                case 125: return "Operation canceled";
                case 10067: return "Unknown error 10067";
                case 10091: return "Unknown error 10091";
                case 10092: return "Unknown error 10092";
                case 10093: return "Unknown error 10093";
                case 10109: return "Unknown error 10109";
                case 11003: return "Unknown error 11003";
                default: return "Unknown error " + errno.ToString();
            }
        }
    }
}
