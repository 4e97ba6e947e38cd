using System.Diagnostics;
using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>
/// Issue 7: Ctrl-C (SIGINT, sent with kill -INT to the running tool) stops a run with a non-zero exit code and leaves no
/// file under the final output name, and no temporary file either; an older file under that name is kept.
/// </summary>
public sealed class CancellationTests
{
    private const int Rows = 300_000;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")] // what Kubernetes sends a pod it stops
    public Task Signal_during_a_large_file_leaves_no_output(string signal) => Reliability.CheckAsync("Cancellation (tool process)",
        $"SIGINT or SIGTERM sent while the tool was tagging a {Rows:N0}-row file into a new output", async () =>
    {
        using var dir = new TempDir();
        string input = dir.File("big.csv");
        await WriteLargeCsvAsync(input);
        string output = dir.File("out.csv");

        using var process = StartUnderDefaultSigint(["tag", input, "-o", output, "--quiet", "--model", SmallModel.Path]);
        var stderr = process.StandardError.ReadToEndAsync();
        // Started: its temporary output file exists (rows are being written).
        await WaitUntilAsync(() => Directory.GetFiles(dir.Path, ".out.csv.*.tmp").Length > 0 || process.HasExited, TimeSpan.FromSeconds(60));
        if (process.HasExited) Assert.Fail("the run finished before it could be interrupted: " + await stderr);

        Send(signal, process);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the tool did not stop after SIG" + signal);
        string err = await stderr.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled", err);
        Assert.False(File.Exists(output));
        Assert.Equal(["big.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        return 1;
    });

    [Fact]
    public Task Sigint_while_reading_a_pipe_keeps_the_old_output() => Reliability.CheckAsync("Cancellation (tool process)",
        "SIGINT sent while the tool waited on a stdin pipe half-way through its input, over an existing output file", async () =>
    {
        using var dir = new TempDir();
        string output = dir.Write("out.csv", "results of an earlier run\n");
        byte[] firstHalf = System.Text.Encoding.UTF8.GetBytes(SampleTexts.Csv(10_000));

        using var process = StartUnderDefaultSigint(["tag", "-", "-o", output, "--quiet", "--model", SmallModel.Path]);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(firstHalf).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        await process.StandardInput.BaseStream.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        // The pipe stays open: the tool has read and tagged what it was given and waits for more.
        await WaitUntilAsync(() => Directory.GetFiles(dir.Path, ".out.csv.*.tmp").Any(f => new FileInfo(f).Length > 0) || process.HasExited, TimeSpan.FromSeconds(60));
        if (process.HasExited) Assert.Fail("the tool stopped early: " + await stderr);

        Send("INT", process);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the tool did not stop after SIGINT");
        string err = await stderr.WaitAsync(TimeSpan.FromSeconds(30));
        await stdout.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled", err);
        Assert.Equal("results of an earlier run\n", File.ReadAllText(output));
        Assert.Equal(["out.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        return 1;
    });

    /// <summary>
    /// Starts the tool with SIGINT at its default disposition: a process started from a non-interactive shell in the
    /// background inherits SIGINT ignored, and .NET then never sees it (env --default-signal resets it).
    /// </summary>
    private static Process StartUnderDefaultSigint(string[] args) =>
        Tool.StartProgram("env", ["--default-signal=INT", "dotnet", Tool.DllPath, .. args]);

    /// <summary>kill -INT (or -TERM) PID, as a person or an orchestrator would.</summary>
    private static void Send(string signal, Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException("condition not met in " + timeout);
            await Task.Delay(5);
        }
    }

    private static async Task WriteLargeCsvAsync(string path)
    {
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("id,text\n");
        for (int i = 1; i <= Rows; i++)
        {
            await writer.WriteAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await writer.WriteAsync(',');
            await writer.WriteAsync(CsvText.Field(SampleTexts.Row(i), ','));
            await writer.WriteAsync('\n');
        }
    }
}
