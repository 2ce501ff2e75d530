using System;
using System.Net;
using System.Net.Sockets;

// IPAddress and IPEndPoint without a network stack: parsing (.NET's non-canonical IPv4 forms), formatting,
// equality, bytes, the long constructor (little-endian: the first byte is the low byte), errors.
public static class Program
{
    static int failures;

    static void Try(string label, Func<object> f)
    {
        try { Console.WriteLine(label + " = " + f()); }
        catch (Exception e) { Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message.Replace("\n", " | ")); }
    }

    static string Bytes(byte[] b) => string.Join(",", b);

    public static int Main()
    {
        string[] inputs = {
            "1.2.3.4", "127.0.0.1", "0.0.0.0", "255.255.255.255", "1", "1.2", "1.2.3", "256", "1.256", "1.2.65535",
            "4294967295", "4294967296", "0x7f.0.0.1", "0x7F000001", "010.0.0.1", "0", "00", "08", "1.2.3.4.5", "1..2",
            "1.2.3.", ".1.2.3", "", " 1.2.3.4", "1.2.3.4 ", "1.2.3.256", "1.2.3.4/24", "1.2.3.4\\x", "1.2.3.4?", "1.2.3.4#",
            "0x", "0xg", "abc", "-1", "1.-2.3.4", "0xffffffff", "037777777777", "0.0.0.00",
        };
        foreach (string s in inputs)
        {
            bool ok = IPAddress.TryParse(s, out IPAddress a);
            Console.WriteLine("TryParse(\"" + s + "\") " + ok + (ok ? " " + a + " " + a.AddressFamily : ""));
            Try("  Parse", () => IPAddress.Parse(s));
        }
        Try("Parse(null)", () => IPAddress.Parse((string)null));
        Console.WriteLine("TryParse(null) " + IPAddress.TryParse((string)null, out IPAddress none) + " " + (none == null));

        Console.WriteLine("Any " + IPAddress.Any + " Loopback " + IPAddress.Loopback + " Broadcast " + IPAddress.Broadcast + " None " + IPAddress.None);
        Console.WriteLine("IPv6Any " + IPAddress.IPv6Any + " " + IPAddress.IPv6Any.AddressFamily + " IPv6Loopback " + IPAddress.IPv6Loopback);
        Console.WriteLine("IPv6None " + IPAddress.IPv6None + " mapped " + IPAddress.Loopback.MapToIPv6() + " back " + IPAddress.Loopback.MapToIPv6().MapToIPv4());
        Console.WriteLine("IsIPv4MappedToIPv6 " + IPAddress.Loopback.MapToIPv6().IsIPv4MappedToIPv6 + " " + IPAddress.IPv6Loopback.IsIPv4MappedToIPv6);

        var fromLong = new IPAddress(0x0100007F);
        Console.WriteLine("new IPAddress(0x0100007F) " + fromLong + " equals loopback " + fromLong.Equals(IPAddress.Loopback)
            + " hash equal " + (fromLong.GetHashCode() == IPAddress.Loopback.GetHashCode()));
        Console.WriteLine("new IPAddress(0xFFFFFFFF) " + new IPAddress(0xFFFFFFFFL));
        Try("new IPAddress(0x100000000)", () => new IPAddress(0x100000000L));
        Try("new IPAddress(-1)", () => new IPAddress(-1L));
        Try("new IPAddress(byte[5])", () => new IPAddress(new byte[5]));
        Try("new IPAddress(null)", () => new IPAddress((byte[])null));
        var fromBytes = new IPAddress(new byte[] { 192, 168, 1, 20 });
        Console.WriteLine("bytes " + fromBytes + " -> " + Bytes(fromBytes.GetAddressBytes()) + " " + fromBytes.AddressFamily);
        Console.WriteLine("v6 bytes " + Bytes(IPAddress.IPv6Loopback.GetAddressBytes()));
        byte[][] v6 = {
            new byte[] { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 },
            new byte[] { 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55 },
            new byte[] { 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0 },
            new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1 },
            new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 10, 0, 0, 1 },
            new byte[] { 0xab, 0xcd, 0, 0, 0, 0, 0xef, 0x01, 0, 0, 0, 0, 0x23, 0x45, 0x67, 0x89 },
        };
        foreach (byte[] b in v6)
        {
            var a = new IPAddress(b);
            Console.WriteLine("v6 " + a + " " + a.IsIPv6LinkLocal + " " + a.IsIPv6Multicast + " scoped " + new IPAddress(b, 5));
        }
        Try("Loopback.ScopeId", () => IPAddress.Loopback.ScopeId);
        Console.WriteLine("IsLoopback " + IPAddress.IsLoopback(IPAddress.Parse("127.5.6.7")) + " " + IPAddress.IsLoopback(IPAddress.Parse("128.0.0.1"))
            + " " + IPAddress.IsLoopback(IPAddress.IPv6Loopback));
        Console.WriteLine("HostToNetworkOrder " + IPAddress.HostToNetworkOrder(0x01020304) + " " + IPAddress.HostToNetworkOrder((short)0x0102)
            + " " + IPAddress.NetworkToHostOrder(0x0102030405060708L));
        Console.WriteLine("Equals " + IPAddress.Parse("10.0.0.1").Equals(IPAddress.Parse("10.0.0.1")) + " " + IPAddress.Parse("10.0.0.1").Equals(IPAddress.Parse("10.0.0.2"))
            + " " + IPAddress.Any.Equals(IPAddress.IPv6Any) + " " + IPAddress.Any.Equals(null) + " " + IPAddress.Any.Equals("0.0.0.0"));

        var ep = new IPEndPoint(IPAddress.Parse("1.2.3.4"), 80);
        Console.WriteLine("ep " + ep + " " + ep.Address + " " + ep.Port + " " + ep.AddressFamily);
        Console.WriteLine("ep6 " + new IPEndPoint(IPAddress.IPv6Loopback, 443));
        Console.WriteLine("ep long " + new IPEndPoint(0x0100007F, 65535) + " MinPort " + IPEndPoint.MinPort + " MaxPort " + IPEndPoint.MaxPort);
        Console.WriteLine("ep equals " + ep.Equals(new IPEndPoint(IPAddress.Parse("1.2.3.4"), 80)) + " " + ep.Equals(new IPEndPoint(IPAddress.Parse("1.2.3.4"), 81))
            + " hash " + (ep.GetHashCode() == new IPEndPoint(IPAddress.Parse("1.2.3.4"), 80).GetHashCode()));
        Try("ep port -1", () => new IPEndPoint(IPAddress.Loopback, -1));
        Try("ep port 65536", () => new IPEndPoint(IPAddress.Loopback, 65536));
        Try("ep null address", () => new IPEndPoint((IPAddress)null, 1));
        Try("ep set port", () => { ep.Port = 70000; return ep; });
        Try("ep set address null", () => { ep.Address = null; return ep; });
        ep.Port = 8080;
        ep.Address = IPAddress.Loopback;
        Console.WriteLine("ep now " + ep);
        string[] endpoints = { "1.2.3.4:80", "1.2.3.4", "1.2.3.4:", "1.2.3.4:65535", "1.2.3.4:65536", "1.2.3.4:+80", "1.2.3.4: 80", "x:80", "1:2:3", "0x7f.1:0" };
        foreach (string s in endpoints)
        {
            bool ok = IPEndPoint.TryParse(s, out IPEndPoint e);
            Console.WriteLine("EP.TryParse(\"" + s + "\") " + ok + (ok ? " " + e : ""));
        }
        Try("EP.Parse bad", () => IPEndPoint.Parse("1.2.3.4:99999"));
        Try("EP.Parse null", () => IPEndPoint.Parse((string)null));

        Console.WriteLine("SocketError " + (int)SocketError.ConnectionRefused + " " + SocketError.ConnectionRefused + " " + (int)SocketError.SocketError + " " + SocketError.TimedOut);
        Console.WriteLine("AddressFamily " + AddressFamily.InterNetwork + " " + (int)AddressFamily.InterNetworkV6 + " " + ProtocolType.Tcp + " " + (int)ProtocolType.Udp + " " + SocketType.Dgram);
        Console.WriteLine("Flags " + (SocketFlags.Peek | SocketFlags.OutOfBand) + " " + SocketOptionName.ReuseAddress + " " + (int)SocketOptionName.ReceiveTimeout + " " + SocketOptionLevel.Socket);
        foreach (SocketError e in new[] { SocketError.Success, SocketError.ConnectionRefused, SocketError.AddressAlreadyInUse, SocketError.TimedOut,
            SocketError.WouldBlock, SocketError.ConnectionReset, SocketError.Shutdown, SocketError.NotConnected, SocketError.HostNotFound,
            SocketError.ProcessLimit, SocketError.SocketError, SocketError.MessageSize, SocketError.Interrupted })
        {
            var x = new SocketException((int)e);
            Console.WriteLine("SocketException " + e + " " + x.SocketErrorCode + " " + x.ErrorCode + " " + x.NativeErrorCode + " '" + x.Message + "'");
        }
        return failures;
    }
}
