using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ContentTags.Samples.Tests.Support;

/// <summary>The built sample programs, and a way to run one as a process (<c>dotnet Sample.dll</c>).</summary>
internal static class SampleApps
{
    private static readonly string Root = Metadata("SamplesRoot");
    private static readonly string Output = Metadata("SamplesOutput");

    /// <summary>The sample's project folder, e.g. <c>samples/BatchCsv</c>.</summary>
    public static string ProjectDirectory(string name) => Path.Combine(Root, name);

    /// <summary>The sample's built assembly; the test project references the samples, so they are built before it.</summary>
    public static string Dll(string name)
    {
        string dll = Path.Combine(Root, name, Output, name + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"The sample {name} is not built: expected {dll}. Build the solution first.", dll);
        return dll;
    }

    /// <summary>The dotnet host that runs this test, so the samples run on the same runtime.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ProcessStartInfo StartInfo(string name, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory ?? ProjectDirectory(name),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll(name));
        foreach (string arg in args) info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>Runs a sample to completion; kills it (and fails) when it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string name, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null)
    {
        using var process = Process.Start(StartInfo(name, args, workingDirectory))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not finish within {timeout.TotalSeconds:0} s. Output so far:\n{await stdout}\n{await stderr}");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Metadata(string key) =>
        typeof(SampleApps).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}

internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
