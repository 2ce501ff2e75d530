using Spectre.Console;
using Testbed.Passes;

namespace Testbed.Cli.Commands;

/// <summary>What is reported once the pipeline has run: --stats lines and the --time-passes table.</summary>
internal static class PassOutput
{
    public static void Report(PassSession session, PassRun run, TextWriter error)
    {
        if (session.Options.Statistics)
            foreach (var line in PassReports.StatisticsLines(run.Context)) error.WriteLine(line);
        if (session.Options.TimePasses) WriteTimes(run, error);
    }

    private static void WriteTimes(PassRun run, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        var table = new Table { Border = TableBorder.Ascii, Title = new TableTitle("Testbed pass times") };
        table.AddColumn("pass");
        table.AddColumn(new TableColumn("runs").RightAligned());
        table.AddColumn(new TableColumn("ms").RightAligned());
        table.AddColumn(new TableColumn("%").RightAligned());
        double total = run.Total.TotalMilliseconds;
        foreach (var t in run.Timings.OrderByDescending(t => t.Time))
            table.AddRow(Markup.Escape(t.Pass), t.Runs.ToString(), $"{t.Time.TotalMilliseconds:0.000}",
                total > 0 ? $"{100 * t.Time.TotalMilliseconds / total:0.0}" : "-");
        table.AddRow("total", run.Timings.Sum(t => t.Runs).ToString(), $"{total:0.000}", "100.0");
        console.Write(table);
    }
}
