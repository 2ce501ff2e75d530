// A binary record format: length-prefixed UTF-8 strings, big-endian integers and little-endian
// timestamps written with BinaryPrimitives into a growing buffer, read back and verified, with a
// CRC-32 over the bytes.
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

sealed class Record
{
    public int Id;
    public string Name;
    public long Timestamp;
    public short Score;
}

static class Program
{
    static uint Crc32(byte[] data, int length)
    {
        uint crc = 0xFFFFFFFF;
        for (int i = 0; i < length; i++)
        {
            crc ^= data[i];
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }

    static int Main()
    {
        var records = new List<Record>();
        string[] names = { "ada", "grace", "Linus", "Zoë", "ケン", "🙂ok", "" };
        for (int i = 0; i < 40; i++)
            records.Add(new Record { Id = i * 1000 - 7, Name = names[i % names.Length] + i, Timestamp = 1_700_000_000_000L + i * 86_400_000L, Score = (short)(i * 37 - 500) });
        byte[] buffer = new byte[16];
        int length = 0;
        foreach (Record r in records)
        {
            byte[] name = Encoding.UTF8.GetBytes(r.Name);
            int needed = 4 + 2 + name.Length + 8 + 2;
            if (length + needed > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + needed));
            Span<byte> span = buffer.AsSpan(length);
            BinaryPrimitives.WriteInt32BigEndian(span, r.Id);
            BinaryPrimitives.WriteUInt16BigEndian(span.Slice(4), (ushort)name.Length);
            name.AsSpan().CopyTo(span.Slice(6));
            BinaryPrimitives.WriteInt64LittleEndian(span.Slice(6 + name.Length), r.Timestamp);
            BinaryPrimitives.WriteInt16BigEndian(span.Slice(14 + name.Length), r.Score);
            length += needed;
        }
        Console.WriteLine(length + " " + buffer.Length + " " + Crc32(buffer, length).ToString("X8"));
        var decoded = new List<Record>();
        int pos = 0;
        while (pos < length)
        {
            ReadOnlySpan<byte> span = buffer.AsSpan(pos, length - pos);
            int id = BinaryPrimitives.ReadInt32BigEndian(span);
            int nameLength = BinaryPrimitives.ReadUInt16BigEndian(span.Slice(4));
            string name = Encoding.UTF8.GetString(span.Slice(6, nameLength));
            long ts = BinaryPrimitives.ReadInt64LittleEndian(span.Slice(6 + nameLength));
            short score = BinaryPrimitives.ReadInt16BigEndian(span.Slice(14 + nameLength));
            decoded.Add(new Record { Id = id, Name = name, Timestamp = ts, Score = score });
            pos += 16 + nameLength;
        }
        int mismatches = 0;
        for (int i = 0; i < records.Count; i++)
        {
            Record a = records[i], b = decoded[i];
            if (a.Id != b.Id || a.Name != b.Name || a.Timestamp != b.Timestamp || a.Score != b.Score) mismatches++;
        }
        Console.WriteLine(decoded.Count + " " + mismatches + " " + decoded[5].Name + " " + decoded[39].Score + " " + decoded[4].Name.Length);
        var sb = new StringBuilder();
        for (int i = 0; i < 8; i++) sb.Append(buffer[i].ToString("x2"));
        Console.WriteLine(sb);
        return (int)(Crc32(buffer, length) & 0xFF);
    }
}
