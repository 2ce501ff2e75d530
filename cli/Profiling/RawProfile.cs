using System.Buffers.Binary;

namespace Testbed.Cli.Profiling;

/// <summary>
/// The samples a profiled run wrote (libos/platform/common/ProfileSamples.cs has the writer): 64-bit
/// little-endian words, magic "TBPROF01", the rate in Hz, the samples kept, the samples dropped, then
/// per sample its depth n and n addresses, the interrupted RIP first and return addresses after it.
/// </summary>
public sealed record RawProfile(int Hz, IReadOnlyList<ulong[]> Samples, long Dropped)
{
    public const ulong Magic = 0x3130464F52504254;

    /// <exception cref="InvalidDataException">Not a profile, or cut short.</exception>
    public static RawProfile Parse(byte[] bytes)
    {
        if (bytes.Length < 32 || bytes.Length % 8 != 0 || BinaryPrimitives.ReadUInt64LittleEndian(bytes) != Magic)
            throw new InvalidDataException("not a testbed profile (no TBPROF01 header)");
        ulong Word(int index) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(index * 8));
        int words = bytes.Length / 8;
        int hz = checked((int)Word(1));
        ulong count = Word(2);
        long dropped = checked((long)Word(3));
        var samples = new List<ulong[]>();
        int at = 4;
        for (ulong k = 0; k < count; k++)
        {
            if (at >= words) throw new InvalidDataException($"the profile ends after {k} of its {count} samples");
            ulong depth = Word(at++);
            if (depth == 0 || depth > (ulong)(words - at)) throw new InvalidDataException($"sample {k}: depth {depth} runs past the end");
            var stack = new ulong[depth];
            for (int d = 0; d < stack.Length; d++) stack[d] = Word(at++);
            samples.Add(stack);
        }
        return new RawProfile(hz, samples, dropped);
    }

    public static RawProfile Read(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>The bytes the library OS would have written (tests).</summary>
    public byte[] ToBytes()
    {
        var words = new List<ulong> { Magic, (ulong)Hz, (ulong)Samples.Count, (ulong)Dropped };
        foreach (var sample in Samples)
        {
            words.Add((ulong)sample.Length);
            words.AddRange(sample);
        }
        var bytes = new byte[words.Count * 8];
        for (int i = 0; i < words.Count; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), words[i]);
        return bytes;
    }
}
