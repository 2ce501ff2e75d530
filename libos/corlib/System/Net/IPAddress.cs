using System.Net.Sockets;

namespace System.Net
{
    /// <summary>
    /// .NET's IPAddress. IPv4 addresses are kept as .NET keeps them (the four bytes read as a little-endian
    /// uint, i.e. network order in memory); IPv6 addresses exist as values (bytes, <see cref="IPv6Any"/>,
    /// <see cref="IPv6Loopback"/>, <see cref="MapToIPv6"/>) and print as .NET prints them (RFC 5952), but
    /// text containing ':' is not parsed (the stack is IPv4 only): Parse throws FormatException and
    /// TryParse returns false, where .NET would parse an IPv6 address.
    /// </summary>
    public class IPAddress
    {
        public static readonly IPAddress Any = new IPAddress(new byte[] { 0, 0, 0, 0 });
        public static readonly IPAddress Loopback = new IPAddress(new byte[] { 127, 0, 0, 1 });
        public static readonly IPAddress Broadcast = new IPAddress(new byte[] { 255, 255, 255, 255 });
        public static readonly IPAddress None = Broadcast;

        public static readonly IPAddress IPv6Any = new IPAddress(new byte[16], 0);
        public static readonly IPAddress IPv6Loopback = new IPAddress(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 0);
        public static readonly IPAddress IPv6None = IPv6Any;

        private const int NumberOfLabels = 8;

        /// <summary>IPv4: the address (network order in memory). IPv6: the scope id.</summary>
        private uint _addressOrScopeId;

        /// <summary>IPv6 only (null for IPv4): the eight 16-bit groups.</summary>
        private readonly ushort[] _numbers;

        private string _toString;

        public IPAddress(long newAddress)
        {
            if ((ulong)newAddress > 0xFFFFFFFFUL)
                throw new ArgumentOutOfRangeException(nameof(newAddress), (ulong)newAddress,
                    "newAddress ('" + ((ulong)newAddress).ToString() + "') must be less than or equal to '4294967295'.");
            _addressOrScopeId = (uint)newAddress;
        }

        public IPAddress(byte[] address, long scopeid) : this(new ReadOnlySpan<byte>(address ?? ThrowAddressNull()), scopeid) { }

        public IPAddress(ReadOnlySpan<byte> address, long scopeid)
        {
            if (address.Length != 16) throw new ArgumentException("An invalid IP address was specified.", nameof(address));
            if ((ulong)scopeid > 0xFFFFFFFFUL)
                throw new ArgumentOutOfRangeException(nameof(scopeid), (ulong)scopeid,
                    "scopeid ('" + ((ulong)scopeid).ToString() + "') must be less than or equal to '4294967295'.");
            _numbers = ReadNumbers(address);
            _addressOrScopeId = (uint)scopeid;
        }

        public IPAddress(byte[] address) : this(new ReadOnlySpan<byte>(address ?? ThrowAddressNull())) { }

        public IPAddress(ReadOnlySpan<byte> address)
        {
            if (address.Length == 4)
                _addressOrScopeId = (uint)(address[0] | address[1] << 8 | address[2] << 16 | address[3] << 24);
            else if (address.Length == 16)
                _numbers = ReadNumbers(address);
            else
                throw new ArgumentException("An invalid IP address was specified.", nameof(address));
        }

        private IPAddress(ushort[] numbers, uint scopeid)
        {
            _numbers = numbers;
            _addressOrScopeId = scopeid;
        }

        private static ushort[] ReadNumbers(ReadOnlySpan<byte> address)
        {
            ushort[] numbers = new ushort[NumberOfLabels];
            for (int i = 0; i < NumberOfLabels; i++) numbers[i] = (ushort)(address[2 * i] << 8 | address[2 * i + 1]);
            return numbers;
        }

        private static byte[] ThrowAddressNull() => throw new ArgumentNullException("address");

        private bool IsIPv4 => _numbers == null;

        /// <summary>The IPv4 address in host order (10.0.0.1 is 0x0A000001), as the socket service takes it.</summary>
        internal uint HostOrderIPv4 => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(_addressOrScopeId);

        internal static IPAddress FromHostOrder(uint address) =>
            new IPAddress((long)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(address));

        public AddressFamily AddressFamily => IsIPv4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;

        public long ScopeId
        {
            get
            {
                if (IsIPv4) throw new SocketException(SocketError.OperationNotSupported);
                return _addressOrScopeId;
            }
            set
            {
                if (IsIPv4) throw new SocketException(SocketError.OperationNotSupported);
                if (value < 0) ThrowHelpersNegative(value);
                if (value > 0xFFFFFFFFL)
                    throw new ArgumentOutOfRangeException("value", value, "value ('" + value.ToString() + "') must be less than or equal to '4294967295'.");
                _addressOrScopeId = (uint)value;
                _toString = null;
            }
        }

        private static void ThrowHelpersNegative(long value) =>
            throw new ArgumentOutOfRangeException("value", value, "value ('" + value.ToString() + "') must be a non-negative value.");

        [Obsolete("IPAddress.Address is address family dependent and has been deprecated. Use IPAddress.Equals to perform comparisons instead.")]
        public long Address
        {
            get
            {
                if (!IsIPv4) throw new SocketException(SocketError.OperationNotSupported);
                return _addressOrScopeId;
            }
            set
            {
                if (!IsIPv4) throw new SocketException(SocketError.OperationNotSupported);
                if (_addressOrScopeId != value)
                {
                    if (ReferenceEquals(this, Any) || ReferenceEquals(this, Loopback) || ReferenceEquals(this, Broadcast))
                        throw new SocketException(SocketError.OperationNotSupported);
                    _addressOrScopeId = unchecked((uint)value);
                    _toString = null;
                }
            }
        }

        public byte[] GetAddressBytes()
        {
            if (IsIPv4)
            {
                uint a = _addressOrScopeId;
                return new byte[] { (byte)a, (byte)(a >> 8), (byte)(a >> 16), (byte)(a >> 24) };
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < NumberOfLabels; i++)
            {
                bytes[2 * i] = (byte)(_numbers[i] >> 8);
                bytes[2 * i + 1] = (byte)_numbers[i];
            }
            return bytes;
        }

        public bool TryWriteBytes(Span<byte> destination, out int bytesWritten)
        {
            byte[] bytes = GetAddressBytes();
            if (destination.Length < bytes.Length)
            {
                bytesWritten = 0;
                return false;
            }
            new ReadOnlySpan<byte>(bytes).CopyTo(destination);
            bytesWritten = bytes.Length;
            return true;
        }

        public static bool TryParse(string ipString, out IPAddress address)
        {
            if (ipString == null)
            {
                address = null;
                return false;
            }
            address = ParseCore(ipString.AsSpan(), tryParse: true);
            return address != null;
        }

        public static bool TryParse(ReadOnlySpan<char> ipSpan, out IPAddress address)
        {
            address = ParseCore(ipSpan, tryParse: true);
            return address != null;
        }

        public static IPAddress Parse(string ipString)
        {
            if (ipString == null) throw new ArgumentNullException(nameof(ipString));
            return ParseCore(ipString.AsSpan(), tryParse: false);
        }

        public static IPAddress Parse(ReadOnlySpan<char> ipSpan) => ParseCore(ipSpan, tryParse: false);

        private static IPAddress ParseCore(ReadOnlySpan<char> text, bool tryParse)
        {
            if (text.IndexOf(':') < 0)
            {
                int end = text.Length;
                long value = ParseNonCanonical(text, ref end);
                if (value >= 0 && end == text.Length)
                    return FromHostOrder((uint)value);
            }
            if (tryParse) return null;
            // .NET attaches a SocketException(InvalidArgument) as the inner exception; FormatException(string, Exception) is not in this library.
            throw new FormatException("An invalid IP address was specified.");
        }

        /// <summary>
        /// .NET's IPv4AddressHelper.ParseNonCanonical (notImplicitFile): one to four parts, each decimal,
        /// octal (leading 0) or hexadecimal (0x); the last part fills the remaining bytes. The address in host
        /// order, or -1.
        /// </summary>
        private static long ParseNonCanonical(ReadOnlySpan<char> name, ref int end)
        {
            const long MaxIPv4Value = uint.MaxValue;
            Span<uint> parts = stackalloc uint[4];
            long currentValue = 0;
            bool atLeastOneChar = false;
            int dotCount = 0;
            int current;
            char ch = '\0';
            for (current = 0; current < end; current++)
            {
                ch = name[current];
                int maxCharacterValue = '9';
                currentValue = 0;
                int numberBase = 10;
                if (ch == '0')
                {
                    current++;
                    atLeastOneChar = true;
                    if (current < end)
                    {
                        ch = name[current];
                        if (ch == 'x' || ch == 'X')
                        {
                            numberBase = 16;
                            current++;
                            atLeastOneChar = false;
                        }
                        else
                        {
                            numberBase = 8;
                            maxCharacterValue = '7';
                        }
                    }
                }
                for (; current < end; current++)
                {
                    ch = name[current];
                    int digitValue;
                    if (ch >= '0' && ch <= maxCharacterValue) digitValue = ch - '0';
                    else if (numberBase == 16)
                    {
                        if (ch >= 'a' && ch <= 'f') digitValue = ch - 'a' + 10;
                        else if (ch >= 'A' && ch <= 'F') digitValue = ch - 'A' + 10;
                        else break;
                    }
                    else break;
                    currentValue = currentValue * numberBase + digitValue;
                    if (currentValue > MaxIPv4Value) return -1;
                    atLeastOneChar = true;
                }
                if (ch == '.')
                {
                    if (dotCount >= 3 || !atLeastOneChar || currentValue > 0xFF) return -1;
                    parts[dotCount] = (uint)currentValue;
                    dotCount++;
                    atLeastOneChar = false;
                    continue;
                }
                break;
            }
            if (!atLeastOneChar) return -1;
            if (current >= end) { }
            else
            {
                char c = name[current];
                if (!(c == '/' || c == '\\' || c == ':' || c == '?' || c == '#')) return -1;
            }
            parts[dotCount] = (uint)currentValue;
            end = current;
            switch (dotCount)
            {
                case 0: return parts[0];
                case 1:
                    if (parts[1] > 0xffffff) return -1;
                    return (parts[0] << 24) | parts[1];
                case 2:
                    if (parts[2] > 0xffff) return -1;
                    return (parts[0] << 24) | (parts[1] << 16) | parts[2];
                case 3:
                    if (parts[3] > 0xff) return -1;
                    return (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3];
                default: return -1;
            }
        }

        public override string ToString()
        {
            string text = _toString;
            if (text == null)
                _toString = text = IsIPv4 ? FormatIPv4(_addressOrScopeId) : FormatIPv6(_numbers, _addressOrScopeId);
            return text;
        }

        public bool TryFormat(Span<char> destination, out int charsWritten)
        {
            string text = ToString();
            if (destination.Length < text.Length)
            {
                charsWritten = 0;
                return false;
            }
            text.AsSpan().CopyTo(destination);
            charsWritten = text.Length;
            return true;
        }

        private static string FormatIPv4(uint address)
        {
            // The address is in network order in memory: its first byte is the low byte.
            return ((byte)address).ToString() + "." + ((byte)(address >> 8)).ToString() + "."
                + ((byte)(address >> 16)).ToString() + "." + ((byte)(address >> 24)).ToString();
        }

        private static string FormatIPv6(ushort[] numbers, uint scopeId)
        {
            var text = new System.Text.StringBuilder();
            if (ShouldHaveIpv4Embedded(numbers))
            {
                AppendSections(numbers, 6, text);
                if (text[text.Length - 1] != ':') text.Append(':');
                text.Append(numbers[6] >> 8).Append('.').Append(numbers[6] & 0xFF).Append('.')
                    .Append(numbers[7] >> 8).Append('.').Append(numbers[7] & 0xFF);
            }
            else
            {
                AppendSections(numbers, 8, text);
            }
            if (scopeId != 0) text.Append('%').Append(scopeId);
            return text.ToString();
        }

        /// <summary>IPv6AddressHelper.ShouldHaveIpv4Embedded: ::x.x.x.x, ::ffff:x.x.x.x, ::ffff:0:x.x.x.x, ISATAP.</summary>
        private static bool ShouldHaveIpv4Embedded(ushort[] numbers)
        {
            if (numbers[0] == 0 && numbers[1] == 0 && numbers[2] == 0 && numbers[3] == 0 && numbers[6] != 0)
            {
                if (numbers[4] == 0 && (numbers[5] == 0 || numbers[5] == 0xFFFF)) return true;
                if (numbers[4] == 0xFFFF && numbers[5] == 0) return true;
            }
            return numbers[4] == 0 && numbers[5] == 0x5EFE;
        }

        /// <summary>The groups [0, count) in lowercase hexadecimal, the first longest run of two or more zeros as "::".</summary>
        private static void AppendSections(ushort[] numbers, int count, System.Text.StringBuilder text)
        {
            int longestLength = 0, longestStart = -1, currentLength = 0;
            for (int i = 0; i < count; i++)
            {
                if (numbers[i] == 0)
                {
                    currentLength++;
                    if (currentLength > longestLength)
                    {
                        longestLength = currentLength;
                        longestStart = i - currentLength + 1;
                    }
                }
                else currentLength = 0;
            }
            int zeroStart = -1, zeroEnd = 0;
            if (longestLength > 1)
            {
                zeroStart = longestStart;
                zeroEnd = longestStart + longestLength;
            }
            bool needsColon = false;
            if (zeroStart >= 0)
            {
                for (int i = 0; i < zeroStart; i++)
                {
                    if (needsColon) text.Append(':');
                    needsColon = true;
                    text.Append(numbers[i].ToString("x"));
                }
                text.Append("::");
                needsColon = false;
            }
            for (int i = zeroEnd; i < count; i++)
            {
                if (needsColon) text.Append(':');
                needsColon = true;
                text.Append(numbers[i].ToString("x"));
            }
        }

        public static long HostToNetworkOrder(long host) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(host);

        public static int HostToNetworkOrder(int host) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(host);

        public static short HostToNetworkOrder(short host) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(host);

        public static long NetworkToHostOrder(long network) => HostToNetworkOrder(network);

        public static int NetworkToHostOrder(int network) => HostToNetworkOrder(network);

        public static short NetworkToHostOrder(short network) => HostToNetworkOrder(network);

        public static bool IsLoopback(IPAddress address)
        {
            if (address == null) throw new ArgumentNullException(nameof(address));
            if (!address.IsIPv4)
                return address.Equals(IPv6Loopback) || address.Equals(Loopback.MapToIPv6());
            return (address._addressOrScopeId & 0xFF) == 127;
        }

        public bool IsIPv6Multicast => !IsIPv4 && (_numbers[0] & 0xFF00) == 0xFF00;

        public bool IsIPv6LinkLocal => !IsIPv4 && (_numbers[0] & 0xFFC0) == 0xFE80;

        public bool IsIPv6SiteLocal => !IsIPv4 && (_numbers[0] & 0xFFC0) == 0xFEC0;

        public bool IsIPv6Teredo => !IsIPv4 && _numbers[0] == 0x2001 && _numbers[1] == 0;

        public bool IsIPv6UniqueLocal => !IsIPv4 && (_numbers[0] & 0xFE00) == 0xFC00;

        public bool IsIPv4MappedToIPv6 =>
            !IsIPv4 && _numbers[0] == 0 && _numbers[1] == 0 && _numbers[2] == 0 && _numbers[3] == 0
            && _numbers[4] == 0 && _numbers[5] == 0xFFFF;

        public IPAddress MapToIPv6()
        {
            if (!IsIPv4) return this;
            uint address = HostOrderIPv4;
            ushort[] labels = new ushort[NumberOfLabels];
            labels[5] = 0xFFFF;
            labels[6] = (ushort)(address >> 16);
            labels[7] = (ushort)address;
            return new IPAddress(labels, 0);
        }

        public IPAddress MapToIPv4()
        {
            if (IsIPv4) return this;
            return FromHostOrder((uint)_numbers[6] << 16 | _numbers[7]);
        }

        public override bool Equals(object comparand)
        {
            IPAddress other = comparand as IPAddress;
            if (other == null || other.IsIPv4 != IsIPv4) return false;
            if (IsIPv4) return other._addressOrScopeId == _addressOrScopeId;
            for (int i = 0; i < NumberOfLabels; i++)
                if (_numbers[i] != other._numbers[i]) return false;
            return _addressOrScopeId == other._addressOrScopeId;
        }

        /// <summary>Equal addresses hash alike; the values differ from .NET's, which are randomised per process.</summary>
        public override int GetHashCode()
        {
            if (IsIPv4) return (int)(_addressOrScopeId * 0x9E3779B1u);
            uint hash = _addressOrScopeId;
            for (int i = 0; i < NumberOfLabels; i++) hash = (hash ^ _numbers[i]) * 0x01000193u;
            return (int)hash;
        }
    }
}
