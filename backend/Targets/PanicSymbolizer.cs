using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Testbed.Backend.Targets;

/// <summary>
/// Gives a PVH panic report's addresses their C# file:line, on the host, after the run: the guest
/// names only functions (its symbol table), and a line table inside the image would cost every image
/// what only -g images need. llvm-symbolizer reads the image's DWARF; for a return address it is asked
/// about the call (address - 1), as the report names the caller. Without DWARF or the tool, the report
/// stays as the guest wrote it.
/// </summary>
public static partial class PanicSymbolizer
{
    // "  rip 0x... in NAME" and, under "  stack:", "    0x... NAME".
    [GeneratedRegex(@"^(  rip 0x(?<rip>[0-9a-f]{16}) in .*|    0x(?<ret>[0-9a-f]{16}) .*)$")]
    private static partial Regex AddressLine();

    public static string Annotate(string stderr, string imagePath)
    {
        if (!stderr.Contains("PANIC: ", StringComparison.Ordinal) || Tools.Symbolizer is not { } tool || !HasLineTable(imagePath)) return stderr;
        var lines = stderr.Split('\n');
        var queries = new List<(int Line, ulong Address)>();
        for (int k = 0; k < lines.Length; k++)
        {
            var m = AddressLine().Match(lines[k]);
            if (!m.Success) continue;
            ulong address = ulong.Parse(m.Groups["rip"].Success ? m.Groups["rip"].Value : m.Groups["ret"].Value, NumberStyles.HexNumber);
            queries.Add((k, m.Groups["rip"].Success ? address : address - 1));
        }
        if (queries.Count == 0) return stderr;
        var places = Symbolize(tool, imagePath, queries.Select(q => q.Address).ToList());
        if (places is null) return stderr;
        for (int q = 0; q < queries.Count; q++)
            if (places[q] is { } place) lines[queries[q].Line] += " at " + place;
        return string.Join('\n', lines);
    }

    private static bool HasLineTable(string imagePath)
    {
        try
        {
            // Enough to tell a -g image: the section name is in the section header string table.
            var bytes = File.ReadAllBytes(imagePath);
            return bytes.AsSpan().IndexOf(".debug_line"u8) >= 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>file:line for each address (null where the line table has none); null if the tool failed.</summary>
    private static List<string?>? Symbolize(string tool, string imagePath, IReadOnlyList<ulong> addresses)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--obj=" + imagePath, "--no-inlines" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi);
        if (process is null) return null;
        var input = new StringBuilder();
        foreach (var address in addresses) input.Append("0x").Append(address.ToString("x", CultureInfo.InvariantCulture)).Append('\n');
        process.StandardInput.Write(input.ToString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(true);
            return null;
        }
        // One block per address: the function's name, then file:line:column, then a blank line.
        var blocks = output.Result.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        if (blocks.Length != addresses.Count) return null;
        return blocks.Select(b =>
        {
            var rows = b.Trim('\n').Split('\n');
            if (rows.Length < 2 || rows[1].StartsWith("??", StringComparison.Ordinal)) return null;
            var place = rows[1];
            // file:line:column; the column says little for C# statements.
            int last = place.LastIndexOf(':');
            int line = last > 0 ? place.LastIndexOf(':', last - 1) : -1;
            return line > 0 && place[(line + 1)..last] != "0" ? place[..last] : null;
        }).ToList<string?>();
    }
}
