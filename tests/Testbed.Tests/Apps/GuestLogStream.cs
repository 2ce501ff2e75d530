using System.Text;

namespace Testbed.Tests.Apps;

/// <summary>
/// A server guest's standard output as the runner streams it, appended to a log that the test reads
/// while the guest runs (the servers' start-up line, warnings); shared by the kv and http tests.
/// </summary>
internal sealed class GuestLogStream(StringBuilder log) : WriteOnlyStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (log) log.Append(Encoding.UTF8.GetString(buffer, offset, count));
    }
}
