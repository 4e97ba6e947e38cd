using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>Progress is for a person at a terminal: shown when stderr is a terminal, never when it is redirected or with --quiet.</summary>
public sealed class ProgressTests
{
    private const int Rows = 60_000;

    // `script` runs the tool on a pseudo-terminal, as a person's shell would, and copies what it draws to its stdout.
    private static Task<CliResult> RunOnTerminalAsync(params string[] args) =>
        Tool.RunProgramAsync("script", "-qec", "TERM=xterm-256color COLUMNS=120 dotnet \"" + Tool.DllPath + "\" " + string.Join(' ', args.Select(a => "'" + a + "'")), "/dev/null");

    [Fact]
    public async Task A_terminal_sees_rows_and_rows_per_second_while_tagging()
    {
        using var dir = new TempDir();
        string input = dir.Write("in.csv", SampleTexts.Csv(Rows));
        var run = await RunOnTerminalAsync("tag", input, "-o", dir.File("out.csv"), "--model", SmallModel.Path);
        string screen = run.StdOut;
        Assert.True(run.ExitCode == 0, screen);
        Assert.Contains("rows/s", screen);
        Assert.Contains($"{Rows:N0} rows tagged", screen);
        Assert.Equal(Rows, CsvTable.ParseFile(dir.File("out.csv")).Rows.Count);
    }

    [Fact]
    public async Task Quiet_on_a_terminal_draws_nothing()
    {
        using var dir = new TempDir();
        string input = dir.Write("in.csv", SampleTexts.Csv(2_000));
        var run = await RunOnTerminalAsync("tag", input, "-o", dir.File("out.csv"), "--model", SmallModel.Path, "--quiet");
        string screen = run.StdOut;
        Assert.True(run.ExitCode == 0, screen);
        Assert.DoesNotContain("rows/s", screen);
        Assert.DoesNotContain("rows tagged", screen);
    }

    [Fact]
    public async Task Redirected_stderr_gets_the_summary_but_no_progress()
    {
        using var dir = new TempDir();
        string input = dir.Write("in.csv", SampleTexts.Csv(Rows));
        var run = await Tool.RunAsync("tag", input, "-o", dir.File("out.csv"), "--model", SmallModel.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("rows/s", run.StdErr);
        Assert.DoesNotContain("\u001b[", run.StdErr); // no terminal control codes in a log file
        Assert.Contains($"{Rows:N0} rows tagged", run.StdErr);
    }
}
