namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// What runs between Main's return and the exit: the start code calls <see cref="BeforeExit"/> when
    /// something set it (the scheduler, once a foreground thread exists, to wait for it as .NET does).
    /// A function pointer rather than a call, so that programs without threads carry no scheduler.
    /// </summary>
    internal static unsafe class ProcessExit
    {
        internal static delegate*<void> BeforeExit;

        /// <summary>Reports that describe the whole run (the network stack's counters), after the threads have finished.</summary>
        internal static delegate*<void> Report;

        internal static void Run()
        {
            delegate*<void> hook = BeforeExit;
            if (hook != null)
                hook();
            delegate*<void> report = Report;
            if (report != null)
                report();
        }
    }
}
