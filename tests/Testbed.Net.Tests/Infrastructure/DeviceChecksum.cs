using Testbed.LibOS.Net;

namespace Testbed.Net.Tests.Infrastructure;

/// <summary>What a device with checksum offload does to a TCP segment TCP left a partial checksum in.</summary>
public static class DeviceChecksum
{
    /// <summary>
    /// Checks that the field holds the pseudo-header sum (what the device adds the segment to), then
    /// stores the complete checksum and clears the offload marks. The buffer starts at the TCP header.
    /// </summary>
    public static void Complete(uint source, uint destination, PacketBuffer segment)
    {
        if (segment.PartialChecksumStart != segment.Start || segment.PartialChecksumOffset != 16)
            throw new InvalidOperationException($"partial checksum at {segment.PartialChecksumStart}+{segment.PartialChecksumOffset}, segment at {segment.Start}");
        var pseudo = new InternetChecksum();
        pseudo.AddPseudoHeader(source, destination, 6, segment.Length);
        int field = segment.Bytes[segment.Start + 16] << 8 | segment.Bytes[segment.Start + 17];
        if (field != pseudo.Fold())
            throw new InvalidOperationException($"the checksum field holds {field:x4}, not the pseudo-header sum {pseudo.Fold():x4}");
        segment.Bytes[segment.Start + 16] = 0;
        segment.Bytes[segment.Start + 17] = 0;
        var checksum = new InternetChecksum();
        checksum.AddPseudoHeader(source, destination, 6, segment.Length);
        checksum.Add(segment.Data);
        ushort sum = checksum.Finish();
        segment.Bytes[segment.Start + 16] = (byte)(sum >> 8);
        segment.Bytes[segment.Start + 17] = (byte)sum;
        segment.PartialChecksumStart = 0;
        segment.PartialChecksumOffset = 0;
        segment.SegmentPayloadBytes = 0;
    }
}
