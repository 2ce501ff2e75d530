using System.Runtime.InteropServices;

namespace System.Runtime
{
    /// <summary>
    /// One try block with catch or filter clauses that control is inside of, in the frame of the
    /// function it belongs to. The compiler allocates one per such try block, links it in on entry
    /// (<see cref="ExceptionHandling.EnterTry"/>) and out on every exit. The compiler appends a
    /// pointer to each local and argument the block's filters read, which its select function finds
    /// after these two fields.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct HandlerRecord
    {
        public HandlerRecord* Previous;
        /// <summary>
        /// <c>int select(HandlerRecord*, Exception)</c>: the number of the clause that takes the
        /// exception (its filters run here), or -1. Null for a boundary that takes everything.
        /// </summary>
        public void* Select;
    }

    /// <summary>
    /// The first pass of .NET's two-pass exception handling (ECMA-335 §I.12.4.2.5). When an exception
    /// is raised, the chain of try blocks that control is inside of is searched, innermost first,
    /// for a clause that takes it; filters run now, before any finally block between the throw and
    /// the handler. The decision is written into the exception; the second pass is the explicit
    /// propagation the compiled code does anyway, and each try block's dispatch just asks
    /// <see cref="Catching"/> whether the decision names it.
    /// </summary>
    public static unsafe partial class ExceptionHandling
    {
        // One chain per thread of control: the scheduler swaps it (Chain) with the stack.
        private static HandlerRecord* s_chain;

        // The exception the first pass found no handler for, on its way out through finally blocks.
        private static Exception s_unhandledInFlight;

        public static HandlerRecord* Chain
        {
            get => s_chain;
            set => s_chain = value;
        }

        [RuntimeExport("tb_enter_try")]
        public static void EnterTry(HandlerRecord* record, void* select)
        {
            record->Select = select;
            record->Previous = s_chain;
            s_chain = record;
        }

        [RuntimeExport("tb_leave_try")]
        public static void LeaveTry(HandlerRecord* record) => s_chain = record->Previous;

        /// <summary>An exception reached the try block's dispatch: leave the block, and say which clause takes it (-1: none).</summary>
        public static int Catching(HandlerRecord* record, Exception exception)
        {
            s_chain = record->Previous;
            return exception._handlerRecord == (IntPtr)record ? exception._handlerClause : -1;
        }

        private static void FirstPass(Exception exception)
        {
            // .NET reports an exception nobody handles as soon as its first pass finds no handler,
            // then runs the finally blocks on its way out. A finally that raises another exception
            // abandons it; report it now, with the frames it has left so far.
            if (s_unhandledInFlight != null && s_unhandledInFlight != exception)
                ReportUnhandled(s_unhandledInFlight);
            s_unhandledInFlight = null;
            for (HandlerRecord* record = s_chain; record != null; record = record->Previous)
            {
                int clause = record->Select == null ? 0 : Select(record, exception);
                if (clause >= 0)
                {
                    exception._handlerRecord = (IntPtr)record;
                    exception._handlerClause = clause;
                    return;
                }
            }
            exception._handlerRecord = IntPtr.Zero;
            s_unhandledInFlight = exception;
        }

        /// <summary>
        /// Runs a try block's select function behind a boundary, so that an exception raised in a
        /// filter is looked for a handler no further than the filter (the select function swallows it:
        /// the filter counts as false, §II.19.4).
        /// </summary>
        private static int Select(HandlerRecord* record, Exception exception)
        {
            HandlerRecord boundary;
            EnterTry(&boundary, null);
            int clause = ((delegate*<HandlerRecord*, Exception, int>)record->Select)(record, exception);
            LeaveTry(&boundary);
            return clause;
        }
    }
}
