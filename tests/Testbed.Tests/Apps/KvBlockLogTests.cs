using System.Buffers.Binary;
using System.Numerics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using Xunit;

namespace Testbed.Tests.Apps;

/// <summary>
/// kv's append-only log on a raw block device (bench/apps/kv/Platform/BlockAppendLog.cs; the layout is
/// Persistence/BlockLogFormat.cs and README.md, "The log on a block device"), with a preallocated file as the
/// device. The tests call the class in kv's CoreCLR build through reflection (<see cref="BlockLog"/>: kv is an
/// executable the test project does not reference) and read device images with a decoder of the documented
/// layout written from the README, not from kv's code (<see cref="BlockImage"/>). What a crash can leave on
/// the device is made by splicing images: the bytes of a record from some offset on as they were before its
/// write (a torn write), a record's bytes zeroed while a later one survives (a lost write), an earlier log's
/// records behind the end. KvBlockLogServerTests runs the server itself on a device.
/// </summary>
public sealed class KvBlockLogTests : IDisposable
{
    private const int Sector = 512;
    private readonly string dir = Path.Combine(Path.GetTempPath(), "kv-blocklog-" + Guid.NewGuid().ToString("N"));
    private int devices;

    public KvBlockLogTests() { Directory.CreateDirectory(dir); }

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void FreshDevice_IsFormatted_AndRecordsFollowTheDocumentedLayout()
    {
        var path = NewDevice(64 * 1024);
        using (var log = BlockLog.Open(path))
        {
            Assert.Empty(log.ReadAll());
            log.Append("*1\r\n$4\r\nPING\r\n");
            log.Append(Fill('x', 600));
            log.Sync();
            Assert.Equal(64 * 1024 - Sector, log.Capacity);
        }
        var image = File.ReadAllBytes(path);
        var decoded = BlockImage.Decode(image);
        Assert.Equal(2, decoded.Records.Count);
        var (first, second) = (decoded.Records[0], decoded.Records[1]);
        Assert.Equal(Sector, first.Offset);
        Assert.Equal("*1\r\n$4\r\nPING\r\n", Encoding.ASCII.GetString(first.Payload));
        Assert.Equal(decoded.SuperblockCrc, first.PreviousCrc);
        Assert.Equal(Sector + 56, second.Offset); // 40-byte header + 14 bytes, padded to 8
        Assert.Equal(first.Crc, second.PreviousCrc);
        Assert.Equal(first.Epoch, second.Epoch);
        Assert.Equal(Fill('x', 600), second.Payload);
        // The write zero-fills its last sector after the record, and nothing beyond it was written.
        long end = second.Offset + second.Span;
        Assert.True(image.AsSpan((int)end).IndexOfAnyExcept((byte)0) < 0);

        var other = NewDevice(64 * 1024);
        using (var log = BlockLog.Open(other)) log.Append("x");
        Assert.NotEqual(decoded.LogId, BlockImage.Decode(File.ReadAllBytes(other)).LogId);
        using (var log = BlockLog.Open(path))
        {
            log.Append("y");
            log.Sync();
        }
        var reopened = BlockImage.Decode(File.ReadAllBytes(path));
        Assert.Equal(decoded.LogId, reopened.LogId);
        Assert.NotEqual(first.Epoch, reopened.Records[2].Epoch);
    }

    /// <summary>Payload sizes that put record ends on, just before and just after sector boundaries, and records
    /// larger than kv's 256 KB read window, over many opens: the content is always exactly what was appended.</summary>
    [Fact]
    public void ReadAll_ReturnsExactlyWhatWasAppended_AcrossSectorBoundariesAndReopens()
    {
        var path = NewDevice(4 * 1024 * 1024);
        var expected = new MemoryStream();
        var sizes = new List<int> { 0, 1, 7, 8, 9, 431, 432, 433, 471, 472, 473, 504, 511, 512, 513, 1023, 1024, 1025, 4096, 300_000, 3 };
        var random = new Random(20240611);
        for (int i = 0; i < 200; i++) sizes.Add(random.Next(0, 2000));
        var ends = new HashSet<long>();
        BlockLog? log = null;
        try
        {
            for (int i = 0; i < sizes.Count; i++)
            {
                if (i % 3 == 0)
                {
                    log?.Dispose();
                    log = BlockLog.Open(path);
                    Assert.Equal(expected.ToArray(), log.ReadAll());
                }
                var payload = new byte[sizes[i]];
                random.NextBytes(payload);
                log!.Append(payload);
                expected.Write(payload);
            }
            log!.Sync();
        }
        finally
        {
            log?.Dispose();
        }
        var decoded = BlockImage.Decode(File.ReadAllBytes(path));
        Assert.Equal(sizes.Count, decoded.Records.Count);
        Assert.Equal(expected.ToArray(), decoded.Content);
        foreach (var r in decoded.Records) ends.Add((r.Offset + r.Span) % Sector);
        Assert.Contains(0L, ends); // some record ended exactly on a sector boundary
        using (log = BlockLog.Open(path))
            Assert.Equal(expected.ToArray(), log.ReadAll());
    }

    /// <summary>
    /// A crash during the write of the last record, at every byte of it: the record's first k bytes reached
    /// the device and the rest is what was there before (zeros, or an earlier log's records); or the record
    /// arrived whole but with byte k damaged. The log ends before it, and the next append replaces it.
    /// </summary>
    [Theory]
    [InlineData("torn", "zeros")]
    [InlineData("torn", "earlier log")]
    [InlineData("damaged", "zeros")]
    public void LastRecordTornOrDamaged_AtEveryByte_EndsTheLogBeforeIt(string crash, string background)
    {
        var path = NewDevice(64 * 1024);
        if (background == "earlier log")
        {
            using (var earlier = BlockLog.Open(path))
                for (int i = 0; i < 60; i++) earlier.Append(Fill((char)('0' + i % 10), 300));
            ZeroFirstSector(path);
        }
        byte[] a = Fill('a', 100), b = Fill('b', 371), c = Fill('c', 700), d = Fill('d', 50);
        using (var log = BlockLog.Open(path)) { log.Append(a); log.Append(b); }
        var before = File.ReadAllBytes(path);
        using (var log = BlockLog.Open(path)) log.Append(c);
        var after = File.ReadAllBytes(path);
        var last = BlockImage.Decode(after).Records.Last();
        Assert.Equal(c, last.Payload);
        Assert.True(last.Offset / Sector != (last.Offset + last.Span - 1) / Sector, "the record should span sectors");
        int recordBytes = 40 + c.Length;
        for (int k = 0; k < recordBytes; k++)
        {
            var image = (byte[])after.Clone();
            int at = (int)last.Offset + k;
            if (crash == "torn")
                Array.Copy(before, at, image, at, image.Length - at);
            else
                image[at] ^= 0x20;
            File.WriteAllBytes(path, image);
            using (var log = BlockLog.Open(path))
            {
                Assert.True(Concat(a, b).AsSpan().SequenceEqual(log.ReadAll()), $"byte {k}: the log should end before the last record");
                log.Append(d);
            }
            using (var log = BlockLog.Open(path))
                Assert.True(Concat(a, b, d).AsSpan().SequenceEqual(log.ReadAll()), $"byte {k}: the append after recovery");
        }
        File.WriteAllBytes(path, after);
        using (var whole = BlockLog.Open(path))
            Assert.Equal(Concat(a, b, c), whole.ReadAll());
    }

    /// <summary>
    /// Without fsync the device may keep a later write and lose an earlier one. The records after the lost one
    /// must stay dead once a later run has written in its place, even when it writes the very same bytes:
    /// they name the lost record's CRC, and the rewritten record's differs by its epoch.
    /// </summary>
    [Fact]
    public void RecordsAfterALostOne_StayDead_WhenALaterRunRewritesItsPlaceWithTheSameBytes()
    {
        var path = NewDevice(64 * 1024);
        byte[] a = Fill('a', 100), b = Fill('b', 200), d = Fill('d', 80), e = Fill('e', 30);
        using (var log = BlockLog.Open(path)) { log.Append(a); log.Append(b); }
        // C ends exactly on a sector boundary, so rewriting it leaves D's sector alone.
        var end = BlockImage.Decode(File.ReadAllBytes(path)).End;
        var c = Fill('c', (int)((end / Sector + 2) * Sector - end - 40));
        using (var log = BlockLog.Open(path)) { log.Append(c); log.Append(d); }
        var image = File.ReadAllBytes(path);
        var records = BlockImage.Decode(image).Records;
        Assert.Equal(4, records.Count);
        var (lost, survivor) = (records[2], records[3]);
        Assert.Equal(0, (lost.Offset + lost.Span) % Sector);
        Array.Clear(image, (int)lost.Offset, (int)lost.Span);
        File.WriteAllBytes(path, image);

        using (var log = BlockLog.Open(path))
        {
            Assert.Equal(Concat(a, b), log.ReadAll());
            log.Append(c);
        }
        image = File.ReadAllBytes(path);
        Assert.Equal(survivor.Payload, image.AsSpan((int)survivor.Offset + 40, d.Length).ToArray());
        Assert.Equal(BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan((int)survivor.Offset + 16)), survivor.Sequence);
        using (var log = BlockLog.Open(path))
        {
            Assert.Equal(Concat(a, b, c), log.ReadAll());
            log.Append(e);
        }
        using (var log = BlockLog.Open(path))
            Assert.Equal(Concat(a, b, c, e), log.ReadAll());
    }

    /// <summary>An earlier log on the same device (formatted again since) whose records line up exactly behind the new log's end.</summary>
    [Fact]
    public void EarlierLogOnTheDevice_IsNotTakenForThisOne()
    {
        var path = NewDevice(64 * 1024);
        using (var earlier = BlockLog.Open(path))
            for (int i = 0; i < 40; i++) earlier.Append(Fill('o', 100));
        ZeroFirstSector(path);
        var expected = new MemoryStream();
        using (var log = BlockLog.Open(path))
        {
            Assert.Empty(log.ReadAll());
            // 32 records of 144 bytes end on a sector boundary, where the earlier log's 33rd record begins.
            for (int i = 0; i < 32; i++) { log.Append(Fill('n', 100)); expected.Write(Fill('n', 100)); }
        }
        var image = File.ReadAllBytes(path);
        var decoded = BlockImage.Decode(image);
        Assert.Equal(0, decoded.End % Sector);
        Assert.Equal(0x3152564Bu, BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan((int)decoded.End)));
        Assert.Equal(33ul, BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan((int)decoded.End + 16)));
        using (var log = BlockLog.Open(path))
        {
            Assert.Equal(expected.ToArray(), log.ReadAll());
            log.Append("after");
            expected.Write("after"u8);
        }
        using (var log = BlockLog.Open(path))
            Assert.Equal(expected.ToArray(), log.ReadAll());
    }

    /// <summary>A full device: the append that does not fit fails with ENOSPC's text (kv then answers -MISCONF) and
    /// changes nothing; a record that fits exactly still goes in; the content survives a reopen.</summary>
    [Fact]
    public void FullDevice_RefusesTheAppendThatDoesNotFit_AndKeepsWhatFit()
    {
        var path = NewDevice(4 * Sector);
        var expected = new MemoryStream();
        using (var log = BlockLog.Open(path))
        {
            Assert.Equal(3 * Sector, log.Capacity);
            for (int i = 0; i < 10; i++) { log.Append(Fill('k', 100)); expected.Write(Fill('k', 100)); } // 10 x 144 bytes
            var full = Assert.Throws<IOException>(() => log.Append(Fill('k', 100)));
            Assert.Contains("No space left on device", full.Message);
            log.Append(Fill('z', 3 * Sector - 1440 - 40)); // exactly the rest
            expected.Write(Fill('z', 3 * Sector - 1440 - 40));
            Assert.Throws<IOException>(() => log.Append(Array.Empty<byte>()));
            Assert.Equal(expected.ToArray(), log.ReadAll());
        }
        using (var log = BlockLog.Open(path))
        {
            Assert.Equal(expected.ToArray(), log.ReadAll());
            Assert.Throws<IOException>(() => log.Append("x"));
        }
    }

    [Fact]
    public void Truncate_CutsTheContent_AndLaterAppendsFollowTheCut()
    {
        var path = NewDevice(64 * 1024);
        const string ping = "*1\r\n$4\r\nPING\r\n";
        using (var log = BlockLog.Open(path))
        {
            log.Append(ping + ping);
            log.Append(ping);
            log.Truncate(20);
            Assert.Equal((ping + ping)[..20], Ascii(log.ReadAll()));
            log.Append("tail");
            Assert.Throws<ArgumentOutOfRangeException>(() => log.Truncate(25));
        }
        using (var log = BlockLog.Open(path))
        {
            Assert.Equal((ping + ping)[..20] + "tail", Ascii(log.ReadAll()));
            log.Truncate(0);
            log.Append(ping);
        }
        using (var log = BlockLog.Open(path))
            Assert.Equal(ping, Ascii(log.ReadAll()));
        var decoded = BlockImage.Decode(File.ReadAllBytes(path));
        Assert.Equal(ping, Ascii(decoded.Content));
        Assert.Equal(2, decoded.Records.Count(r => r.Type == 2));
    }

    /// <summary>An append writes from the sector holding the log's end to the sector holding the new end, and
    /// nothing else: a mark put in an earlier sector and marks beyond stay as they were.</summary>
    [Fact]
    public void Append_WritesOnlyFromTheTailSectorOn()
    {
        var path = NewDevice(16 * Sector);
        using var log = BlockLog.Open(path);
        for (int i = 0; i < 5; i++) log.Append(Fill('r', 150)); // ends at 512 + 5 x 192 = 1472, in sector 2
        using (var poke = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            poke.Seek(Sector + 100, SeekOrigin.Begin); // sector 1, part of a record written already
            poke.WriteByte(0xEE);
            poke.Seek(4 * Sector, SeekOrigin.Begin);
            poke.Write(Enumerable.Repeat((byte)0xA5, 12 * Sector).ToArray());
        }
        log.Append(Fill('s', 300)); // 1472 + 344 = 1816, in sector 3
        log.Sync();
        var image = File.ReadAllBytes(path);
        Assert.Equal(0xEE, image[Sector + 100]);
        Assert.Equal(Fill('s', 300), image.AsSpan(1472 + 40, 300).ToArray());
        Assert.True(image.AsSpan(1816, 4 * Sector - 1816).IndexOfAnyExcept((byte)0) < 0);
        Assert.True(image.AsSpan(4 * Sector).IndexOfAnyExcept((byte)0xA5) < 0);
    }

    [Fact]
    public void DeviceThatIsNotALog_OrIsDamaged_OrTooSmall_IsRefusedUntouched()
    {
        var foreign = NewDevice(64 * 1024);
        var content = Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(foreign, content);
        var e = Assert.Throws<IOException>(() => BlockLog.Open(foreign));
        Assert.Contains("first sector is not zero", e.Message);
        Assert.Equal(content, File.ReadAllBytes(foreign));

        var damaged = NewDevice(64 * 1024);
        using (var log = BlockLog.Open(damaged)) log.Append("x");
        var image = File.ReadAllBytes(damaged);
        image[20] ^= 1; // in the log id
        File.WriteAllBytes(damaged, image);
        e = Assert.Throws<IOException>(() => BlockLog.Open(damaged));
        Assert.Contains("superblock is damaged", e.Message);
        Assert.Equal(image, File.ReadAllBytes(damaged));

        var small = NewDevice(Sector);
        e = Assert.Throws<IOException>(() => BlockLog.Open(small));
        Assert.Contains("too small", e.Message);
    }

    private string NewDevice(long size)
    {
        var path = Path.Combine(dir, $"device{devices++}.img");
        using var f = File.Create(path);
        f.SetLength(size);
        return path;
    }

    private static void ZeroFirstSector(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Write);
        f.Write(new byte[Sector]);
    }

    private static byte[] Fill(char c, int n) => Enumerable.Repeat((byte)c, n).ToArray();

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static string Ascii(byte[] b) => Encoding.ASCII.GetString(b);
}

/// <summary>kv (CoreCLR) with --appenddevice on a preallocated file: a full device, and a torn record left by a crash.</summary>
public sealed class KvBlockLogServerTests : IDisposable
{
    private readonly string dir = KvTests.TempDir();

    public void Dispose() => Directory.Delete(dir, true);

    /// <summary>The write that does not fit is not acknowledged (its client is closed, as for any failed AOF write);
    /// after it every write command gets -MISCONF, reads go on, and a restart has exactly the acknowledged writes.</summary>
    [Fact]
    public void FullDevice_AnswersMisconf_AndARestartHasEveryAcknowledgedWrite()
    {
        var device = Path.Combine(dir, "small.img");
        using (var f = File.Create(device)) f.SetLength(16 * 1024);
        string[] args = ["--appendonly", "yes", "--appendfsync", "always", "--appenddevice", device];
        var value = new string('v', 200);
        var acknowledged = new List<int>();
        using (var kv = KvProcess.Start("coreclr", args))
        {
            using (var client = kv.Connect())
            {
                try
                {
                    for (int i = 0; i < 1000; i++)
                    {
                        Assert.Equal("+OK\r\n", Ascii(client.Call("SET", $"key:{i}", value)));
                        acknowledged.Add(i);
                    }
                }
                catch (IOException) { }
            }
            Assert.InRange(acknowledged.Count, 10, 999);
            using var again = kv.Connect();
            Assert.StartsWith("-MISCONF Errors writing to the AOF file: No space left on device", Ascii(again.Call("SET", "x", "y")));
            Assert.Equal($"${value.Length}\r\n{value}\r\n", Ascii(again.Call("GET", "key:0")));
            Assert.Contains("aof_last_write_status:err", Ascii(again.Call("INFO", "persistence")));
            KvServerOutput.AssertEventuallyContains(kv, "No space left on device");
        }
        using (var kv = KvProcess.Start("coreclr", args))
        using (var client = kv.Connect())
        {
            foreach (var i in acknowledged)
                Assert.Equal($"${value.Length}\r\n{value}\r\n", Ascii(client.Call("GET", $"key:{i}")));
            Assert.Equal("$-1\r\n", Ascii(client.Call("GET", $"key:{acknowledged.Count}")));
        }
    }

    [Fact]
    public void TornLastRecord_IsDroppedWithAWarning_AndTheNextWriteTakesItsPlace()
    {
        var device = KvStorage.Create("device", dir);
        using (var kv = KvProcess.Start("coreclr", device, "--appendfsync", "always"))
        using (var client = kv.Connect())
        {
            client.Call("SET", "a", "1");
            client.Call("SET", "b", "2");
            KvServerOutput.AssertEventuallyContains(kv, "formatted");
        }
        var image = File.ReadAllBytes(device.Path);
        var last = BlockImage.Decode(image).Records.Last();
        Assert.Contains("$1\r\nb\r\n", Ascii(last.Payload));
        Array.Clear(image, (int)last.Offset + 45, (int)last.Span - 45); // the crash cut it 5 bytes into the payload
        File.WriteAllBytes(device.Path, image);
        using (var kv = KvProcess.Start("coreclr", device, "--appendfsync", "always"))
        using (var client = kv.Connect())
        {
            Assert.Equal("$1\r\n1\r\n", Ascii(client.Call("GET", "a")));
            Assert.Equal("$-1\r\n", Ascii(client.Call("GET", "b")));
            KvServerOutput.AssertEventuallyContains(kv, "last record of the append-only log on " + device.Path + " is incomplete");
            Assert.DoesNotContain("formatted", kv.Output);
            client.Call("SET", "c", "3");
        }
        using (var kv = KvProcess.Start("coreclr", device))
        using (var client = kv.Connect())
        {
            Assert.Equal("$1\r\n1\r\n", Ascii(client.Call("GET", "a")));
            Assert.Equal("$1\r\n3\r\n", Ascii(client.Call("GET", "c")));
            Assert.DoesNotContain("incomplete", kv.Output);
        }
    }

    [Fact]
    public void AppendDevice_WithoutAppendOnly_OrMissing_StopsTheStart()
    {
        var missing = Path.Combine(dir, "missing.img");
        foreach (var (args, message) in new[]
                 {
                     (new[] { "--appenddevice", missing }, "add --appendonly yes"),
                     (new[] { "--appendonly", "yes", "--appenddevice", missing }, "cannot use the append-only file"),
                 })
        {
            var (exit, stdout, _) = KvTests.Run("dotnet", $"{KvProcess.CoreClrDll.Value} --port 0 {string.Join(' ', args)}", 60);
            Assert.Equal(1, exit);
            Assert.Contains(message, stdout);
        }
    }

    private static string Ascii(byte[] b) => Encoding.ASCII.GetString(b);
}

/// <summary>kv's BlockAppendLog from kv's CoreCLR build, called through reflection; exceptions come out unwrapped.</summary>
internal sealed class BlockLog : IDisposable
{
    private static readonly Lazy<Type> LogType = new(() =>
        Assembly.LoadFrom(KvProcess.CoreClrDll.Value).GetType("Kv.Platform.BlockAppendLog", throwOnError: true)!);

    private readonly object log;
    private bool closed;

    private BlockLog(object log) { this.log = log; }

    public static BlockLog Open(string path) => new(Invoke(null, "Open", path)!);

    public byte[] ReadAll() => (byte[])Invoke(log, "ReadAll")!;

    public void Append(byte[] data) => Invoke(log, "Append", data, 0, data.Length);

    public void Append(string ascii) => Append(Encoding.ASCII.GetBytes(ascii));

    public void Truncate(long length) => Invoke(log, "Truncate", length);

    public void Sync() => Invoke(log, "Sync");

    public long Capacity => (long)LogType.Value.GetProperty("Capacity")!.GetValue(log)!;

    public void Dispose()
    {
        if (closed) return;
        closed = true;
        Invoke(log, "Close");
    }

    private static object? Invoke(object? target, string name, params object[] args)
    {
        var method = LogType.Value.GetMethod(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)!;
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}

/// <summary>
/// A decoder of the block log's layout as README.md documents it ("The log on a block device"), with .NET's
/// own CRC-32C (BitOperations.Crc32C): a check of kv's writer that shares none of its code.
/// </summary>
internal static class BlockImage
{
    public sealed record Record(long Offset, long Span, ushort Type, ulong Sequence, uint Epoch, uint PreviousCrc, uint Crc, byte[] Payload);

    public sealed record Decoded(ulong LogId, uint SuperblockCrc, List<Record> Records, long End, byte[] Content);

    public static Decoded Decode(byte[] image)
    {
        Assert.Equal(0xE3069283u, Crc("123456789"u8, default));
        Assert.Equal("kvblklog", Encoding.ASCII.GetString(image, 0, 8));
        Assert.Equal(1u, U32(image, 8));
        int sector = (int)U32(image, 12);
        Assert.Equal(512, sector);
        ulong logId = U64(image, 16);
        long first = (long)U64(image, 32);
        uint superCrc = U32(image, 44);
        Assert.Equal(Crc(image.AsSpan(0, 44), default), superCrc);
        Assert.True(image.AsSpan(48, sector - 48).IndexOfAnyExcept((byte)0) < 0, "the superblock's sector is zero after it");
        long capacity = image.Length - image.Length % sector;
        var records = new List<Record>();
        var content = new List<byte>();
        long pos = first;
        ulong sequence = 1;
        uint previous = superCrc;
        while (pos + 40 <= capacity)
        {
            if (U32(image, pos) != 0x3152564B || U64(image, pos + 8) != logId || U64(image, pos + 16) != sequence || U32(image, pos + 28) != previous)
                break;
            long length = U32(image, pos + 32);
            if (pos + 40 + length > capacity)
                break;
            var payload = image.AsSpan((int)pos + 40, (int)length).ToArray();
            uint crc = Crc(image.AsSpan((int)pos, 36), payload);
            if (crc != U32(image, pos + 36))
                break;
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan((int)pos + 4));
            Assert.True(type is 1 or 2, $"record type {type}");
            if (type == 1) content.AddRange(payload);
            else content.RemoveRange((int)BinaryPrimitives.ReadInt64LittleEndian(payload), content.Count - (int)BinaryPrimitives.ReadInt64LittleEndian(payload));
            long span = (40 + length + 7) & ~7L;
            records.Add(new Record(pos, span, type, sequence, U32(image, pos + 24), previous, crc, payload));
            previous = crc;
            sequence++;
            pos += span;
        }
        return new Decoded(logId, superCrc, records, pos, content.ToArray());
    }

    private static uint Crc(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        uint c = 0xFFFFFFFF;
        foreach (var x in a) c = BitOperations.Crc32C(c, x);
        foreach (var x in b) c = BitOperations.Crc32C(c, x);
        return ~c;
    }

    private static uint U32(byte[] b, long at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)at));

    private static ulong U64(byte[] b, long at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan((int)at));
}
