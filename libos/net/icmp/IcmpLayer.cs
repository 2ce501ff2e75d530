using System;
using Testbed.LibOS.Net.Ipv4;

namespace Testbed.LibOS.Net.Icmp
{
    /// <summary>
    /// ICMP (RFC 792): echo requests are answered in place (the request's buffer becomes the reply, no
    /// copy); everything else is counted and dropped. Errors the stack would send (port unreachable)
    /// are not sent: UDP drops silently, TCP answers with RST.
    /// </summary>
    public static class IcmpLayer
    {
        public const byte EchoReply = 0;
        public const byte EchoRequest = 8;

        public static long EchoRequestsAnswered;

        public static void Receive(NetStack stack, uint source, uint destination, PacketBuffer packet)
        {
            Span<byte> m = packet.Data;
            if (m.Length < 8 || InternetChecksum.Compute(m) != 0)
            {
                NetCounters.DroppedIcmpMalformed++;
                packet.Release();
                return;
            }
            // Echo requests to a broadcast address go unanswered, as on Linux (icmp_echo_ignore_broadcasts):
            // a reply from every host would amplify one spoofed request.
            NetInterface ethernet = stack.Ethernet;
            bool toBroadcast = destination == Ipv4Layer.Limited
                || (ethernet != null && ethernet.PrefixLength > 0 && ethernet.PrefixLength < 31 && destination == ethernet.SubnetBroadcast);
            if (m[0] != EchoRequest || m[1] != 0 || toBroadcast)
            {
                packet.Release();
                return;
            }
            EchoRequestsAnswered++;
            m[0] = EchoReply;
            m[2] = 0;
            m[3] = 0;
            NetworkOrder.WriteUInt16(m, 2, InternetChecksum.Compute(m));
            Ipv4Layer.Send(stack, destination, source, Ipv4Layer.ProtocolIcmp, packet);
        }
    }
}
