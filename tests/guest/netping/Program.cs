using System;
using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Devices;
using Testbed.LibOS.Net.Icmp;
using Testbed.LibOS.Threading;
using Testbed.LibOS.Time;

// The stack on the platform's NIC (tap on Linux, virtio-net on PVH), configured by `testbed run --net`:
// starts it (no socket needed), says which interface it got, then answers pings until it has answered
// three and none came for two seconds (or a minute and a half passed), and reports what it counted.
// Runs unchanged on both targets: it uses only the library OS's shared API.
static class Program
{
    static int Main()
    {
        string nic = NetworkDevices.Describe();
        Console.WriteLine("net " + nic);
        if (nic == "none")
            return 3;
        ulong deadline = Clock.DeadlineIn(90_000_000_000UL);
        long seen = 0;
        ulong lastChange = Clock.Ticks;
        while (Clock.Ticks < deadline)
        {
            long answered = IcmpLayer.EchoRequestsAnswered;
            if (answered != seen)
            {
                seen = answered;
                lastChange = Clock.Ticks;
            }
            else if (seen >= 3 && Clock.ToNanoseconds(Clock.Ticks - lastChange) > 2_000_000_000UL)
                break;
            Scheduler.Sleep(50_000_000UL);
        }
        Console.WriteLine("echo requests answered " + IcmpLayer.EchoRequestsAnswered.ToString());
        Console.WriteLine("frames received " + NetCounters.FramesReceived.ToString() + " sent " + NetCounters.FramesSent.ToString()
            + " dropped " + NetCounters.Dropped.ToString() + " (ip checksum " + NetCounters.DroppedIpChecksum.ToString()
            + ", icmp " + NetCounters.DroppedIcmpMalformed.ToString() + ", arp " + NetCounters.DroppedArpMalformed.ToString() + ")");
        if (FaultInjector.Installed != null)
            Console.WriteLine(FaultInjector.Installed.Describe());
        return IcmpLayer.EchoRequestsAnswered >= 3 ? 0 : 2;
    }
}
