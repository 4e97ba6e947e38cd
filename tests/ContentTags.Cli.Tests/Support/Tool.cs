using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ContentTags.Cli.Tests.Support;

/// <summary>What one run of the tool did.</summary>
internal sealed record CliResult(int ExitCode, byte[] StdOutBytes, string StdErr, TimeSpan Elapsed)
{
    public string StdOut => Encoding.UTF8.GetString(StdOutBytes);

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0}s; stderr: {StdErr}";
}

/// <summary>Runs the real <c>contenttags</c> tool (the build output of src/ContentTags.Cli) as a process: <c>dotnet ContentTags.Cli.dll ...</c>.</summary>
internal static class Tool
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string DllPath { get; } = LocateDll();

    /// <summary>Runs the tool to completion; <paramref name="stdin"/> (if any) is written to its standard input, which is closed after.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, byte[]? stdin = null, string? workingDirectory = null, TimeSpan? timeout = null, string? program = null)
    {
        using var process = program is null ? Start(args, workingDirectory) : StartProgram(program, ["-c", .. args], workingDirectory);
        var clock = Stopwatch.StartNew();
        var stdout = new MemoryStream();
        var readOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var readErr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null) await process.StandardInput.BaseStream.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool may exit (for example on a usage error) before reading its input.
        }
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"contenttags {string.Join(' ', args)} did not finish in time.");
        }
        await readOut;
        string err = await readErr;
        return new CliResult(process.ExitCode, stdout.ToArray(), err, clock.Elapsed);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, null);

    /// <summary>Runs another program to completion (such as stat or kill).</summary>
    public static async Task<CliResult> RunProgramAsync(string program, params string[] args)
    {
        using var process = StartProgram(program, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, Encoding.UTF8.GetBytes(await stdout), stderr, TimeSpan.Zero);
    }

    /// <summary>Runs the tool with its standard output sent to <paramref name="stdoutPath"/> (such as /dev/full) by a shell.</summary>
    public static Task<CliResult> RunWithStdoutAsync(string stdoutPath, params string[] args) =>
        RunAsync(["exec dotnet \"$0\" \"$@\" > " + stdoutPath, DllPath, .. args], null, program: "sh");

    /// <summary>Starts the tool with every standard stream redirected; the caller reads them and waits for it.</summary>
    public static Process Start(IEnumerable<string> args, string? workingDirectory = null) => StartProgram("dotnet", [DllPath, .. args], workingDirectory);

    /// <summary>Starts a program with every standard stream redirected.</summary>
    public static Process StartProgram(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    private static string LocateDll()
    {
        // The project reference builds the tool first; its output sits in its own bin folder for this configuration.
        string configured = Metadata("ContentTagsCliDll");
        if (File.Exists(configured)) return configured;
        string beside = Path.Combine(AppContext.BaseDirectory, "ContentTags.Cli.dll");
        if (File.Exists(beside)) return beside;
        throw new FileNotFoundException($"The tool's build output was not found at {configured}; build src/ContentTags.Cli first.");
    }

    private static string Metadata(string key) =>
        typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
