namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// What runs between Main's return and the exit: the start code calls <see cref="BeforeExit"/> when
    /// something set it (the scheduler, once a foreground thread exists, to wait for it as .NET does),
    /// then the reports. Function pointers rather than calls, so that programs without threads carry no
    /// scheduler and programs without reports no report.
    /// </summary>
    internal static unsafe class ProcessExit
    {
        // Room for every report there is: the network stack's counters, count-layer-calls' and the profiler's samples.
        private const int MaxReports = 4;

        internal static delegate*<void> BeforeExit;

        private static ReportTable s_reports;
        private static int s_reportCount;

        /// <summary>
        /// A report that describes the whole run, to be made after the threads have finished (and on a
        /// stop signal, see StopSignals). Reports run in the order they were added; one beyond
        /// <see cref="MaxReports"/> is not made.
        /// </summary>
        internal static void AddReport(delegate*<void> report)
        {
            if (s_reportCount == MaxReports)
                return;
            fixed (ReportTable* table = &s_reports)
                table->Addresses[s_reportCount] = (ulong)report;
            s_reportCount++;
        }

        internal static void Run()
        {
            delegate*<void> hook = BeforeExit;
            if (hook != null)
                hook();
            RunReports();
        }

        internal static void RunReports()
        {
            fixed (ReportTable* table = &s_reports)
                for (int k = 0; k < s_reportCount; k++)
                    ((delegate*<void>)table->Addresses[k])();
        }

        private struct ReportTable
        {
            public fixed ulong Addresses[MaxReports];
        }
    }
}
