using System.Net.Sockets;

namespace System.Net
{
    /// <summary>.NET's IPEndPoint: an address and a port in 0..65535, printed "1.2.3.4:80" ("[::1]:80" for IPv6).</summary>
    public class IPEndPoint : EndPoint
    {
        public const int MinPort = 0x00000000;
        public const int MaxPort = 0x0000FFFF;

        private IPAddress _address;
        private int _port;

        public IPEndPoint(long address, int port)
        {
            if (!ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            _port = port;
            _address = new IPAddress(address);
        }

        public IPEndPoint(IPAddress address, int port)
        {
            if (address == null) throw new ArgumentNullException(nameof(address));
            if (!ValidatePortNumber(port)) throw new ArgumentOutOfRangeException(nameof(port));
            _port = port;
            _address = address;
        }

        internal static bool ValidatePortNumber(int port) => (uint)port <= MaxPort;

        public override AddressFamily AddressFamily => _address.AddressFamily;

        public IPAddress Address
        {
            get => _address;
            set => _address = value ?? throw new ArgumentNullException(nameof(value));
        }

        public int Port
        {
            get => _port;
            set
            {
                if (!ValidatePortNumber(value)) throw new ArgumentOutOfRangeException(nameof(value));
                _port = value;
            }
        }

        public static bool TryParse(string s, out IPEndPoint result) => TryParse(s.AsSpan(), out result);

        public static bool TryParse(ReadOnlySpan<char> s, out IPEndPoint result)
        {
            int addressLength = s.Length;
            int lastColonPos = s.LastIndexOf(':');
            if (lastColonPos > 0)
            {
                if (s[lastColonPos - 1] == ']') addressLength = lastColonPos;
                else if (s.Slice(0, lastColonPos).LastIndexOf(':') == -1) addressLength = lastColonPos;
            }
            if (IPAddress.TryParse(s.Slice(0, addressLength), out IPAddress address))
            {
                uint port = 0;
                if (addressLength == s.Length || (TryParsePort(s.Slice(addressLength + 1), out port) && port <= MaxPort))
                {
                    result = new IPEndPoint(address, (int)port);
                    return true;
                }
            }
            result = null;
            return false;
        }

        /// <summary>uint.TryParse with NumberStyles.None: ASCII digits only, at least one, no overflow.</summary>
        private static bool TryParsePort(ReadOnlySpan<char> digits, out uint value)
        {
            value = 0;
            if (digits.Length == 0) return false;
            ulong v = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                char c = digits[i];
                if (c < '0' || c > '9') return false;
                v = v * 10 + (uint)(c - '0');
                if (v > uint.MaxValue) return false;
            }
            value = (uint)v;
            return true;
        }

        public static IPEndPoint Parse(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan());
        }

        public static IPEndPoint Parse(ReadOnlySpan<char> s)
        {
            if (TryParse(s, out IPEndPoint result)) return result;
            throw new FormatException("An invalid IPEndPoint was specified.");
        }

        public override string ToString() =>
            _address.AddressFamily == AddressFamily.InterNetworkV6
                ? "[" + _address.ToString() + "]:" + _port.ToString()
                : _address.ToString() + ":" + _port.ToString();

        public override bool Equals(object comparand) =>
            comparand is IPEndPoint other && other._address.Equals(_address) && other._port == _port;

        public override int GetHashCode() => _address.GetHashCode() ^ _port;
    }
}
