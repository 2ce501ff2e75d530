
// bench/net/platform.coreclr.cs: appended to server.cs by measure.sh for the CoreCLR build.
public static partial class Program
{
    static string RuntimeName() => "coreclr " + System.Environment.Version.ToString();

    static long NowNanoseconds() =>
        (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1e9 / System.Diagnostics.Stopwatch.Frequency));

    static string Stats() => "(the kernel's counters: nstat in the namespace)";
}
